/**
 * The transparency–performance figure's compute, run in its worker: an MLP with two
 * hidden layers (the black box) trains on the toy data, and a CART tree (the white box)
 * is refitted on the same data for whatever depth the reader picks (a few milliseconds
 * on an idle machine, but kept off the page's main thread, where a busy CPU could make
 * the slider stutter). Reports both models' accuracies and decision boundaries.
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { buildMlp } from '../../models/mlp.ts';
import { Trainer, type EpochReport, type RunHooks } from '../../train/trainer.ts';
import type { FigureSession } from '../../worker/session-host.ts';
import { tradeoffData, type TradeoffData } from './data.ts';
import { fitTree, type TreeResult } from './tree.ts';
import type { TradeoffState } from './state.ts';

export interface MlpView {
  epoch: number;
  trainAccuracy: number;
  testAccuracy: number;
  testLoss: number;
  /** p(class 1) on the lattice (row-major, row 0 at x₂ = min). */
  boundary: Float32Array;
  parameters: number;
}

export interface DepthRow {
  depth: number;
  leaves: number;
  trainAccuracy: number;
  testAccuracy: number;
}

export interface TradeoffView extends MlpView {
  tree: TreeResult;
  /** The tree at every depth 1–8 (computed once per data set). */
  depths: DepthRow[];
}

export class TradeoffSession implements FigureSession<TradeoffView, number> {
  readonly data: TradeoffData;
  readonly model: tfl.Sequential;
  readonly trainer: Trainer;
  private readonly train: { x: tf.Tensor2D; y: tf.Tensor2D };
  private readonly test: { x: tf.Tensor2D; y: tf.Tensor2D };
  private readonly grid: tf.Tensor2D;
  private depthRows: DepthRow[] | null = null;

  constructor(readonly state: TradeoffState) {
    this.data = tradeoffData(state.data, state.seed);
    const tensors = (d: { x: Float32Array; y: Int32Array; n: number }) =>
      tf.tidy(() => ({ x: tf.tensor2d(d.x, [d.n, 2]), y: tf.oneHot(tf.tensor1d(d.y, 'int32'), 2).toFloat() as tf.Tensor2D }));
    this.train = tensors(this.data.train);
    this.test = tensors(this.data.test);
    this.grid = tf.tensor2d(this.data.grid, [this.data.grid.length / 2, 2]);
    this.model = buildMlp({ inputs: 2, hidden: [state.hidden, state.hidden], outputs: 2, activation: 'tanh', seed: state.seed });
    this.trainer = new Trainer(this.model, this.train, {
      optimizer: 'adam',
      learningRate: 0.03,
      batchSize: 50,
      epochs: state.epochs,
      loss: 'categoricalCrossentropy',
      seed: state.seed,
      shuffle: true,
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

  /** The tree at every depth, for the table and the exercise. */
  depthTable(): DepthRow[] {
    this.depthRows ??= Array.from({ length: 8 }, (_, i) => {
      const t = fitTree(this.data, i + 1);
      return { depth: i + 1, leaves: t.leaves, trainAccuracy: t.trainAccuracy, testAccuracy: t.testAccuracy };
    });
    return this.depthRows;
  }

  async view(depth: number): Promise<TradeoffView> {
    if (!Number.isInteger(depth) || depth < 1 || depth > 8) throw new RangeError(`tree depth must be 1 to 8; got ${depth}`);
    return { ...(await this.mlpView()), tree: fitTree(this.data, depth), depths: this.depthTable() };
  }

  async mlpView(): Promise<MlpView> {
    const train = await this.trainer.evaluate(this.train);
    const test = await this.trainer.evaluate(this.test);
    const p = tf.tidy(() => tf.slice(this.model.predict(this.grid) as tf.Tensor2D, [0, 1], [-1, 1]));
    const boundary = (await p.data()) as Float32Array;
    p.dispose();
    return {
      epoch: this.epoch,
      trainAccuracy: train.accuracy,
      testAccuracy: test.accuracy,
      testLoss: test.loss,
      boundary,
      parameters: this.model.countParams(),
    };
  }

  dispose(): void {
    this.trainer.dispose();
    this.model.dispose();
    tf.dispose([this.train.x, this.train.y, this.test.x, this.test.y, this.grid]);
  }
}
