/**
 * LIME for sequences, with time steps as interpretable features.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Predict } from './types.ts';
import { mulberry32 } from '../engine/random.ts';
import { cosineDistance, fitSurrogate, type LimeResult } from './lime-kernel.ts';
import { predictGenerated } from './tabular.ts';
import { assertFiniteTensor, assertInt, assertNumber, assertPredict, assertSingleExample } from './validate.ts';

export interface LimeSequenceOptions {
  /** Class whose score is explained. Required. */
  target: number;
  /** Number of perturbations including the unmasked sequence (default 5000, as lime_text). */
  numSamples?: number;
  /** Seed (default 0). */
  seed?: number;
  /** What a hidden step shows: a number, or 'mean' (each channel's mean over time). Default 0. */
  baseline?: number | 'mean';
  /** Kernel width on cosine distance ×100 (default 25, as LimeTextExplainer). */
  kernelWidth?: number;
  /** Sequences per model call (default 1024). */
  batchSize?: number;
}

/**
 * LIME for a sequence x of T steps (`[1, T]` or `[1, T, F]`): each step is a
 * feature; a perturbation hides a set of steps by `baseline`. Sampling follows
 * the `lime` package's LimeTextExplainer (words ↔ steps): row 0 keeps every
 * step; each other row hides s steps chosen uniformly without replacement, with
 * s uniform in {1, …, T−1}; distance 100·cosine_distance(z′, 1); kernel
 * sqrt(exp(−D²/25²)); weighted `Ridge(alpha=1)` on the binary masks.
 *
 * Reference: Ribeiro, Singh & Guestrin, KDD 2016, arXiv:1602.04938.
 * Difference from lime: lime_text removes words; a time series has no "absent"
 * step, so a hidden step takes the `baseline` value (default 0).
 */
export async function limeSequence(predict: Predict, x: tf.Tensor, options: LimeSequenceOptions): Promise<LimeResult> {
  assertPredict(predict);
  assertSingleExample('x', x, 2);
  if (x.rank > 3) throw new Error(`x must be [1, steps] or [1, steps, features], got [${x.shape.join(', ')}]`);
  await assertFiniteTensor('x', x);
  if (options == null) throw new Error('options are required: { target }');
  const T = x.shape[1]!;
  const F = x.rank === 3 ? x.shape[2]! : 1;
  if (T < 2) throw new Error(`x must have at least 2 time steps, got ${T}`);
  const numSamples = options.numSamples ?? 5000;
  const seed = options.seed ?? 0;
  const kernelWidth = options.kernelWidth ?? 25;
  const base = options.baseline ?? 0;
  assertInt('options.numSamples', numSamples, 2);
  assertInt('options.seed', seed, -(2 ** 31), 2 ** 32);
  assertInt('options.target', options.target, 0);
  assertNumber('options.kernelWidth', kernelWidth, 0, Infinity, false);
  if (base !== 'mean' && (typeof base !== 'number' || !Number.isFinite(base))) {
    throw new Error(`options.baseline must be a finite number or 'mean', got ${String(base)}`);
  }
  const values = Float32Array.from((await x.data()) as ArrayLike<number>);
  const fill = new Float32Array(F);
  if (base === 'mean') {
    for (let t = 0; t < T; t++) for (let f = 0; f < F; f++) fill[f] = fill[f]! + values[t * F + f]! / T;
  } else {
    fill.fill(base);
  }

  const rng = mulberry32(seed);
  const Z = new Float64Array(numSamples * T).fill(1);
  const order = new Int32Array(T);
  for (let i = 1; i < numSamples; i++) {
    const s = 1 + Math.floor(rng() * (T - 1));
    for (let t = 0; t < T; t++) order[t] = t;
    for (let t = 0; t < s; t++) {
      const j = t + Math.floor(rng() * (T - t));
      const tmp = order[t]!;
      order[t] = order[j]!;
      order[j] = tmp;
      Z[i * T + order[t]!] = 0;
    }
  }
  const y = await predictGenerated(
    predict,
    numSamples,
    x.shape.slice(1),
    (i, out) => {
      for (let t = 0; t < T; t++) {
        const on = Z[i * T + t] === 1;
        for (let f = 0; f < F; f++) out[t * F + f] = on ? values[t * F + f]! : fill[f]!;
      }
    },
    options.target,
    options.batchSize ?? 1024,
  );
  const ones = new Float64Array(T).fill(1);
  const distances = new Float64Array(numSamples);
  for (let i = 0; i < numSamples; i++) distances[i] = 100 * cosineDistance(Z.subarray(i * T, (i + 1) * T), ones);
  return fitSurrogate(Z, y, distances, numSamples, T, kernelWidth);
}
