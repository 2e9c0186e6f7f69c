/**
 * `time-to-accuracy`: how long the fast CNN takes, on this backend, to reach a test
 * accuracy (default 95%) on the book's MNIST subset, training epoch by epoch with
 * our Trainer and evaluating the test images after each epoch. The clock covers
 * training and the per-epoch evaluations (what a reader waits through), not the
 * download of MNIST or the first kernel compilation (one warm-up batch on a copy).
 */
import * as tf from '@tensorflow/tfjs-core';
import { buildFastCnn } from '../models/cnn.ts';
import { Trainer } from '../train/trainer.ts';
import type { TrainConfig } from '../train/config.ts';
import { mnist, mnistTensors, now, sig, type LabContext } from './common.ts';
import type { TimeToAccuracyOptions, TimeToAccuracyResult } from './protocol.ts';

export async function timeToAccuracy(ctx: LabContext, o: TimeToAccuracyOptions): Promise<TimeToAccuracyResult> {
  const target = o.target ?? 0.95;
  const maxSeconds = o.maxSeconds ?? 120;
  const maxEpochs = o.maxEpochs ?? 30;
  const batchSize = o.batchSize ?? 64;
  const learningRate = o.learningRate ?? 0.01;
  const seed = o.seed ?? 1;
  const data = await mnist(ctx);
  const trainRows = Math.min(o.trainRows ?? data.train.count, data.train.count);
  const testRows = Math.min(o.testRows ?? data.test.count, data.test.count);
  const train = mnistTensors(data.train, 0, trainRows);
  const test = mnistTensors(data.test, 0, testRows);
  const config: TrainConfig = { optimizer: 'adam', learningRate, batchSize, epochs: maxEpochs, loss: 'categoricalCrossentropy', seed, shuffle: true };

  // Warm-up on a throwaway model of the same shapes: compiles the kernels.
  {
    const m = buildFastCnn({ seed: seed + 1 });
    const warm = mnistTensors(data.train, 0, batchSize);
    const t = new Trainer(m, warm, { ...config, epochs: 1 });
    await t.runEpoch();
    await t.evaluate(test);
    t.dispose();
    m.dispose();
    tf.dispose([warm.x, warm.y]);
  }

  const model = buildFastCnn({ seed });
  const trainer = new Trainer(model, train, config);
  const curve: TimeToAccuracyResult['curve'] = [];
  let best = 0;
  let reachedAt: { seconds: number; epochs: number } | null = null;
  const t0 = now();
  const elapsed = () => (now() - t0) / 1000;
  try {
    while (!trainer.done && elapsed() < maxSeconds) {
      const report = await trainer.runEpoch({ shouldStop: () => elapsed() >= maxSeconds, syncEvery: 20 });
      if (!report) break;
      const { accuracy } = await trainer.evaluate(test);
      const seconds = elapsed();
      curve.push({ epoch: report.epoch, seconds: sig(seconds), testAccuracy: sig(accuracy), trainLoss: sig(report.loss) });
      ctx.progress(`epoch ${report.epoch}: test accuracy ${(accuracy * 100).toFixed(1)}% at ${seconds.toFixed(1)} s`);
      best = Math.max(best, accuracy);
      if (accuracy >= target) {
        reachedAt = { seconds, epochs: report.epoch };
        break;
      }
    }
  } finally {
    trainer.dispose();
    model.dispose();
    tf.dispose([train.x, train.y, test.x, test.y]);
  }
  return {
    scenario: 'time-to-accuracy',
    backend: ctx.backend,
    target,
    reached: reachedAt !== null,
    seconds: sig(reachedAt?.seconds ?? elapsed()),
    epochs: reachedAt?.epochs ?? curve.length,
    bestAccuracy: sig(best),
    curve,
    batchSize,
    learningRate,
    trainRows,
    testRows,
  };
}
