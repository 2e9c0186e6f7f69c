/**
 * `time-to-accuracy`: how long the fast CNN takes, on this backend, to reach a test
 * accuracy (default 95%) on the book's MNIST subset, training epoch by epoch with
 * our Trainer and evaluating the test images after each epoch. The clock covers
 * training and the evaluations (after each epoch, or every `evalEveryBatches` batches) (what a reader waits through), not the
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
  const perEpoch = trainer.batchesPerEpoch;
  const evalEvery = Math.max(1, Math.min(o.evalEveryBatches ?? perEpoch, perEpoch));
  const curve: TimeToAccuracyResult['curve'] = [];
  let best = 0;
  let reachedAt: { seconds: number; epochs: number } | null = null;
  const t0 = now();
  const elapsed = () => (now() - t0) / 1000;
  try {
    while (!trainer.done && elapsed() < maxSeconds) {
      // Train until the next evaluation point (the epoch's end or every `evalEvery` batches).
      let left = evalEvery;
      const report = await trainer.runEpoch({ shouldStop: () => left-- <= 0 || elapsed() >= maxSeconds, syncEvery: 20 });
      if (!report && elapsed() >= maxSeconds) break;
      const { accuracy } = await trainer.evaluate(test);
      const seconds = elapsed();
      const epochs = trainer.step / perEpoch;
      curve.push({ epoch: sig(epochs, 3), seconds: sig(seconds), testAccuracy: sig(accuracy), ...(report ? { trainLoss: sig(report.loss) } : {}) });
      ctx.progress(`epoch ${epochs.toFixed(2)}: test accuracy ${(accuracy * 100).toFixed(1)}% at ${seconds.toFixed(1)} s`);
      best = Math.max(best, accuracy);
      if (accuracy >= target) {
        reachedAt = { seconds, epochs };
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
    epochs: sig(reachedAt?.epochs ?? (curve.at(-1)?.epoch ?? 0), 3),
    evalEveryBatches: evalEvery,
    samplesPerSecond: sig((curve.at(-1)?.epoch ?? 0) * trainRows / Math.max(1e-9, reachedAt?.seconds ?? (curve.at(-1)?.seconds ?? 1))),
    bestAccuracy: sig(best),
    curve,
    batchSize,
    learningRate,
    trainRows,
    testRows,
  };
}
