/**
 * Deletion and insertion curves (faithfulness of an attribution map).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Predict } from './types.ts';
import { predictGenerated } from './tabular.ts';
import { assertFiniteArray, assertFiniteTensor, assertInt, assertPredict, assertSingleExample, assertTensor } from './validate.ts';

export interface CurveOptions {
  /** Number of steps; the curve has steps + 1 points at fractions k/steps (default 28). */
  steps?: number;
  /** What a removed (deletion) or not-yet-inserted (insertion) entry shows: a number or a tensor shaped like x (default 0). */
  baseline?: number | tf.Tensor;
  /** Images per model call (default 256). */
  batchSize?: number;
}

export interface Curve {
  /** Fraction of features removed (deletion) or inserted (insertion): k / steps. */
  fractions: Float64Array;
  /** f_target at each fraction. */
  scores: Float64Array;
  /** Area under the curve by the trapezoid rule over fractions ∈ [0, 1]. */
  auc: number;
}

/** Trapezoid area under (xs, ys). */
export function trapezoidAuc(xs: ArrayLike<number>, ys: ArrayLike<number>): number {
  let a = 0;
  for (let i = 1; i < xs.length; i++) a += ((xs[i]! - xs[i - 1]!) * (ys[i]! + ys[i - 1]!)) / 2;
  return a;
}

async function curve(kind: 'deletion' | 'insertion', predict: Predict, x: tf.Tensor, attribution: tf.Tensor | ArrayLike<number>, target: number, options: CurveOptions): Promise<Curve> {
  assertPredict(predict);
  assertSingleExample('x', x);
  await assertFiniteTensor('x', x);
  const steps = options.steps ?? 28;
  assertInt('options.steps', steps, 1);
  assertInt('target', target, 0);
  const xv = Float32Array.from((await x.data()) as ArrayLike<number>);
  const attr = attribution instanceof tf.Tensor ? Float64Array.from((await attribution.data()) as ArrayLike<number>) : Float64Array.from(attribution ?? []);
  assertFiniteArray('attribution', attr);
  const size = xv.length;
  // A feature is one entry of x, or one pixel (all channels) of an image [1, h, w, c].
  let group = 1;
  if (attr.length !== size) {
    if (x.rank === 4 && attr.length === x.shape[1]! * x.shape[2]!) group = x.shape[3]!;
    else {
      throw new Error(`attribution must have x's ${size} entries${x.rank === 4 ? ` or one per pixel (${x.shape[1]! * x.shape[2]!})` : ''}, got ${attr.length}`);
    }
  }
  const b = options.baseline ?? 0;
  let base: Float32Array;
  if (typeof b === 'number') {
    if (!Number.isFinite(b)) throw new Error(`options.baseline must be finite, got ${b}`);
    base = new Float32Array(size).fill(b);
  } else {
    assertTensor('options.baseline', b);
    if (b.size !== size) throw new Error(`options.baseline must have x's shape [${x.shape.join(', ')}], got [${b.shape.join(', ')}]`);
    base = Float32Array.from((await b.data()) as ArrayLike<number>);
    assertFiniteArray('options.baseline', base);
  }
  const nf = attr.length;
  // Most important first; ties by index so results are deterministic.
  const order = Array.from({ length: nf }, (_, i) => i).sort((i, j) => attr[j]! - attr[i]! || i - j);
  const rank = new Int32Array(nf);
  order.forEach((f, r) => (rank[f] = r));
  const fractions = new Float64Array(steps + 1);
  const counts = new Int32Array(steps + 1);
  for (let k = 0; k <= steps; k++) {
    fractions[k] = k / steps;
    counts[k] = Math.round((k * nf) / steps);
  }
  const scores = await predictGenerated(
    predict,
    steps + 1,
    x.shape.slice(1),
    (k, out) => {
      const c = counts[k]!;
      for (let e = 0; e < size; e++) {
        const touched = rank[Math.floor(e / group)]! < c;
        // deletion: the top-c features show the baseline; insertion: only the top-c show x.
        out[e] = kind === 'deletion' ? (touched ? base[e]! : xv[e]!) : touched ? xv[e]! : base[e]!;
      }
    },
    target,
    options.batchSize ?? 256,
  );
  return { fractions, scores, auc: trapezoidAuc(fractions, scores) };
}

/**
 * Deletion curve: f_target(x with the top ⌊k·N/steps⌉ features by attribution set to
 * the baseline), k = 0..steps, and its trapezoid AUC. A faithful map makes the
 * score fall fast, giving a *low* AUC.
 *
 * Reference: Petsiuk, Das & Saenko, "RISE: Randomized Input Sampling for
 * Explanation of Black-box Models", BMVC 2018, arXiv:1806.07421. As there, removed
 * pixels become 0 by default and the AUC is over the fraction removed in [0, 1];
 * scores are whatever `predict` outputs (RISE applies softmax to logits).
 */
export function deletionCurve(predict: Predict, x: tf.Tensor, attribution: tf.Tensor | ArrayLike<number>, target: number, options: CurveOptions = {}): Promise<Curve> {
  return curve('deletion', predict, x, attribution, target, options);
}

/**
 * Insertion curve: f_target(baseline with the top ⌊k·N/steps⌉ features by attribution
 * copied from x), k = 0..steps, and its trapezoid AUC; a faithful map gives a *high* AUC.
 *
 * Reference: Petsiuk, Das & Saenko, BMVC 2018, arXiv:1806.07421. Difference: RISE
 * starts insertion from a blurred copy of the image; here the start is `baseline`
 * (default 0, a blank canvas, natural for digits). Pass a blurred tensor to match RISE.
 */
export function insertionCurve(predict: Predict, x: tf.Tensor, attribution: tf.Tensor | ArrayLike<number>, target: number, options: CurveOptions = {}): Promise<Curve> {
  return curve('insertion', predict, x, attribution, target, options);
}
