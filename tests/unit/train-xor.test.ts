import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { describe, expect, it } from 'vitest';
import { buildMlp } from '../../src/models/mlp.ts';
import { Trainer, DivergedError } from '../../src/train/trainer.ts';
import type { TrainConfig } from '../../src/train/config.ts';
import { expectNoLeak } from '../helpers/tf.ts';

const XOR_X = [0, 0, 0, 1, 1, 0, 1, 1];
const XOR_Y = [0, 1, 1, 0];

const config: TrainConfig = {
  optimizer: 'adam', learningRate: 0.1, batchSize: 4, epochs: 300, loss: 'binaryCrossentropy', seed: 1, shuffle: true,
};

async function trainXor(c: TrainConfig, epochs: number) {
  const model = buildMlp({ inputs: 2, hidden: [4], outputs: 1, activation: 'tanh', seed: c.seed });
  const data = { x: tf.tensor2d(XOR_X, [4, 2]), y: tf.tensor2d(XOR_Y, [4, 1]) };
  const trainer = new Trainer(model, data, c);
  const losses: number[] = [];
  try {
    for (let e = 0; e < epochs; e++) losses.push((await trainer.runEpoch())!.loss);
    const predictions = tf.tidy(() => (model.predict(data.x) as tf.Tensor).dataSync());
    return { losses, predictions: Array.from(predictions) };
  } finally {
    trainer.dispose();
    model.dispose();
    tf.dispose([data.x, data.y]);
  }
}

describe('training XOR with one hidden layer', () => {
  it('reaches 100% accuracy and a small loss on a fixed seed, leaking no tensors', async () => {
    const { losses, predictions } = await expectNoLeak(() => trainXor(config, 300));
    expect(losses.at(-1)!).toBeLessThan(0.05);
    expect(losses.at(-1)!).toBeLessThan(losses[0]!);
    expect(predictions.map((p) => (p >= 0.5 ? 1 : 0))).toEqual(XOR_Y);
  });

  it('is deterministic: the same seed gives identical losses; another seed differs', async () => {
    const a = await trainXor(config, 10);
    const b = await trainXor(config, 10);
    const c = await trainXor({ ...config, seed: 2 }, 10);
    expect(a.losses).toEqual(b.losses);
    expect(a.losses).not.toEqual(c.losses);
  });

  it('stops with a clear message when the loss diverges', async () => {
    const exploding = { ...config, optimizer: 'sgd' as const, learningRate: 100, loss: 'meanSquaredError' as const };
    // A linear unit under MSE: each step multiplies the error by (1 − 2ηx²) ≈ −2·10⁴, so the
    // weight overflows to ±∞ within a few epochs and the loss becomes NaN.
    const model = tfl.sequential({ layers: [tfl.layers.dense({ units: 1, inputShape: [1], kernelInitializer: 'ones' })] });
    const data = { x: tf.tensor2d([10, 10, 10, 10], [4, 1]), y: tf.tensor2d([1, 1, 1, 1], [4, 1]) };
    const trainer = new Trainer(model, data, exploding);
    await expect(async () => {
      for (let e = 0; e < 50; e++) await trainer.runEpoch();
    }).rejects.toThrow(DivergedError);
    trainer.dispose();
    model.dispose();
    tf.dispose([data.x, data.y]);
  });

  it('refuses an impossible hyperparameter with a sentence naming it', () => {
    const model = buildMlp({ inputs: 2, hidden: [4], outputs: 1, activation: 'tanh', seed: 1 });
    const data = { x: tf.zeros([4, 2]), y: tf.zeros([4, 1]) };
    expect(() => new Trainer(model, data, { ...config, learningRate: -1 })).toThrow(/learning rate/);
    expect(() => new Trainer(model, data, { ...config, batchSize: 9 })).toThrow(/batch size/);
    model.dispose();
    tf.dispose([data.x, data.y]);
  });

  it('pauses between batches and resumes where it stopped', async () => {
    const model = buildMlp({ inputs: 2, hidden: [4], outputs: 1, activation: 'tanh', seed: 1 });
    const data = { x: tf.tensor2d(XOR_X, [4, 2]), y: tf.tensor2d(XOR_Y, [4, 1]) };
    const trainer = new Trainer(model, data, { ...config, batchSize: 1 });
    let calls = 0;
    expect(await trainer.runEpoch({ shouldStop: () => ++calls > 2 })).toBeNull();
    expect(trainer.step).toBe(2);
    const report = await trainer.runEpoch();
    expect(report?.step).toBe(4);
    expect(report?.epoch).toBe(1);
    trainer.dispose();
    model.dispose();
    tf.dispose([data.x, data.y]);
  });
});
