/**
 * `train-throughput`: samples per second of the book's own training loop
 * (`Trainer.runEpoch`) against tfjs-layers' `model.fit` on the same model, data,
 * batch size, optimizer, loss and backend, in the same run. Each loop gets one
 * warm-up batch first (kernel compilation, optimizer slots), then `batches` timed
 * batches; rounds alternate ours → fit so drift hits both alike.
 *
 * ratio = ours / fit. The target is ≥ 0.95: the loop, its progress callbacks and its
 * end-of-epoch read-back should cost under 5% over a bare `fit`.
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { buildDocumentsCnn, buildFastCnn } from '../models/cnn.ts';
import { Trainer, type Dataset } from '../train/trainer.ts';
import { makeOptimizer } from '../train/optimizers.ts';
import type { TrainConfig } from '../train/config.ts';
import { median, mnist, mnistTensors, now, sig, type LabContext } from './common.ts';
import type { TrainThroughputOptions, TrainThroughputResult } from './protocol.ts';

export async function trainThroughput(ctx: LabContext, o: TrainThroughputOptions): Promise<TrainThroughputResult> {
  const modelName = o.model ?? 'fast';
  const batchSize = o.batchSize ?? 64;
  const batches = o.batches ?? 20;
  const rounds = o.rounds ?? 1;
  const syncEvery = o.syncEvery ?? 0;
  const seed = o.seed ?? 1;
  const learningRate = o.learningRate ?? 0.001;
  if (!(batches >= 1 && batchSize >= 1 && rounds >= 1)) throw new RangeError('batches, batchSize and rounds must be ≥ 1');
  const data = await mnist(ctx);
  const rows = batches * batchSize;
  if (rows + batchSize > data.train.count) throw new RangeError(`batches × batchSize = ${rows} is more than the ${data.train.count - batchSize} MNIST rows available`);

  const tensorsBefore = tf.memory().numTensors;
  const build = () => (modelName === 'documents' ? buildDocumentsCnn({ seed }) : buildFastCnn({ seed }));
  const config: TrainConfig = { optimizer: 'adam', learningRate, batchSize, epochs: 100_000, loss: 'categoricalCrossentropy', seed, shuffle: true };
  // The warm-up batch comes from rows the timed epoch does not use.
  const warm = mnistTensors(data.train, rows, batchSize);
  const timed = mnistTensors(data.train, 0, rows);

  const ours = build();
  const theirs = build();
  const fitOptimizer = makeOptimizer('adam', learningRate);
  theirs.compile({ optimizer: fitOptimizer, loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  const fit = (ds: Dataset) => theirs.fit(ds.x, ds.y, { batchSize, epochs: 1, shuffle: true, verbose: 0, yieldEvery: 'never' });

  let lastProgress = 0;
  const hooks = {
    syncEvery,
    // What a figure does each batch: a cheap progress callback, throttled posts.
    onBatch: (r: { batch: number; batchesPerEpoch: number }) => {
      const t = now();
      if (t - lastProgress > 250) {
        lastProgress = t;
        ctx.progress(`${modelName}: ours batch ${r.batch}/${r.batchesPerEpoch}`);
      }
    },
  };

  const oursRounds: number[] = [];
  const fitRounds: number[] = [];
  const trainers: Trainer[] = [];
  try {
    // Warm-up, one batch each.
    const w = new Trainer(ours, warm, config);
    trainers.push(w);
    await w.runEpoch();
    await fit(warm);
    for (let r = 0; r < rounds; r++) {
      const t = new Trainer(ours, timed, config);
      trainers.push(t);
      let t0 = now();
      await t.runEpoch(hooks);
      oursRounds.push(rows / ((now() - t0) / 1000));
      ctx.progress(`${modelName}: model.fit round ${r + 1}`);
      t0 = now();
      await fit(timed);
      fitRounds.push(rows / ((now() - t0) / 1000));
    }
  } finally {
    for (const t of trainers) t.dispose();
    ours.dispose();
    theirs.dispose();
    fitOptimizer.dispose();
    tf.dispose([warm.x, warm.y, timed.x, timed.y]);
  }
  const oursSps = median(oursRounds);
  const fitSps = median(fitRounds);
  return {
    scenario: 'train-throughput',
    backend: ctx.backend,
    model: modelName,
    parameters: (ours as tfl.LayersModel).countParams(),
    batchSize,
    batches,
    samples: rows,
    rounds,
    syncEvery,
    oursSamplesPerSecond: sig(oursSps),
    fitSamplesPerSecond: sig(fitSps),
    ratio: sig(oursSps / fitSps),
    oursRounds: oursRounds.map((v) => sig(v)),
    fitRounds: fitRounds.map((v) => sig(v)),
    leakedTensors: tf.memory().numTensors - tensorsBefore,
  };
}
