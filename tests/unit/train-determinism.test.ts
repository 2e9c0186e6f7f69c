import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerFastCpuKernels, unregisterFastCpuKernels } from '../../src/engine/cpu-fast-kernels.ts';
import { buildFastCnn } from '../../src/models/cnn.ts';
import { encodeCheckpoint, takeSnapshot } from '../../src/train/snapshot.ts';
import { Trainer, type Dataset } from '../../src/train/trainer.ts';
import type { TrainConfig } from '../../src/train/config.ts';
import { firstMnistTrain } from '../helpers/mnist-sample.ts';
import { expectNoLeak } from '../helpers/tf.ts';

const ROWS = 256;
const PROBE = 32;
const config = (seed: number): TrainConfig => ({
  optimizer: 'adam', learningRate: 0.003, batchSize: 16, epochs: 1, loss: 'categoricalCrossentropy', seed, shuffle: true,
});

function tensors(n: number): Dataset {
  const s = firstMnistTrain(n);
  return tf.tidy(() => ({
    x: tf.tensor4d(s.images, [n, 28, 28, 1]),
    y: tf.oneHot(tf.tensor1d(Int32Array.from(s.labels), 'int32'), 10).toFloat(),
  }));
}

/**
 * Trains the fast CNN batch by batch (pausing after each through `shouldStop`) and
 * returns the loss on a fixed probe batch after each of the first three batches,
 * plus the checkpoint bytes after the third.
 */
async function firstBatches(seed: number, train: Dataset, probe: Dataset) {
  const model = buildFastCnn({ seed });
  const trainer = new Trainer(model, train, config(seed));
  const losses: number[] = [];
  try {
    for (let b = 0; b < 3; b++) {
      let allowed = 1;
      expect(await trainer.runEpoch({ shouldStop: () => allowed-- <= 0 })).toBeNull();
      losses.push((await trainer.evaluate(probe)).loss);
    }
    expect(trainer.step).toBe(3);
    const bytes = encodeCheckpoint(await takeSnapshot(model), { model: 'fast-cnn', seed, epoch: 0, step: 3, hyperparameters: { ...config(seed) } });
    return { losses, bytes };
  } finally {
    trainer.dispose();
    model.dispose();
  }
}

describe('training the fast CNN on MNIST is reproducible from its seed', () => {
  let train: Dataset;
  let probe: Dataset;
  beforeAll(() => {
    registerFastCpuKernels();
    train = tensors(ROWS);
    probe = { x: tf.slice(train.x, 0, PROBE), y: tf.slice(train.y, 0, PROBE) };
  });
  afterAll(() => {
    tf.dispose([train.x, train.y, probe.x, probe.y]);
    unregisterFastCpuKernels();
  });

  it('reads the first MNIST training digits', () => {
    const s = firstMnistTrain(3);
    expect(Array.from(s.labels)).toEqual([5, 0, 4]);
  });

  it('same seed → identical losses for the first 3 batches and identical checkpoint bytes; another seed differs', async () => {
    await expectNoLeak(async () => {
      const a = await firstBatches(1, train, probe);
      const b = await firstBatches(1, train, probe);
      const c = await firstBatches(2, train, probe);
      expect(a.losses.every(Number.isFinite)).toBe(true);
      expect(b.losses).toEqual(a.losses);
      expect(b.bytes).toEqual(a.bytes);
      expect(c.losses).not.toEqual(a.losses);
      for (let i = 0; i < 3; i++) expect(c.losses[i]).not.toBe(a.losses[i]);
    });
  });
});
