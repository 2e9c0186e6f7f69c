/**
 * The tabular figures' compute, with no DOM: makeClassification data (1,000 rows,
 * 20 features, 2 informative, no redundant columns), standardised with the training
 * statistics, an 80/20 train/test split, and a 20 → h → 2 MLP trained one epoch at
 * a time. It answers two kinds of explain requests on the trained network:
 *
 *  - 'importance': global importance three ways (mean |∂p/∂x_j| over the test set,
 *    permutation importance with every repeat, and a CART decision tree's
 *    impurity-decrease importance on the same training rows);
 *  - 'shap': KernelSHAP for one test row (the waterfall), mean |φ| over several
 *    test rows, and exact Shapley values of a 10-feature restriction of the
 *    network compared with KernelSHAP on that same small game.
 *
 * Runs in the page's worker and, unchanged, in Node tests.
 */
import * as tf from '@tensorflow/tfjs-core';
import { GLOBAL_ROWS } from './state.ts';
import type * as tfl from '@tensorflow/tfjs-layers';
import { makeClassification, standardize, trainTestSplit, type ClassificationData, type Table } from '../../data/tabular.ts';
import { buildMlp } from '../../models/mlp.ts';
import { trainTree } from '../../models/tree.ts';
import { Trainer, type EpochReport, type RunHooks } from '../../train/trainer.ts';
import { kernelShap } from '../../explain/kernel-shap.ts';
import { exactShapley } from '../../explain/exact-shapley.ts';
import { permutationImportance } from '../../explain/permutation-importance.ts';
import { mulberry32, permutation, subSeed } from '../../engine/random.ts';
import type { FigureSession } from '../../worker/session-host.ts';
import type { TabularSelection, TabularState } from './state.ts';

/** The data never change with the figure's seed, so the informative columns stay put (x7 and x19). */
export const DATA_SEED = 1;
/**
 * makeClassification with no redundant columns: 2 informative, 18 pure noise. With
 * seed 1 the four clusters sit on the square's vertices so that the class is an
 * XOR of the two informative signs: neither column alone predicts anything, so a
 * model that is right must use both of them (and nothing else carries signal).
 */
export const DATA_OPTIONS = { nSamples: 1000, nFeatures: 20, nInformative: 2, nRedundant: 0, seed: DATA_SEED } as const;
export const TEST_FRACTION = 0.2;
/** The class whose probability is explained: p(y = 1 | x). */
export const TARGET = 1;
/** Training rows in the 'sample' background. */
export const BACKGROUND_ROWS = 10;
/** Test rows averaged in the global mean |φ|. */
export { GLOBAL_ROWS };
/** Players of the small game whose Shapley values are enumerated exactly. */
export const SMALL_GAME_FEATURES = 10;
/** Depth of the decision tree whose importance is compared. */
export const TREE_DEPTH = 5;

export interface ImportanceView {
  kind: 'importance';
  epoch: number;
  testAccuracy: number;
  testLoss: number;
  featureNames: string[];
  informative: number[];
  /** mean over test rows of |∂p(y=1|x)/∂x_j|. */
  gradient: Float64Array;
  /** Permutation importance (drop in test accuracy): mean and every repeat. */
  permutation: { baseline: number; mean: Float64Array; repeats: Float64Array[] };
  /** A decision tree's impurity-decrease importance (sums to 1), its test accuracy and depth. */
  tree: { importance: Float64Array; testAccuracy: number; depth: number };
  /** Milliseconds spent on each method in this view. */
  ms: { gradient: number; permutation: number };
}

export interface ShapView {
  kind: 'shap';
  epoch: number;
  testAccuracy: number;
  featureNames: string[];
  informative: number[];
  row: number;
  /** The options this view was computed with (echoed so a page can tell stale views apart). */
  background: 'mean' | 'sample';
  sampleSeed: number;
  label: number;
  /** The explained row, standardised. */
  x: Float32Array;
  /** f(x) = p(y = 1 | x), base value E_b f(b), φ_j, and the number of coalitions. */
  fx: number;
  baseValue: number;
  phi: Float64Array;
  coalitions: number;
  exact: boolean;
  /** Mean |φ_j| over the first GLOBAL_ROWS test rows (same options). */
  meanAbs: Float64Array;
  /** The small game: SMALL_GAME_FEATURES features, exact vs KernelSHAP. */
  small: { features: number[]; exact: Float64Array; kernel: Float64Array; fx: number; baseValue: number; nsamples: number; kernelExact: boolean };
  ms: { kernelShap: number; global: number; exact: number };
}

export type TabularView = ImportanceView | ShapView;

const D = DATA_OPTIONS.nFeatures;

/** The data every tabular figure uses, split and standardised. */
export function tabularData(): { data: ClassificationData; train: Table; test: Table } {
  const data = makeClassification(DATA_OPTIONS);
  const split = trainTestSplit(data, TEST_FRACTION, DATA_SEED);
  const { train, test } = standardize(split.train, split.test);
  return { data, train, test };
}

const now = () => performance.now();

export class TabularSession implements FigureSession<TabularView, TabularSelection> {
  readonly data: ClassificationData;
  readonly train: Table;
  readonly test: Table;
  readonly model: tfl.Sequential;
  readonly trainer: Trainer;
  private readonly ds: { x: tf.Tensor2D; y: tf.Tensor2D };
  private readonly testDs: { x: tf.Tensor2D; y: tf.Tensor2D };
  private treeCache: ImportanceView['tree'] | null = null;

  constructor(readonly state: TabularState) {
    ({ data: this.data, train: this.train, test: this.test } = tabularData());
    this.ds = tf.tidy(() => ({
      x: tf.tensor2d(this.train.x, [this.train.nSamples, D]),
      y: tf.oneHot(tf.tensor1d(this.train.y, 'int32'), 2).toFloat() as tf.Tensor2D,
    }));
    this.testDs = tf.tidy(() => ({
      x: tf.tensor2d(this.test.x, [this.test.nSamples, D]),
      y: tf.oneHot(tf.tensor1d(this.test.y, 'int32'), 2).toFloat() as tf.Tensor2D,
    }));
    this.model = buildMlp({ inputs: D, hidden: [state.hidden], outputs: 2, activation: 'relu', seed: state.seed });
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

  readonly predict = (x: tf.Tensor): tf.Tensor => this.model.predict(x) as tf.Tensor;

  async trainEpoch(hooks: RunHooks = {}): Promise<EpochReport | null> {
    return this.trainer.runEpoch(hooks);
  }

  async view(sel: TabularSelection): Promise<TabularView> {
    return sel.kind === 'importance' ? this.importance(sel.repeats) : this.shap(sel);
  }

  /**
   * The tree depends only on the training rows (CART is deterministic): trained once,
   * on the first importance request. Depth 5, as deep as still reads as rules; a random
   * forest of ml-cart trees takes several seconds here, and with half the columns per
   * tree most trees miss one of the two XOR columns.
   */
  tree(): ImportanceView['tree'] {
    if (!this.treeCache) {
      const t = trainTree(this.train.x, this.train.y, D, { maxDepth: TREE_DEPTH, minNumSamples: 5 });
      this.treeCache = { importance: t.featureImportance(), testAccuracy: t.accuracy(this.test.x, this.test.y), depth: t.depth };
    }
    return this.treeCache;
  }

  /** mean_i |∂p(y=1 | x_i)/∂x_ij| over the test rows: rows are independent, so one gradient of the sum gives every row's. */
  async gradientImportance(): Promise<Float64Array> {
    const g = tf.tidy(() => {
      const f = (x: tf.Tensor) => tf.sum(tf.slice(this.predict(x), [0, TARGET], [-1, 1]));
      return tf.mean(tf.abs(tf.grad(f)(this.testDs.x)), 0);
    });
    const out = Float64Array.from((await g.data()) as Float32Array);
    g.dispose();
    return out;
  }

  private async importance(repeats: number): Promise<ImportanceView> {
    if (!Number.isInteger(repeats) || repeats < 1 || repeats > 100) throw new RangeError(`repeats must be an integer in 1..100; got ${repeats}`);
    const { loss, accuracy } = await this.trainer.evaluate(this.testDs);
    let t = now();
    const gradient = await this.gradientImportance();
    const gradientMs = now() - t;
    t = now();
    const pi = await permutationImportance(this.predict, this.testDs.x, this.test.y, { repeats, seed: 0 });
    const permutationMs = now() - t;
    return {
      kind: 'importance',
      epoch: this.epoch,
      testAccuracy: accuracy,
      testLoss: loss,
      featureNames: this.data.featureNames,
      informative: this.data.informative,
      gradient,
      permutation: { baseline: pi.baseline, mean: pi.mean, repeats: pi.importances },
      tree: this.tree(),
      ms: { gradient: gradientMs, permutation: permutationMs },
    };
  }

  /** Background rows: the training mean (all zeros after standardising) or a seeded sample of training rows. */
  background(kind: 'mean' | 'sample', seed: number): number[][] {
    if (kind === 'mean') {
      const mean = new Array<number>(D).fill(0);
      for (let i = 0; i < this.train.nSamples; i++) for (let j = 0; j < D; j++) mean[j]! += this.train.x[i * D + j]! / this.train.nSamples;
      return [mean];
    }
    const order = permutation(this.train.nSamples, mulberry32(subSeed(seed, 'shap-background')));
    return Array.from(order.subarray(0, BACKGROUND_ROWS), (i) => Array.from(this.train.x.subarray(i * D, (i + 1) * D)));
  }

  testRow(i: number): Float32Array {
    return this.test.x.slice(i * D, (i + 1) * D);
  }

  private async shap(sel: Extract<TabularSelection, { kind: 'shap' }>): Promise<ShapView> {
    const { row, nsamples, seed } = sel;
    if (!Number.isInteger(row) || row < 0 || row >= this.test.nSamples) throw new RangeError(`row must be a test row from 0 to ${this.test.nSamples - 1}; got ${row}`);
    const { accuracy } = await this.trainer.evaluate(this.testDs);
    const bg = this.background(sel.background, seed);
    const x = this.testRow(row);

    let t = now();
    const r = await kernelShap(this.predict, x, bg, { target: TARGET, nsamples, seed });
    const kernelMs = now() - t;

    t = now();
    const meanAbs = new Float64Array(D);
    for (let i = 0; i < GLOBAL_ROWS; i++) {
      const ri = i === row ? r : await kernelShap(this.predict, this.testRow(i), bg, { target: TARGET, nsamples, seed });
      for (let j = 0; j < D; j++) meanAbs[j]! += Math.abs(ri.values[j]!) / GLOBAL_ROWS;
    }
    const globalMs = now() - t;

    // The small game: the network with all but the 10 features of largest mean |φ|
    // clamped to the training mean; its players are those 10 features.
    t = now();
    const features = Array.from({ length: D }, (_, j) => j)
      .sort((a, b) => meanAbs[b]! - meanAbs[a]! || a - b)
      .slice(0, SMALL_GAME_FEATURES)
      .sort((a, b) => a - b);
    const mean = this.background('mean', 0)[0]!;
    const scatter = tf.tensor2d(
      features.flatMap((f) => Array.from({ length: D }, (_, j) => (j === f ? 1 : 0))),
      [features.length, D],
    );
    const offset = tf.tensor2d([mean.map((m, j) => (features.includes(j) ? 0 : m))], [1, D]);
    const small = (z: tf.Tensor) => tf.tidy(() => this.predict(tf.add(tf.matMul(z as tf.Tensor2D, scatter), offset)));
    const pick = (v: ArrayLike<number>) => features.map((f) => v[f]!);
    const smallBg = bg.map(pick);
    const smallX = pick(x);
    try {
      const ex = await exactShapley(small, smallX, smallBg, { target: TARGET });
      const ks = await kernelShap(small, smallX, smallBg, { target: TARGET, nsamples, seed });
      const exactMs = now() - t;
      return {
        kind: 'shap',
        epoch: this.epoch,
        testAccuracy: accuracy,
        featureNames: this.data.featureNames,
        informative: this.data.informative,
        row,
        background: sel.background,
        sampleSeed: seed,
        label: this.test.y[row]!,
        x,
        fx: r.fx,
        baseValue: r.baseValue,
        phi: r.values,
        coalitions: r.coalitions,
        exact: r.exact,
        meanAbs,
        small: { features, exact: ex.values, kernel: ks.values, fx: ex.fx, baseValue: ex.baseValue, nsamples: ks.coalitions, kernelExact: ks.exact },
        ms: { kernelShap: kernelMs, global: globalMs, exact: exactMs },
      };
    } finally {
      tf.dispose([scatter, offset]);
    }
  }

  dispose(): void {
    this.trainer.dispose();
    this.model.dispose();
    tf.dispose([this.ds.x, this.ds.y, this.testDs.x, this.testDs.y]);
  }
}
