/**
 * `train-throughput`: samples per second of the book's own training loop
 * (`Trainer.runEpoch`) against tfjs-layers' `model.fit` on the same model, data,
 * batch size, optimizer, loss and backend, in the same run. Each loop gets one
 * warm-up batch first (kernel compilation, optimizer slots), then `batches` timed
 * batches (or as many as take about `seconds`, sized from one more warm batch); rounds alternate ours → fit so drift hits both alike.
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
  const rounds = o.rounds ?? 1;
  const syncEvery = o.syncEvery ?? 0;
  const seed = o.seed ?? 1;
  const learningRate = o.learningRate ?? 0.001;
  if (!(batchSize >= 1 && rounds >= 1)) throw new RangeError('batchSize and rounds must be ≥ 1');
  const data = await mnist(ctx);
  const maxBatches = Math.floor(data.train.count / batchSize) - 1;
  if (o.batches !== undefined && !(o.batches >= 1 && o.batches <= maxBatches)) {
    throw new RangeError(`batches must be from 1 to ${maxBatches} at batch size ${batchSize} (${data.train.count} MNIST rows, one batch kept for the warm-up)`);
  }

  const tensorsBefore = tf.memory().numTensors;
  const build = () => (modelName === 'documents' ? buildDocumentsCnn({ seed }) : buildFastCnn({ seed }));
  const config: TrainConfig = { optimizer: 'adam', learningRate, batchSize, epochs: 100_000, loss: 'categoricalCrossentropy', seed, shuffle: true };
  // The warm-up batch: the last rows, which no timed epoch uses.
  const warm = mnistTensors(data.train, data.train.count - batchSize, batchSize);
  let timed: Dataset | null = null;

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
  let batches = o.batches ?? 0;
  let probeMs = 0;
  try {
    // Warm-up, one batch each.
    const w = new Trainer(ours, warm, config);
    trainers.push(w);
    await w.runEpoch();
    await fit(warm);
    if (!batches) {
      // Size the timed loops from one more (warm) batch of ours: about `seconds` each.
      const t0 = now();
      await w.runEpoch();
      probeMs = now() - t0;
      batches = Math.max(o.minBatches ?? 3, Math.min(maxBatches, Math.round(((o.seconds ?? 5) * 1000) / Math.max(probeMs, 1e-3))));
    }
    const rows = batches * batchSize;
    timed = mnistTensors(data.train, 0, rows);
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
    tf.dispose([warm.x, warm.y]);
    if (timed) tf.dispose([timed.x, timed.y]);
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
    samples: batches * batchSize,
    probeBatchMs: sig(probeMs),
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
