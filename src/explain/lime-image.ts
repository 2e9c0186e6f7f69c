/**
 * LIME for images, with superpixels as interpretable features.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Predict } from './types.ts';
import { mulberry32 } from '../engine/random.ts';
import { cosineDistance, fitSurrogate, type LimeResult } from './lime-kernel.ts';
import { predictGenerated } from './tabular.ts';
import { countSegments } from './segmentation.ts';
import { assertFiniteTensor, assertInt, assertNumber, assertPredict, assertSingleExample } from './validate.ts';

export interface LimeImageOptions {
  /** Per-pixel segment ids 0..K−1 (Int32Array of height·width), e.g. from gridSegments / slicSegments. Required. */
  segments: Int32Array;
  /** Class whose score is explained. Required. */
  target: number;
  /** Number of masks including the all-ones first one (default 1000, as lime_image). */
  numSamples?: number;
  /** Seed (default 0). */
  seed?: number;
  /** Value for hidden superpixels: a number, or 'mean' for each superpixel's mean (lime's hide_color=None). Default 0. */
  hideValue?: number | 'mean';
  /** Kernel width on the cosine distance (default 0.25, as lime_image). */
  kernelWidth?: number;
  /** Images per model call (default 256; lime_image uses 10). */
  batchSize?: number;
}

export interface LimeImageResult extends LimeResult {
  /** Number of superpixels K (length of `weights`). */
  numSegments: number;
}

/**
 * LIME for images: masks z′ ∈ {0,1}^K drawn uniformly (row 0 all ones), image
 * z = x with superpixels where z′_k = 0 replaced by `hideValue`; surrogate
 * g(z′) = β·z′ + b fitted by `Ridge(alpha=1)` weighted with
 * π(z′) = sqrt(exp(−D²/0.25²)), D = cosine_distance(z′, 1) ∈ [0, 1].
 * (lime_image uses the plain cosine distance; the ×100 scaling belongs to lime_text,
 * whose kernel width is 25 — see `limeSequence`.)
 *
 * Reference: Ribeiro, Singh & Guestrin, KDD 2016, arXiv:1602.04938; semantics
 * of the `lime` package's `LimeImageExplainer.explain_instance` (all superpixels
 * kept: lime's default num_features=100000).
 * Difference from lime: `hideValue` defaults to 0 (lime's hide_color=None
 * averages each superpixel); on dark-background digits 0 means "no ink", which
 * is what a reader expects "hiding" to do. Pass 'mean' for lime's behaviour.
 * `image` is `[1, h, w]` or `[1, h, w, c]`; `predict` receives batches of that shape.
 */
export async function limeImage(predict: Predict, image: tf.Tensor, options: LimeImageOptions): Promise<LimeImageResult> {
  assertPredict(predict);
  assertSingleExample('image', image, 3);
  if (image.rank > 4) throw new Error(`image must be [1, height, width] or [1, height, width, channels], got [${image.shape.join(', ')}]`);
  await assertFiniteTensor('image', image);
  if (options == null) throw new Error('options are required: { segments, target }');
  const h = image.shape[1]!;
  const w = image.shape[2]!;
  const c = image.rank === 4 ? image.shape[3]! : 1;
  const segments = options.segments;
  if (!(segments instanceof Int32Array) || segments.length !== h * w) {
    throw new Error(`options.segments must be an Int32Array of height·width = ${h * w} segment ids, got ${segments instanceof Int32Array ? `length ${segments.length}` : typeof segments}`);
  }
  for (let i = 0; i < segments.length; i++) {
    if (segments[i]! < 0) throw new Error(`options.segments has a negative id at pixel ${i}`);
  }
  const K = countSegments(segments);
  const numSamples = options.numSamples ?? 1000;
  const seed = options.seed ?? 0;
  const hide = options.hideValue ?? 0;
  const kernelWidth = options.kernelWidth ?? 0.25;
  assertInt('options.numSamples', numSamples, 2);
  assertInt('options.seed', seed, -(2 ** 31), 2 ** 32);
  assertInt('options.target', options.target, 0);
  assertNumber('options.kernelWidth', kernelWidth, 0, Infinity, false);
  if (hide !== 'mean' && (typeof hide !== 'number' || !Number.isFinite(hide))) {
    throw new Error(`options.hideValue must be a finite number or 'mean', got ${String(hide)}`);
  }

  const pixels = Float32Array.from((await image.data()) as ArrayLike<number>);
  // Fudged image: what a hidden pixel shows.
  const fudged = new Float32Array(pixels.length);
  if (hide === 'mean') {
    const sum = new Float64Array(K * c);
    const cnt = new Float64Array(K);
    for (let p = 0; p < h * w; p++) {
      const s = segments[p]!;
      cnt[s] = cnt[s]! + 1;
      for (let ch = 0; ch < c; ch++) sum[s * c + ch] = sum[s * c + ch]! + pixels[p * c + ch]!;
    }
    for (let p = 0; p < h * w; p++) {
      const s = segments[p]!;
      for (let ch = 0; ch < c; ch++) fudged[p * c + ch] = sum[s * c + ch]! / cnt[s]!;
    }
  } else {
    fudged.fill(hide);
  }

  const rng = mulberry32(seed);
  const Z = new Float64Array(numSamples * K);
  for (let i = 0; i < numSamples; i++) for (let k = 0; k < K; k++) Z[i * K + k] = i === 0 || rng() < 0.5 ? 1 : 0;
  const rowShape = image.shape.slice(1);
  const y = await predictGenerated(
    predict,
    numSamples,
    rowShape,
    (i, out) => {
      for (let p = 0; p < h * w; p++) {
        const on = Z[i * K + segments[p]!] === 1;
        for (let ch = 0; ch < c; ch++) out[p * c + ch] = on ? pixels[p * c + ch]! : fudged[p * c + ch]!;
      }
    },
    options.target,
    options.batchSize ?? 256,
  );
  const ones = new Float64Array(K).fill(1);
  const distances = new Float64Array(numSamples);
  for (let i = 0; i < numSamples; i++) distances[i] = cosineDistance(Z.subarray(i * K, (i + 1) * K), ones);
  return { ...fitSurrogate(Z, y, distances, numSamples, K, kernelWidth), numSegments: K };
}

/** Spreads per-segment weights over pixels: map[p] = weights[segments[p]]. */
export function segmentMap(weights: ArrayLike<number>, segments: Int32Array): Float32Array {
  const out = new Float32Array(segments.length);
  for (let p = 0; p < segments.length; p++) {
    const s = segments[p]!;
    if (s < 0 || s >= weights.length) throw new Error(`segments has id ${s} at pixel ${p} but weights has ${weights.length} entries`);
    out[p] = weights[s]!;
  }
  return out;
}
