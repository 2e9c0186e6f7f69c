/**
 * LIME for tabular data.
 */
import type { Predict, MatrixLike, VectorLike } from './types.ts';
import { mulberry32, normal } from '../engine/random.ts';
import { fitSurrogate, type LimeResult } from './lime-kernel.ts';
import { predictRows, readMatrix, readVector } from './tabular.ts';
import { assertInt, assertNumber, assertPredict } from './validate.ts';

export interface LimeTabularOptions {
  /** Training data `[n, d]`, for the per-feature mean and standard deviation. Required. */
  trainingData: MatrixLike;
  /** Class whose score is explained. Required. */
  target: number;
  /** Number of perturbations including the instance itself (default 5000, as lime). */
  numSamples?: number;
  /** Seed (default 0). */
  seed?: number;
  /** Kernel width (default 0.75·√d, as lime). */
  kernelWidth?: number;
  /** Quartile discretisation (lime's default `discretize_continuous=True`) is not implemented: pass false or leave out. */
  discretize?: boolean;
  /** Draw around the instance instead of around the training mean (default false, as lime). */
  sampleAroundInstance?: boolean;
  /** Rows per model call (default 8192). */
  batchSize?: number;
}

/**
 * LIME, tabular:  ξ(x) = argmin_g Σ_z π_x(z) (f(z) − g(z'))² + Ω(g),
 * with g linear on standardised features z' = (z − μ)/σ, Ω = ‖β‖² (ridge, α = 1),
 * π_x(z) = sqrt(exp(−‖z' − x'‖² / width²)).
 *
 * Reference: Ribeiro, Singh & Guestrin, "'Why Should I Trust You?': Explaining the
 * Predictions of Any Classifier", KDD 2016, arXiv:1602.04938. Follows the `lime`
 * package's `LimeTabularExplainer(discretize_continuous=False)`: perturbations
 * z = ε·σ + μ (or + x with `sampleAroundInstance`), ε ~ N(0, I), σ the population
 * standard deviation of the training data (1 for a constant feature), row 0 = x;
 * euclidean distances on standardised features; width 0.75·√d; weighted
 * `Ridge(alpha=1)`; `score` the weighted R² lime reports; `weights` are per
 * standard deviation of each feature (lime fits on the standardised data too).
 *
 * Differences from lime: all d features are kept (lime's `num_features=10` keeps the
 * 10 chosen by forward selection / highest weights when d > 10); and
 * `discretize: true` (lime's default quartile discretiser) is refused with an Error,
 * because its sampling from truncated normals per bin is not implemented here.
 */
export async function limeTabular(predict: Predict, instance: VectorLike, options: LimeTabularOptions): Promise<LimeResult> {
  assertPredict(predict);
  if (options == null || options.trainingData == null) throw new Error('options.trainingData is required (the training rows [n, d])');
  if (options.discretize) {
    throw new Error('options.discretize: quartile discretisation is not implemented; use discretize: false (lime\'s discretize_continuous=False)');
  }
  const x = await readVector('instance', instance);
  const train = await readMatrix('options.trainingData', options.trainingData);
  const d = x.length;
  if (train.d !== d) throw new Error(`options.trainingData has ${train.d} columns but instance has ${d} features`);
  const numSamples = options.numSamples ?? 5000;
  const seed = options.seed ?? 0;
  const kernelWidth = options.kernelWidth ?? 0.75 * Math.sqrt(d);
  assertInt('options.numSamples', numSamples, 2);
  assertInt('options.seed', seed, -(2 ** 31), 2 ** 32);
  assertNumber('options.kernelWidth', kernelWidth, 0, Infinity, false);
  assertInt('options.target', options.target, 0);

  // StandardScaler(with_mean=False).fit(trainingData): mean_ and population scale_.
  const mean = new Float64Array(d);
  const std = new Float64Array(d);
  for (let i = 0; i < train.n; i++) for (let j = 0; j < d; j++) mean[j] = mean[j]! + train.data[i * d + j]! / train.n;
  for (let i = 0; i < train.n; i++) for (let j = 0; j < d; j++) std[j] = std[j]! + (train.data[i * d + j]! - mean[j]!) ** 2 / train.n;
  for (let j = 0; j < d; j++) std[j] = std[j]! > 0 ? Math.sqrt(std[j]!) : 1;

  const n = numSamples;
  const draw = normal(mulberry32(seed));
  const centre = options.sampleAroundInstance ? x : mean;
  const data = new Float64Array(n * d);
  const scaled = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) {
      const v = i === 0 ? x[j]! : draw() * std[j]! + centre[j]!;
      data[i * d + j] = v;
      scaled[i * d + j] = (v - mean[j]!) / std[j]!;
    }
  }
  const distances = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < d; j++) s += (scaled[i * d + j]! - scaled[j]!) ** 2;
    distances[i] = Math.sqrt(s);
  }
  const y = await predictRows(predict, data, n, d, options.target, options.batchSize);
  return fitSurrogate(scaled, y, distances, n, d, kernelWidth);
}
