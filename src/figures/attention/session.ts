/**
 * The attention figure's compute, with no DOM: trains LSTM + attention → Dense(10)
 * (src/models/attention.ts) on "token after the marker" (src/data/sequences.ts),
 * where the one time step that decides the answer is known, and reports after each
 * epoch what the views draw: validation loss and accuracy, the attention weights α
 * of validation sequences, the mean attention mass on the ground-truth step against
 * chance (k/T), and how well α agrees with gradient saliency |∂y_c/∂x_t|.
 * Runs in the page's worker and in Node tests alike.
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { tokenAfterMarker, type SequenceData } from '../../data/sequences.ts';
import { attentionWeights, buildAttentionClassifier } from '../../models/attention.ts';
import { Trainer, type EpochReport, type RunHooks } from '../../train/trainer.ts';
import { scoreProbabilities } from '../../train/metrics.ts';
import type { FigureSession } from '../../worker/session-host.ts';
import { rankAgreement } from '../../explain/rank-agreement.ts';
import { stepSaliency } from './step-saliency.ts';
import { VAL_ROWS, type AttentionState } from './state.ts';

const CLASSES = 10;
/** Validation sequences drawn as rows of the heat map over examples. */
export const HEATMAP_ROWS = 10;

export interface AttentionExample {
  index: number;
  /** Token id per step: 0–9 digits, 10 the marker, 11 the filler. */
  tokens: Int32Array;
  label: number;
  predicted: number;
  probabilities: Float32Array;
  /** α_t over the steps (sums to 1). */
  alpha: Float32Array;
  /** max_f |∂y_c/∂x_{t,f}| per step, for c the predicted class. */
  saliency: Float32Array;
  /** Ground-truth steps (k of them). */
  important: Int32Array;
}

export interface AttentionEpochReport extends EpochReport {
  /** Mean attention mass on the ground-truth steps of the validation set after this epoch. */
  attentionMass: number;
  /** What uniform attention would put there, k/T. */
  chance: number;
}

export interface AttentionView {
  epoch: number;
  steps: number;
  /** Ground-truth steps per sequence. */
  k: number;
  valLoss: number;
  valAccuracy: number;
  /** α of the first HEATMAP_ROWS validation sequences, row-major [rows × steps]. */
  alphaRows: Float32Array;
  /** Their ground-truth steps, [rows × k]. */
  importantRows: Int32Array;
  /** Their tokens, [rows × steps]. */
  tokenRows: Int32Array;
  labels: Int32Array;
  predicted: Int32Array;
  example: AttentionExample;
  /** Mean over validation sequences of Σ_{t ∈ ground truth} α_t. */
  mass: number;
  /** What uniform attention would put there: k / T. */
  chance: number;
  /** Mean of Σ_{t ≥ first ground-truth step} α_t: attention at or after the answer. */
  massFromAnswer: number;
  /** What uniform attention would put there: mean of (T − first step) / T. */
  chanceFromAnswer: number;
  /** Mean over validation sequences of Σ_{t ∈ ground truth} s_t / Σ_t s_t (s = saliency). */
  saliencyMass: number;
  agreement: {
    /** Mean Spearman ρ between α and saliency over the steps of each sequence. */
    spearman: number;
    /** Fraction of sequences where α and saliency peak at the same step. */
    top1: number;
    /** Fraction where α peaks on a ground-truth step. */
    attentionHits: number;
    /** Fraction where saliency peaks on a ground-truth step. */
    saliencyHits: number;
  };
}

interface EpochCache {
  epoch: number;
  loss: number;
  accuracy: number;
  probs: Float32Array;
  predicted: Int32Array;
  alpha: Float32Array;
  saliency: Float32Array;
  mass: number;
  massFromAnswer: number;
  chanceFromAnswer: number;
  saliencyMass: number;
  agreement: AttentionView['agreement'];
}

/** Splits one generated set into validation (the first VAL_ROWS, stable when `rows` changes) and training. */
export function attentionData(state: AttentionState): { train: SequenceData; val: SequenceData } {
  const all = tokenAfterMarker({ n: VAL_ROWS + state.rows, steps: state.steps, seed: state.seed });
  const part = (from: number, n: number): SequenceData => {
    const per = all.steps * all.features;
    return {
      ...all,
      n,
      x: all.x.slice(from * per, (from + n) * per),
      y: all.y.slice(from, from + n),
      important: all.important.slice(from * all.k, (from + n) * all.k),
    };
  };
  return { val: part(0, VAL_ROWS), train: part(VAL_ROWS, state.rows) };
}

function tensors(d: SequenceData): { x: tf.Tensor3D; y: tf.Tensor2D } {
  return tf.tidy(() => ({
    x: tf.tensor3d(d.x, [d.n, d.steps, d.features]),
    y: tf.oneHot(tf.tensor1d(d.y, 'int32'), CLASSES).toFloat() as tf.Tensor2D,
  }));
}

export class AttentionSession implements FigureSession<AttentionView, number> {
  readonly model: tfl.Sequential;
  readonly trainer: Trainer;
  readonly data: { train: SequenceData; val: SequenceData };
  private readonly train: { x: tf.Tensor3D; y: tf.Tensor2D };
  private readonly val: { x: tf.Tensor3D; y: tf.Tensor2D };
  private cache: EpochCache | null = null;

  constructor(readonly state: AttentionState) {
    this.data = attentionData(state);
    this.train = tensors(this.data.train);
    this.val = tensors(this.data.val);
    const { steps, features } = this.data.train;
    this.model = inTidy(() => buildAttentionClassifier({ steps, features, units: state.units, classes: CLASSES, seed: state.seed }));
    this.trainer = new Trainer(this.model, this.train, {
      optimizer: 'adam',
      learningRate: state.lr,
      batchSize: Math.min(state.batch, state.rows),
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

  /** One epoch; the report carries the validation numbers and the attention mass, for the curves. */
  async trainEpoch(hooks: RunHooks = {}): Promise<AttentionEpochReport | null> {
    const report = await this.trainer.runEpoch({ ...hooks, syncEvery: 10 });
    if (!report) return null;
    const v = await this.measure();
    return { ...report, valLoss: v.loss, valAccuracy: v.accuracy, attentionMass: v.mass, chance: this.data.val.k / this.data.val.steps };
  }

  async view(example: number): Promise<AttentionView> {
    const val = this.data.val;
    if (!Number.isInteger(example) || example < 0 || example >= val.n) {
      throw new RangeError(`example must be a validation index from 0 to ${val.n - 1}; got ${example}`);
    }
    const m = await this.measure();
    const T = val.steps;
    const k = val.k;
    const rows = Math.min(HEATMAP_ROWS, val.n);
    return {
      epoch: this.epoch,
      steps: T,
      k,
      valLoss: m.loss,
      valAccuracy: m.accuracy,
      alphaRows: m.alpha.slice(0, rows * T),
      importantRows: val.important.slice(0, rows * k),
      tokenRows: Int32Array.from(Array.from({ length: rows }, (_, i) => Array.from(tokensOf(val, i))).flat()),
      labels: val.y.slice(0, rows),
      predicted: m.predicted.slice(0, rows),
      example: {
        index: example,
        tokens: tokensOf(val, example),
        label: val.y[example]!,
        predicted: m.predicted[example]!,
        probabilities: m.probs.slice(example * CLASSES, (example + 1) * CLASSES),
        alpha: m.alpha.slice(example * T, (example + 1) * T),
        saliency: m.saliency.slice(example * T, (example + 1) * T),
        important: val.important.slice(example * k, (example + 1) * k),
      },
      mass: m.mass,
      chance: k / T,
      massFromAnswer: m.massFromAnswer,
      chanceFromAnswer: m.chanceFromAnswer,
      saliencyMass: m.saliencyMass,
      agreement: m.agreement,
    };
  }

  /** Everything measured on the validation set for the current weights; cached per epoch. */
  private async measure(): Promise<EpochCache> {
    if (this.cache?.epoch === this.epoch) return this.cache;
    const val = this.data.val;
    const { n, steps: T, k } = val;
    const probsT = tf.tidy(() => this.model.predict(this.val.x) as tf.Tensor2D);
    const alphaT = attentionWeights(this.model, this.val.x);
    const probs = (await probsT.data()) as Float32Array;
    const alpha = (await alphaT.data()) as Float32Array;
    tf.dispose([probsT, alphaT]);

    const { predicted, loss, accuracy } = scoreProbabilities(probs, val.y, n, CLASSES);

    const saliency = await stepSaliency(this.model, this.val.x, predicted);

    let mass = 0;
    let massFromAnswer = 0;
    let chanceFromAnswer = 0;
    let saliencyMass = 0;
    let spearmanSum = 0;
    let spearmanCount = 0;
    let top1 = 0;
    let attentionHits = 0;
    let saliencyHits = 0;
    for (let i = 0; i < n; i++) {
      const a = alpha.subarray(i * T, (i + 1) * T);
      const s = saliency.subarray(i * T, (i + 1) * T);
      const truth = new Set(val.important.subarray(i * k, (i + 1) * k));
      let sTotal = 0;
      for (let t = 0; t < T; t++) sTotal += s[t]!;
      const first = Math.min(...truth);
      for (let t = first; t < T; t++) massFromAnswer += a[t]!;
      chanceFromAnswer += (T - first) / T;
      for (const t of truth) {
        mass += a[t]!;
        saliencyMass += sTotal > 0 ? s[t]! / sTotal : 0;
      }
      const agreement = await rankAgreement(a, s, { k: 1 });
      if (Number.isFinite(agreement.spearman)) {
        spearmanSum += agreement.spearman;
        spearmanCount++;
      }
      top1 += agreement.topKOverlap;
      if (truth.has(argMax(a))) attentionHits++;
      if (truth.has(argMax(s))) saliencyHits++;
    }
    this.cache = {
      epoch: this.epoch,
      loss,
      accuracy,
      probs,
      predicted,
      alpha,
      saliency,
      mass: mass / n,
      massFromAnswer: massFromAnswer / n,
      chanceFromAnswer: chanceFromAnswer / n,
      saliencyMass: saliencyMass / n,
      agreement: {
        spearman: spearmanCount ? spearmanSum / spearmanCount : NaN,
        top1: top1 / n,
        attentionHits: attentionHits / n,
        saliencyHits: saliencyHits / n,
      },
    };
    return this.cache;
  }

  dispose(): void {
    this.trainer.dispose();
    this.model.dispose();
    tf.dispose([this.train.x, this.train.y, this.val.x, this.val.y]);
  }
}

/**
 * Builds a model inside tf.tidy: tfjs-layers' unitForgetBias initialiser leaves
 * four intermediate tensors behind, which tidy frees; weight variables survive tidy.
 */
function inTidy<T>(build: () => T): T {
  let out: T | undefined;
  tf.tidy(() => {
    out = build();
  });
  return out as T;
}

function tokensOf(d: SequenceData, i: number): Int32Array {
  const out = new Int32Array(d.steps);
  for (let t = 0; t < d.steps; t++) {
    const base = (i * d.steps + t) * d.features;
    let best = 0;
    for (let f = 1; f < d.features; f++) if (d.x[base + f]! > d.x[base + best]!) best = f;
    out[t] = best;
  }
  return out;
}

function argMax(v: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < v.length; i++) if (v[i]! > v[best]!) best = i;
  return best;
}
