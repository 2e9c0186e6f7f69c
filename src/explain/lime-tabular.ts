/**
 * LIME for tabular data.
 */
import type { Predict, MatrixLike, VectorLike } from './types.ts';
import { mulberry32, normal, subSeed } from '../engine/random.ts';
import { fitSurrogate, type LimeResult } from './lime-kernel.ts';
import { predictRows, readMatrix, readVector } from './tabular.ts';
import { assertInt, assertNumber, assertPredict } from './validate.ts';

export interface LimeTabularOptions {
  /** Training data `[n, d]`: per-feature statistics (quartiles and per-bin mean/std, or mean and std). Required. */
  trainingData: MatrixLike;
  /** Class whose score is explained. Required. */
  target: number;
  /** Number of perturbations including the instance itself (default 5000, as lime). */
  numSamples?: number;
  /** Seed (default 0). */
  seed?: number;
  /** Kernel width (default 0.75·√d, as lime). */
  kernelWidth?: number;
  /**
   * Quartile discretisation (default true, as lime's `discretize_continuous=True,
   * discretizer='quartile'`): the surrogate's features are the indicators
   * "feature j lies in the instance's quartile bin". False: lime's continuous
   * mode, the surrogate is linear in the standardised features.
   */
  discretize?: boolean;
  /** Continuous mode only: draw around the instance instead of around the training mean (default false, as lime; lime ignores it when discretising too). */
  sampleAroundInstance?: boolean;
  /** Names used in `labels` (default `x0 … x{d−1}`, the names of the book's tabular generators). */
  featureNames?: string[];
  /** Rows per model call (default 8192). */
  batchSize?: number;
}

export interface LimeTabularResult extends LimeResult {
  /**
   * What each weight is about, as lime's explanation names it: with `discretize`,
   * the instance's bin, e.g. `"x3 <= 0.52"`, `"0.52 < x3 <= 1.10"`, `"x3 > 1.10"`
   * (edges printed with `%.2f`); without, the feature name.
   */
  labels: string[];
  /** With `discretize`: each feature's bin edges (distinct training quartiles); otherwise absent. */
  edges?: Float64Array[];
}

/**
 * numpy's `np.percentile(values, p)` with its default `method='linear'`:
 * the sorted values at virtual index h = (n − 1)·p/100, interpolated between
 * ⌊h⌋ and ⌊h⌋ + 1 with numpy's `_lerp` (which computes from the upper end when the
 * fraction is ≥ 0.5, so results agree to the last bit). `sorted` must be ascending.
 */
export function percentileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) throw new Error('percentile of an empty array');
  const h = (n - 1) * (p / 100);
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  const t = h - lo;
  const a = sorted[lo]!;
  const b = sorted[hi]!;
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

/**
 * lime's `QuartileDiscretizer` bin edges of one column:
 * `np.unique(np.percentile(values, [25, 50, 75]))` (ties collapse, so 1 to 3 edges).
 */
export function quartileEdges(values: ArrayLike<number>): Float64Array {
  const sorted = Float64Array.from(values).sort();
  const q = [25, 50, 75].map((p) => percentileSorted(sorted, p));
  return Float64Array.from(new Set(q)).sort();
}

/**
 * lime's bin of a value, `np.searchsorted(edges, v)` (side 'left'): the number of
 * edges strictly below v, so bin 0 is v ≤ e₀, bin i is e_{i−1} < v ≤ e_i, the last v > e_last.
 */
export function binOf(edges: ArrayLike<number>, v: number): number {
  let k = 0;
  while (k < edges.length && edges[k]! < v) k++;
  return k;
}

/** Python's `'%.2f' % v`: like toFixed(2), but exact binary ties (v·8 odd, e.g. 0.125) round half to even. */
function fmt2(v: number): string {
  if (Number.isInteger(v * 8) && !Number.isInteger(v * 4)) {
    const n = Math.round(Math.abs(v) * 100 - 0.5); // the lower neighbour: |v|·100 = n + 0.5 exactly
    const m = n % 2 === 0 ? n : n + 1;
    return `${v < 0 ? '-' : ''}${(m / 100).toFixed(2)}`;
  }
  return v.toFixed(2);
}

/** lime's bin descriptions (`BaseDiscretizer.names`) for one feature. */
function binNames(name: string, edges: Float64Array): string[] {
  const out = [`${name} <= ${fmt2(edges[0]!)}`];
  for (let i = 0; i + 1 < edges.length; i++) out.push(`${fmt2(edges[i]!)} < ${name} <= ${fmt2(edges[i + 1]!)}`);
  out.push(`${name} > ${fmt2(edges[edges.length - 1]!)}`);
  return out;
}

/**
 * LIME, tabular:  ξ(x) = argmin_g Σ_z π_x(z) (f(z) − g(z'))² + Ω(g),
 * g linear in interpretable features z', Ω = ‖β‖² (ridge, α = 1),
 * π_x(z) = sqrt(exp(−‖z' − x'‖² / width²)), width 0.75·√d by default.
 *
 * Reference: Ribeiro, Singh & Guestrin, "'Why Should I Trust You?': Explaining the
 * Predictions of Any Classifier", KDD 2016, arXiv:1602.04938. Follows the `lime`
 * package's `LimeTabularExplainer` (weighted `Ridge(alpha=1)`, `score` the
 * weighted R² lime reports, `localPrediction` the surrogate at the instance).
 *
 * `discretize: true` (the default, as lime's `discretize_continuous=True,
 * discretizer='quartile'`):
 *  - each feature's edges are the distinct training quartiles
 *    `np.unique(np.percentile(col, [25, 50, 75]))` (numpy's linear interpolation),
 *    bins by `np.searchsorted` (bin 0: v ≤ e₀; then e_{i−1} < v ≤ e_i; last: v > e_last);
 *    per bin the training mean and population std (+1e-11, as lime), and range
 *    [training min, e₀], [e_{i−1}, e_i], …, [e_last, training max];
 *  - perturbations (row 0 = the instance): for each feature, a bin drawn with the
 *    training bin frequencies, then a value in it from the normal with the bin's
 *    mean/std truncated to the bin's range (lime: `scipy.stats.truncnorm`);
 *  - the surrogate's features are the binary indicators "drawn bin = the
 *    instance's bin" (row 0 all ones). lime sets the scaler's mean 0 and scale 1 for
 *    every discretised feature, so its "scaled data" IS this binary matrix: the
 *    distances are euclidean on it, i.e. √(number of features outside the instance's
 *    bin), and the ridge is fitted on it. A weight is the change in f_target when the
 *    feature is moved into the instance's bin (from a random other bin, drawn with
 *    training frequencies); `labels` names each bin like lime ("x3 <= 0.52").
 *
 * `discretize: false` (lime's `discretize_continuous=False`): perturbations
 * z = ε·σ + μ (or + x with `sampleAroundInstance`), ε ~ N(0, I), σ the population
 * standard deviation of the training data (1 for a constant feature), row 0 = x;
 * euclidean distances on standardised features z' = (z − μ)/σ; the ridge is fitted on
 * z', so `weights` are per standard deviation of each feature.
 *
 * Differences from lime: all d features are kept (lime's `num_features=10` keeps the
 * 10 chosen by forward selection / highest weights when d > 10); the seeded
 * generator of `src/engine/random.ts` replaces numpy's, so the draws differ from
 * lime's for the same seed (the distribution is the same); the truncated normal
 * is sampled by rejection (exact: a N(mean, std) draw is kept when it falls in the
 * bin's range; since the bin's training points lie in that range, std ≤ half its
 * width and the mean is inside, so at least ~48% of draws are kept); and a bin whose
 * range is a single point gives that point (lime returns the z-score (min − mean)/std
 * there, a bug).
 */
export async function limeTabular(predict: Predict, instance: VectorLike, options: LimeTabularOptions): Promise<LimeTabularResult> {
  assertPredict(predict);
  if (options == null || options.trainingData == null) throw new Error('options.trainingData is required (the training rows [n, d])');
  if (options.discretize != null && typeof options.discretize !== 'boolean') {
    throw new Error(`options.discretize must be true or false, got ${String(options.discretize)}`);
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
  const names = options.featureNames ?? Array.from({ length: d }, (_, j) => `x${j}`);
  if (!Array.isArray(names) || names.length !== d) {
    throw new Error(`options.featureNames must be an array of ${d} names, got ${Array.isArray(names) ? `${names.length} names` : typeof names}`);
  }
  if (options.discretize ?? true) return discretized(predict, x, train.data, train.n, d, numSamples, seed, kernelWidth, names, options);

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
  return { ...fitSurrogate(scaled, y, distances, n, d, kernelWidth), labels: names.slice() };
}

/** The quartile-discretised path of `limeTabular` (see there). */
async function discretized(
  predict: Predict,
  x: Float64Array,
  trainData: Float64Array,
  trainN: number,
  d: number,
  n: number,
  seed: number,
  kernelWidth: number,
  names: string[],
  options: LimeTabularOptions,
): Promise<LimeTabularResult> {
  const pick = mulberry32(seed);
  const gauss = normal(mulberry32(subSeed(seed, 'lime-truncnorm')));
  const data = new Float64Array(n * d); // the real values the model sees (lime's `inverse`)
  const binary = new Float64Array(n * d); // the surrogate's features (lime's `data`)
  const edges: Float64Array[] = [];
  const labels: string[] = [];
  const col = new Float64Array(trainN);
  for (let j = 0; j < d; j++) {
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < trainN; i++) {
      const v = trainData[i * d + j]!;
      col[i] = v;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    const e = quartileEdges(col);
    edges.push(e);
    const bins = e.length + 1;
    // Per-bin count, mean and population std of the training values (lime's means/stds).
    const count = new Float64Array(bins);
    const sum = new Float64Array(bins);
    const trainBin = new Int32Array(trainN);
    for (let i = 0; i < trainN; i++) {
      const b = binOf(e, col[i]!);
      trainBin[i] = b;
      count[b]!++;
      sum[b]! += col[i]!;
    }
    const bMean = new Float64Array(bins);
    for (let b = 0; b < bins; b++) bMean[b] = count[b]! > 0 ? sum[b]! / count[b]! : 0;
    const bVar = new Float64Array(bins);
    for (let i = 0; i < trainN; i++) bVar[trainBin[i]!]! += (col[i]! - bMean[trainBin[i]!]!) ** 2;
    const bStd = new Float64Array(bins);
    for (let b = 0; b < bins; b++) bStd[b] = (count[b]! > 0 ? Math.sqrt(bVar[b]! / count[b]!) : 0) + 1e-11;
    const lo = [min, ...e];
    const hi = [...e, max];
    // Cumulative training bin frequencies, for lime's random_state.choice(values, p=freqs).
    const cdf = new Float64Array(bins);
    let acc = 0;
    for (let b = 0; b < bins; b++) cdf[b] = acc += count[b]! / trainN;
    const own = binOf(e, x[j]!);
    labels.push(binNames(names[j]!, e)[own]!);

    data[j] = x[j]!;
    binary[j] = 1;
    for (let i = 1; i < n; i++) {
      const u = pick();
      let b = 0;
      while (b < bins - 1 && !(u < cdf[b]!)) b++;
      while (count[b] === 0) b--; // u beyond a rounded cdf's end: the last non-empty bin
      binary[i * d + j] = b === own ? 1 : 0;
      data[i * d + j] = truncatedNormal(gauss, bMean[b]!, bStd[b]!, lo[b]!, hi[b]!);
    }
  }
  const distances = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < d; j++) s += (binary[i * d + j]! - 1) ** 2;
    distances[i] = Math.sqrt(s);
  }
  const y = await predictRows(predict, data, n, d, options.target, options.batchSize);
  return { ...fitSurrogate(binary, y, distances, n, d, kernelWidth), labels, edges };
}

/** A draw of N(mean, std²) restricted to [lo, hi], by rejection (see limeTabular). */
function truncatedNormal(gauss: () => number, mean: number, std: number, lo: number, hi: number): number {
  if (!(hi > lo)) return lo;
  for (let t = 0; t < 10_000; t++) {
    const v = mean + std * gauss();
    if (v >= lo && v <= hi) return v;
  }
  return Math.min(hi, Math.max(lo, mean)); // unreachable in practice (acceptance ≥ ~48%)
}
