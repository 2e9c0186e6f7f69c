/**
 * `explainers`: latency, finiteness and tensor hygiene of the book's explainers on
 * one backend. Image methods run on the fast CNN (briefly trained on MNIST) and one
 * test digit; tabular methods on the MLP trained on make_classification data.
 *
 * For every method: one warm-up call (kernel compilation), then `runs` timed calls
 * (median reported); `tf.memory().numTensors` is read before the warm-up and after
 * the last call with its outputs disposed, and the two must be equal.
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { buildFastCnn } from '../models/cnn.ts';
import { buildMlp } from '../models/mlp.ts';
import { makeClassification, standardize, trainTestSplit, type Table } from '../data/tabular.ts';
import { Trainer } from '../train/trainer.ts';
import {
  gradCam,
  gridSegments,
  integratedGradients,
  kernelShap,
  limeImage,
  modelPredict,
  permutationImportance,
  saliency,
} from '../explain/index.ts';
import { describeNumbers, median, mnist, mnistTensors, now, sig, type LabContext } from './common.ts';
import { EXPLAINER_METHODS, type ExplainerMeasure, type ExplainerMethod, type ExplainersOptions, type ExplainersResult } from './protocol.ts';

/** One call's numbers: the main output, other outputs (checked for finiteness), extras. */
interface Outcome {
  main: ArrayLike<number>;
  others?: ArrayLike<number>[];
  extra?: Record<string, number | boolean>;
}

async function readAndDispose(t: tf.Tensor): Promise<Float32Array> {
  const v = Float32Array.from((await t.data()) as ArrayLike<number>);
  t.dispose();
  return v;
}

/** Times one method: a warm-up call, then timed calls (see ExplainersOptions.runs / maxSecondsPerMethod). */
async function measure(ctx: LabContext, method: ExplainerMethod, size: string, o: { runs: number; warmup: boolean; budgetMs: number }, call: () => Promise<Outcome>): Promise<ExplainerMeasure> {
  ctx.progress(`${method} (${size})`);
  const tensorsBefore = tf.memory().numTensors;
  const times: number[] = [];
  let last: Outcome | null = null;
  let cold = false;
  try {
    if (o.warmup) {
      const t0 = now();
      last = await call();
      const ms = now() - t0;
      if (ms > o.budgetMs) {
        // Too slow to repeat within the budget: report the cold call, marked as such.
        times.push(ms);
        cold = true;
      }
    }
    const started = now();
    while (!cold && times.length < o.runs && (times.length === 0 || now() - started < o.budgetMs)) {
      const t0 = now();
      last = await call();
      times.push(now() - t0);
    }
  } catch (error) {
    return {
      method, ms: NaN, runsMs: [], finite: false, varying: false, outputLength: 0, min: NaN, max: NaN,
      tensorsBefore, tensorsAfter: tf.memory().numTensors, size,
      error: error instanceof Error ? error.message : String(error),
    };
  }
  const tensorsAfter = tf.memory().numTensors;
  const d = describeNumbers(last!.main, last!.others);
  return {
    method,
    ms: sig(median(times)),
    runsMs: times.map((t) => sig(t)),
    ...(cold ? { cold } : {}),
    finite: d.finite,
    varying: d.varying,
    outputLength: d.length,
    min: sig(d.min),
    max: sig(d.max),
    tensorsBefore,
    tensorsAfter,
    size,
    ...(last!.extra ? { extra: last!.extra } : {}),
  };
}

function rows(t: Table, count: number, start = 0): number[][] {
  const out: number[][] = [];
  const d = t.nFeatures;
  for (let i = start; i < Math.min(start + count, t.nSamples); i++) out.push(Array.from(t.x.subarray(i * d, (i + 1) * d)));
  return out;
}

function tableTensors(t: Table): { x: tf.Tensor2D; y: tf.Tensor2D } {
  const x = tf.tensor2d(t.x, [t.nSamples, t.nFeatures]);
  const y = tf.tidy(() => tf.oneHot(tf.tensor1d(t.y, 'int32'), 2).toFloat() as tf.Tensor2D);
  return { x, y };
}

export async function explainers(ctx: LabContext, o: ExplainersOptions): Promise<ExplainersResult> {
  const seed = o.seed ?? 1;
  const runs = o.runs ?? 3;
  const timing = { runs, warmup: !o.noWarmup, budgetMs: (o.maxSecondsPerMethod ?? Infinity) * 1000 };
  const igSteps = o.igSteps ?? 64;
  const limeSamples = o.limeSamples ?? 1000;
  const shapCoalitions = o.shapCoalitions ?? 2048;
  const shapBackground = o.shapBackground ?? 50;
  const permRepeats = o.permutationRepeats ?? 10;
  const permRows = o.permutationRows ?? 1000;
  const cnnTrainBatches = o.cnnTrainBatches ?? 30;
  const mlpEpochs = o.mlpEpochs ?? 10;
  const wanted = new Set(o.methods ?? EXPLAINER_METHODS);
  const measures: ExplainerMeasure[] = [];
  const setupStart = now();

  // ── The CNN and one digit ──
  const data = await mnist(ctx);
  const cnn = buildFastCnn({ seed });
  const cnnBatch = 64;
  const train = mnistTensors(data.train, 0, Math.max(1, cnnTrainBatches) * cnnBatch);
  const cnnTrainer = new Trainer(cnn, train, { optimizer: 'adam', learningRate: 0.01, batchSize: cnnBatch, epochs: 1, loss: 'categoricalCrossentropy', seed, shuffle: true });
  ctx.progress(`training the fast CNN for ${cnnTrainBatches} batches`);
  let cnnReport = null;
  let cnnTrainError: string | undefined;
  try {
    if (cnnTrainBatches > 0) cnnReport = await cnnTrainer.runEpoch();
  } catch (error) {
    // e.g. wasm has no Conv2DBackpropFilter: explain the untrained network instead.
    cnnTrainError = error instanceof Error ? error.message : String(error);
  }
  cnnTrainer.dispose();
  tf.dispose([train.x, train.y]);
  const digit = mnistTensors(data.test, 0, 1);
  const x = digit.x; // [1, 28, 28, 1]
  const label = data.test.labels[0]!;
  const probs = tf.tidy(() => cnn.predict(x) as tf.Tensor);
  const p = await readAndDispose(probs);
  let target = 0;
  for (let k = 1; k < p.length; k++) if (p[k]! > p[target]!) target = k;
  const predict = modelPredict(cnn);
  const cnnSetupMs = now() - setupStart;
  const cnnParameters = (cnn as tfl.LayersModel).countParams();

  try {
    if (wanted.has('saliency')) {
      measures.push(await measure(ctx, 'saliency', '1 image', timing, async () => ({ main: await readAndDispose(await saliency(predict, x, target)) })));
    }
    if (wanted.has('gradCam')) {
      measures.push(await measure(ctx, 'gradCam', `layer last_conv, 28×28`, timing, async () => ({ main: await readAndDispose(await gradCam(cnn, x, target)) })));
    }
    if (wanted.has('integratedGradients')) {
      measures.push(
        await measure(ctx, 'integratedGradients', `${igSteps} steps`, timing, async () => {
          const r = await integratedGradients(predict, x, target, { steps: igSteps });
          return { main: await readAndDispose(r.attributions), others: [[r.gap, r.sum, r.fx, r.fBaseline]], extra: { gap: sig(r.gap), sum: sig(r.sum) } };
        }),
      );
    }
    if (wanted.has('limeImage')) {
      const segments = gridSegments(28, 28, 4);
      measures.push(
        await measure(ctx, 'limeImage', `${limeSamples} samples, 49 cells`, timing, async () => {
          const r = await limeImage(predict, x, { segments, target, numSamples: limeSamples, seed });
          return { main: r.weights, others: [[r.intercept, r.score, r.localPrediction, r.prediction]], extra: { score: sig(r.score) } };
        }),
      );
    }
  } finally {
    cnn.dispose();
    tf.dispose([digit.x, digit.y]);
  }

  // ── The tabular MLP ──
  const needTabular = wanted.has('kernelShap') || wanted.has('permutationImportance');
  let mlpInfo = { trainAccuracy: NaN, testAccuracy: NaN, features: 20, setupMs: 0 };
  if (needTabular) {
    const mlpStart = now();
    const table = makeClassification({ nSamples: 2 * Math.max(permRows, 500), nFeatures: 20, nInformative: 4, nRedundant: 2, seed });
    const halves = trainTestSplit(table, 0.5, seed);
    const { train: trainTable, test: testTable } = standardize(halves.train, halves.test);
    const mlp = buildMlp({ inputs: 20, hidden: [32], outputs: 2, activation: 'relu', seed });
    const tt = tableTensors(trainTable);
    const vt = tableTensors(testTable);
    const trainer = new Trainer(mlp, tt, { optimizer: 'adam', learningRate: 0.01, batchSize: 32, epochs: mlpEpochs, loss: 'categoricalCrossentropy', seed, shuffle: true });
    ctx.progress(`training the MLP for ${mlpEpochs} epochs`);
    let last = null;
    let evalTest = { accuracy: NaN };
    try {
      while (!trainer.done) last = await trainer.runEpoch();
      evalTest = await trainer.evaluate(vt);
    } finally {
      trainer.dispose();
      tf.dispose([tt.x, tt.y, vt.x, vt.y]);
    }
    mlpInfo = { trainAccuracy: sig(last?.accuracy ?? NaN), testAccuracy: sig(evalTest.accuracy), features: 20, setupMs: sig(now() - mlpStart) };
    const mlpPredict = modelPredict(mlp);
    try {
      if (wanted.has('kernelShap')) {
        const instance = rows(testTable, 1)[0]!;
        const background = rows(trainTable, shapBackground);
        measures.push(
          await measure(ctx, 'kernelShap', `${shapCoalitions} coalitions × ${background.length} background rows`, timing, async () => {
            const r = await kernelShap(mlpPredict, instance, background, { target: 1, nsamples: shapCoalitions, seed });
            let sum = 0;
            for (const v of r.values) sum += v;
            return { main: r.values, others: [[r.baseValue, r.fx]], extra: { additivityGap: sig(Math.abs(sum - (r.fx - r.baseValue))), coalitions: r.coalitions } };
          }),
        );
      }
      if (wanted.has('permutationImportance')) {
        const X = rows(testTable, permRows);
        const y = Array.from(testTable.y.subarray(0, X.length));
        measures.push(
          await measure(ctx, 'permutationImportance', `${permRepeats} repeats × ${X.length} rows`, timing, async () => {
            const r = await permutationImportance(mlpPredict, X, y, { repeats: permRepeats, seed });
            return { main: r.mean, others: [r.std, [r.baseline]], extra: { baseline: sig(r.baseline) } };
          }),
        );
      }
    } finally {
      mlp.dispose();
    }
  }

  return {
    scenario: 'explainers',
    backend: ctx.backend,
    cnn: { target, label, trainAccuracy: sig(cnnReport?.accuracy ?? NaN), parameters: cnnParameters, setupMs: sig(cnnSetupMs), ...(cnnTrainError ? { trainError: cnnTrainError } : {}) },
    mlp: mlpInfo,
    methods: measures,
  };
}
