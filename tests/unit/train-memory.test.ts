import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerFastCpuKernels, unregisterFastCpuKernels } from '../../src/engine/cpu-fast-kernels.ts';
import { gradCam, modelPredict, saliency } from '../../src/explain/index.ts';
import { buildFastCnn } from '../../src/models/cnn.ts';
import { restoreSnapshot, takeSnapshot } from '../../src/train/snapshot.ts';
import { Trainer } from '../../src/train/trainer.ts';
import { firstMnistTrain } from '../helpers/mnist-sample.ts';
import { expectNoLeak } from '../helpers/tf.ts';

describe('memory over train → explain → reset cycles', () => {
  beforeAll(() => registerFastCpuKernels());
  afterAll(() => unregisterFastCpuKernels());

  it('returns tf.memory().numTensors to where it started, three times over', async () => {
    const s = firstMnistTrain(64);
    await expectNoLeak(async () => {
      const start = tf.memory().numTensors;
      const data = tf.tidy(() => ({
        x: tf.tensor4d(s.images, [64, 28, 28, 1]),
        y: tf.oneHot(tf.tensor1d(Int32Array.from(s.labels), 'int32'), 10).toFloat(),
      }));
      const afterData = tf.memory().numTensors;
      const counts: number[] = [];
      for (let cycle = 0; cycle < 3; cycle++) {
        // Train one epoch of 4 batches.
        const model = buildFastCnn({ seed: cycle });
        const trainer = new Trainer(model, data, {
          optimizer: 'adam', learningRate: 0.003, batchSize: 16, epochs: 1, loss: 'categoricalCrossentropy', seed: cycle, shuffle: true,
        });
        const report = await trainer.runEpoch();
        expect(Number.isFinite(report!.loss)).toBe(true);
        // Explain one digit: saliency and Grad-CAM.
        const digit = tf.slice(data.x, 0, 1);
        const sal = await saliency(modelPredict(model), digit, 5);
        const cam = await gradCam(model, digit, 5);
        expect(sal.shape).toEqual([1, 28, 28, 1]);
        expect(cam.shape).toEqual([28, 28]);
        expect(Array.from(await sal.data()).every(Number.isFinite)).toBe(true);
        tf.dispose([digit, sal, cam]);
        // A snapshot round trip, as "skip ahead" does.
        restoreSnapshot(model, await takeSnapshot(model));
        // Reset: dispose the trainer (optimizer state) and the model.
        trainer.dispose();
        model.dispose();
        counts.push(tf.memory().numTensors);
      }
      expect(counts).toEqual([afterData, afterData, afterData]);
      tf.dispose([data.x, data.y]);
      expect(tf.memory().numTensors).toBe(start);
    });
  });
});
