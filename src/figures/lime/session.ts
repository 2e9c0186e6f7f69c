/**
 * The tabular LIME figure's compute, with no DOM: trains a 20 → 16 → 2 MLP on
 * makeClassification (1,000 rows, 20 features, 2 informative, no redundant columns)
 * and explains ONE NETWORK'S OWN probability for one test row with `limeTabular`,
 * step by step: the perturbations it drew, their kernel weights, the weighted ridge
 * fit, a K-feature refit, and the same explanation over ten LIME seeds.
 * Runs in the page's worker and, unchanged, in Node tests.
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { makeClassification, standardize, trainTestSplit, type Table } from '../../data/tabular.ts';
import { buildMlp } from '../../models/mlp.ts';
import { Trainer, type EpochReport, type RunHooks } from '../../train/trainer.ts';
import { binOf, limeTabular, type LimeTabularResult } from '../../explain/lime-tabular.ts';
import { limeKernel } from '../../explain/lime-kernel.ts';
import { weightedRidge } from '../../explain/linalg.ts';
import type { FigureSession } from '../../worker/session-host.ts';
import type { LimeSelection, LimeState } from './state.ts';

export const FEATURES = 20;
/** Perturbations drawn in the scatter plot (the first ones LIME drew; row 0 is x). */
const SCATTER_POINTS = 400;
/** LIME seeds in the stability view: the current one and the next nine. */
export const STABILITY_RUNS = 10;

export interface LimeView {
  epoch: number;
  testAccuracy: number;
  informative: number[];
  /** p(class 1) for every test row, and the labels (to find confident rows). */
  testP1: Float32Array;
  testLabels: Int32Array;
  row: number;
  label: number;
  /** The network's probabilities [p0, p1] for the row; the explained class is the predicted one. */
  probs: [number, number];
  target: number;
  x: Float64Array;
  /** The instance's quartile bin of each feature, as lime names it ("x3 <= 0.52"). */
  binLabels: string[];
  /** The scatter's two features and the first perturbations (row 0 is x itself). */
  a: number;
  b: number;
  samples: { za: Float32Array; zb: Float32Array; f: Float32Array; pi: Float32Array; outside: Int32Array; inA: Uint8Array; inB: Uint8Array };
  edgesA: number[];
  edgesB: number[];
  numSamples: number;
  kernelWidth: number;
  /** The full LIME fit (all 20 interpretable features). */
  fit: { weights: Float64Array; intercept: number; score: number; localPrediction: number; prediction: number; weightedMse: number; sumPi: number };
  /** The K features with the largest |weight|, refitted alone. */
  selected: { features: number[]; weights: Float64Array; intercept: number; score: number };
  stability: { seeds: number[]; inTopK: Float64Array; mean: Float64Array; std: Float64Array; bothInformativeInTop: number };
  /** Milliseconds for one explanation (sampling, the network's predictions, the fit). */
  ms: number;
}

export class LimeSession implements FigureSession<LimeView, LimeSelection> {
  readonly model: tfl.Sequential;
  readonly informative: number[];
  private readonly train: Table;
  private readonly test: Table;
  private readonly trainRows: number[][];
  private readonly ds: { x: tf.Tensor2D; y: tf.Tensor2D };
  private readonly testX: tf.Tensor2D;
  private readonly trainer: Trainer;

  constructor(readonly state: LimeState) {
    // No redundant columns: then "the informative features" is an unambiguous answer to check LIME against.
    const data = makeClassification({ seed: state.data, nRedundant: 0 });
    this.informative = data.informative;
    const split = trainTestSplit(data, 0.2, state.data);
    ({ train: this.train, test: this.test } = standardize(split.train, split.test));
    const d = FEATURES;
    this.trainRows = Array.from({ length: this.train.nSamples }, (_, i) => Array.from(this.train.x.subarray(i * d, (i + 1) * d)));
    this.ds = tf.tidy(() => ({
      x: tf.tensor2d(this.train.x, [this.train.nSamples, d]),
      y: tf.oneHot(tf.tensor1d(this.train.y, 'int32'), 2).toFloat() as tf.Tensor2D,
    }));
    this.testX = tf.tensor2d(this.test.x, [this.test.nSamples, d]);
    this.model = buildMlp({ inputs: d, hidden: [16], outputs: 2, activation: 'relu', seed: state.seed });
    this.trainer = new Trainer(this.model, this.ds, {
      optimizer: 'adam', learningRate: 0.01, batchSize: 32, epochs: state.epochs, loss: 'categoricalCrossentropy', seed: state.seed, shuffle: true,
    });
  }

  get epoch(): number {
    return this.trainer.epoch;
  }

  get epochs(): number {
    return this.state.epochs;
  }

  trainEpoch(hooks: RunHooks = {}): Promise<EpochReport | null> {
    return this.trainer.runEpoch(hooks);
  }

  /** f = the network's softmax output: LIME explains the model, never the labels. */
  readonly predict = (x: tf.Tensor): tf.Tensor => this.model.predict(x) as tf.Tensor;

  /** One LIME explanation of test row `row` for class `target`, keeping every perturbation the network saw. */
  async explain(row: number, target: number, sel: LimeSelection, seed: number, keep: boolean): Promise<{ r: LimeTabularResult; z: Float32Array; fz: Float32Array }> {
    const kept: tf.Tensor[] = [];
    const predict = (x: tf.Tensor) => {
      const y = this.predict(x);
      if (keep) kept.push(tf.keep(x), tf.keep(y));
      return y;
    };
    try {
      const r = await limeTabular(predict, this.rowOf(row), { trainingData: this.trainRows, target, seed, numSamples: sel.numSamples, kernelWidth: sel.kernelWidth });
      const z = new Float32Array(sel.numSamples * FEATURES);
      const fz = new Float32Array(sel.numSamples);
      for (let i = 0, at = 0; i < kept.length; i += 2) {
        const xs = await kept[i]!.data();
        const ys = await kept[i + 1]!.data();
        z.set(xs, at * FEATURES);
        for (let s = 0; s < ys.length / 2; s++) fz[at + s] = ys[2 * s + target]!;
        at += ys.length / 2;
      }
      return { r, z, fz };
    } finally {
      tf.dispose(kept);
    }
  }

  rowOf(row: number): Float64Array {
    return Float64Array.from(this.test.x.subarray(row * FEATURES, (row + 1) * FEATURES));
  }

  async view(sel: LimeSelection): Promise<LimeView> {
    const d = FEATURES;
    const probsT = tf.tidy(() => this.predict(this.testX));
    const probs = Float32Array.from(await probsT.data());
    probsT.dispose();
    const nTest = this.test.nSamples;
    const testP1 = new Float32Array(nTest);
    let correct = 0;
    for (let i = 0; i < nTest; i++) {
      testP1[i] = probs[2 * i + 1]!;
      if ((testP1[i]! > 0.5 ? 1 : 0) === this.test.y[i]) correct++;
    }
    const row = Math.min(sel.row, nTest - 1);
    const p1 = testP1[row]!;
    const target = p1 > 0.5 ? 1 : 0;

    const t0 = performance.now();
    const { r, z, fz } = await this.explain(row, target, sel, sel.limeSeed, true);
    const ms = performance.now() - t0;

    // Rebuild what LIME fitted on: z′_j = 1 when z_j falls in x's quartile bin, π from the distance √(#features outside).
    const x = this.rowOf(row);
    const edges = r.edges!;
    const own = edges.map((e, j) => binOf(e, x[j]!));
    const n = sel.numSamples;
    const binary = new Float64Array(n * d);
    const pi = new Float64Array(n);
    const outside = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      let out = 0;
      for (let j = 0; j < d; j++) {
        const inBin = i === 0 || binOf(edges[j]!, z[i * d + j]!) === own[j] ? 1 : 0;
        binary[i * d + j] = inBin;
        out += 1 - inBin;
      }
      outside[i] = out;
      pi[i] = limeKernel(Math.sqrt(out), sel.kernelWidth);
    }
    let sumPi = 0;
    let sse = 0;
    for (let i = 0; i < n; i++) {
      let g = r.intercept;
      for (let j = 0; j < d; j++) g += r.weights[j]! * binary[i * d + j]!;
      sse += pi[i]! * (fz[i]! - g) ** 2;
      sumPi += pi[i]!;
    }

    // Feature selection as lime's 'highest_weights': keep the K largest |β_j|, refit on them alone.
    const order = Array.from({ length: d }, (_, j) => j).sort((i, j) => Math.abs(r.weights[j]!) - Math.abs(r.weights[i]!));
    const features = order.slice(0, sel.k).sort((i, j) => i - j);
    const Zk = new Float64Array(n * features.length);
    for (let i = 0; i < n; i++) features.forEach((j, c) => (Zk[i * features.length + c] = binary[i * d + j]!));
    const refit = weightedRidge(Zk, Float64Array.from(fz), pi, n, features.length, 1);

    // Stability: the same explanation with ten LIME seeds.
    const seeds = Array.from({ length: STABILITY_RUNS }, (_, s) => sel.limeSeed + s);
    const inTopK = new Float64Array(d);
    const sum = new Float64Array(d);
    const sq = new Float64Array(d);
    let both = 0;
    for (const seed of seeds) {
      const w = seed === sel.limeSeed ? r.weights : (await this.explain(row, target, sel, seed, false)).r.weights;
      const top = Array.from({ length: d }, (_, j) => j).sort((i, j) => Math.abs(w[j]!) - Math.abs(w[i]!)).slice(0, sel.k);
      for (const j of top) inTopK[j]! += 1 / seeds.length;
      if (this.informative.every((j) => top.includes(j))) both++;
      for (let j = 0; j < d; j++) {
        sum[j]! += w[j]!;
        sq[j]! += w[j]! ** 2;
      }
    }
    const mean = sum.map((s) => s / seeds.length);
    const std = sq.map((s, j) => Math.sqrt(Math.max(0, s / seeds.length - mean[j]! ** 2)));

    const a = sel.fa >= 0 ? sel.fa : this.informative[0]!;
    const b = sel.fb >= 0 ? sel.fb : this.informative[1]!;
    const m = Math.min(n, SCATTER_POINTS);
    const pick = <T extends Float32Array | Int32Array | Uint8Array>(make: (len: number) => T, at: (i: number) => number): T => {
      const out = make(m);
      for (let i = 0; i < m; i++) out[i] = at(i);
      return out;
    };
    return {
      epoch: this.epoch,
      testAccuracy: correct / nTest,
      informative: this.informative.slice(),
      testP1,
      testLabels: this.test.y.slice(),
      row,
      label: this.test.y[row]!,
      probs: [1 - p1, p1],
      target,
      x,
      binLabels: r.labels,
      a,
      b,
      samples: {
        za: pick((l) => new Float32Array(l), (i) => z[i * d + a]!),
        zb: pick((l) => new Float32Array(l), (i) => z[i * d + b]!),
        f: pick((l) => new Float32Array(l), (i) => fz[i]!),
        pi: pick((l) => new Float32Array(l), (i) => pi[i]!),
        outside: pick((l) => new Int32Array(l), (i) => outside[i]!),
        inA: pick((l) => new Uint8Array(l), (i) => binary[i * d + a]!),
        inB: pick((l) => new Uint8Array(l), (i) => binary[i * d + b]!),
      },
      edgesA: Array.from(edges[a]!),
      edgesB: Array.from(edges[b]!),
      numSamples: n,
      kernelWidth: sel.kernelWidth,
      fit: { weights: r.weights, intercept: r.intercept, score: r.score, localPrediction: r.localPrediction, prediction: r.prediction, weightedMse: sse / sumPi, sumPi },
      selected: { features, weights: refit.coef, intercept: refit.intercept, score: refit.score },
      stability: { seeds, inTopK, mean, std, bothInformativeInTop: both },
      ms,
    };
  }

  dispose(): void {
    this.trainer.dispose();
    this.model.dispose();
    tf.dispose([this.ds.x, this.ds.y, this.testX]);
  }
}
