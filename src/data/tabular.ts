/**
 * Synthetic tabular classification data with known ground truth, following
 * scikit-learn's `make_classification` (Guyon, 2003, "Design of experiments for
 * the NIPS 2003 variable selection benchmark"). Because we know which columns
 * carry the signal, a feature-importance or attribution figure can be checked
 * against the truth instead of against intuition.
 *
 * The algorithm, step by step (same as scikit-learn, our own seeded RNG):
 *  1. `nClasses × nClustersPerClass` cluster centres are distinct random vertices
 *     of an `nInformative`-dimensional hypercube with side `2·classSep`.
 *  2. Each cluster's points are N(0, I) draws multiplied by a random matrix
 *     A ∈ U(-1, 1)^{k×k} (a random covariance), then shifted to the centre.
 *     Cluster k gets label `k mod nClasses`.
 *  3. Redundant features are random linear combinations (B ∈ U(-1, 1)^{k×r})
 *     of the informative ones; repeated features copy random earlier columns.
 *  4. The remaining features are pure N(0, 1) noise.
 *  5. A fraction `flipY` of labels is replaced by a random class (label noise).
 *  6. Rows are shuffled, then columns are shuffled; we report where the
 *     informative/redundant columns ended up.
 *
 * Shape: `x` is a row-major Float32Array of nSamples×nFeatures; `y` an Int32Array
 * of class indices. Same seed → identical data.
 */
import { mulberry32, normal, permutation, subSeed } from '../engine/random.ts';

/** A data table: row-major features and one integer label per row. */
export interface Table {
  /** Row-major nSamples×nFeatures. */
  x: Float32Array;
  y: Int32Array;
  nSamples: number;
  nFeatures: number;
}

export interface ClassificationData extends Table {
  /** Column indices (after the column shuffle) of the informative features. */
  informative: number[];
  /** Column indices of the redundant features (linear combinations of informative ones). */
  redundant: number[];
  /** Column indices of the repeated features (copies of informative/redundant ones). */
  repeated: number[];
  /** Column indices of the pure-noise features. */
  noise: number[];
  /** Neutral names `x0 … x{d-1}`, which do not give the ground truth away. */
  featureNames: string[];
}

export interface MakeClassificationOptions {
  nSamples?: number;
  nFeatures?: number;
  nInformative?: number;
  nRedundant?: number;
  nRepeated?: number;
  nClasses?: number;
  nClustersPerClass?: number;
  /** Fraction of labels replaced by a uniformly random class. */
  flipY?: number;
  /** Half the hypercube side: larger means easier classes. */
  classSep?: number;
  /** Shuffle rows and columns (otherwise informative columns come first). */
  shuffle?: boolean;
  seed: number;
}

/** `count` distinct vertices of the `dim`-dimensional {0,1} hypercube, as 0/1 arrays. */
function hypercubeVertices(count: number, dim: number, rng: () => number): number[][] {
  const seen = new Set<number>();
  const out: number[][] = [];
  const total = 2 ** dim;
  while (out.length < count) {
    const v = Math.floor(rng() * total);
    if (seen.has(v)) continue;
    seen.add(v);
    const bits: number[] = [];
    for (let b = 0; b < dim; b++) bits.push(Math.floor(v / 2 ** b) % 2);
    out.push(bits);
  }
  return out;
}

export function makeClassification(opts: MakeClassificationOptions): ClassificationData {
  const {
    nSamples = 1000,
    nFeatures = 20,
    nInformative = 2,
    nRedundant = 2,
    nRepeated = 0,
    nClasses = 2,
    nClustersPerClass = 2,
    flipY = 0.01,
    classSep = 1.0,
    shuffle = true,
    seed,
  } = opts;
  const nUseless = nFeatures - nInformative - nRedundant - nRepeated;
  if (nUseless < 0) {
    throw new Error('makeClassification: nInformative + nRedundant + nRepeated must be ≤ nFeatures');
  }
  if (nInformative < 1 || nInformative > 30) {
    throw new Error('makeClassification: nInformative must be between 1 and 30');
  }
  const nClusters = nClasses * nClustersPerClass;
  if (nClusters > 2 ** nInformative) {
    throw new Error('makeClassification: nClasses × nClustersPerClass must be ≤ 2^nInformative');
  }

  const rng = mulberry32(subSeed(seed, 'make-classification'));
  const gauss = normal(mulberry32(subSeed(seed, 'make-classification-normal')));
  const d = nFeatures;
  const k = nInformative;

  // Samples per cluster: equal class weights, remainder spread round-robin (as scikit-learn).
  const perCluster: number[] = [];
  for (let c = 0; c < nClusters; c++) perCluster.push(Math.floor(nSamples / nClasses / nClustersPerClass));
  let assigned = perCluster.reduce((a, b) => a + b, 0);
  for (let i = 0; assigned < nSamples; i++, assigned++) perCluster[i % nClusters]! += 1;

  const centroids = hypercubeVertices(nClusters, k, rng).map((v) => v.map((b) => (2 * b - 1) * classSep));
  const X = new Float64Array(nSamples * d);
  const y = new Int32Array(nSamples);

  // 1–2. Informative features: correlated Gaussian clusters around hypercube vertices.
  let row = 0;
  const z = new Float64Array(k);
  for (let c = 0; c < nClusters; c++) {
    const A: number[] = [];
    for (let i = 0; i < k * k; i++) A.push(2 * rng() - 1);
    const centre = centroids[c]!;
    for (let s = 0; s < perCluster[c]!; s++, row++) {
      y[row] = c % nClasses;
      for (let i = 0; i < k; i++) z[i] = gauss();
      for (let j = 0; j < k; j++) {
        let v = centre[j]!;
        for (let i = 0; i < k; i++) v += z[i]! * A[i * k + j]!;
        X[row * d + j] = v;
      }
    }
  }

  // 3. Redundant: X[:, k:k+r] = X[:, :k] · B.
  if (nRedundant > 0) {
    const B: number[] = [];
    for (let i = 0; i < k * nRedundant; i++) B.push(2 * rng() - 1);
    for (let r = 0; r < nSamples; r++) {
      for (let j = 0; j < nRedundant; j++) {
        let v = 0;
        for (let i = 0; i < k; i++) v += X[r * d + i]! * B[i * nRedundant + j]!;
        X[r * d + k + j] = v;
      }
    }
  }
  // Repeated: copies of random informative/redundant columns.
  const base = k + nRedundant;
  for (let j = 0; j < nRepeated; j++) {
    const src = Math.floor((base - 1) * rng() + 0.5);
    for (let r = 0; r < nSamples; r++) X[r * d + base + j] = X[r * d + src]!;
  }
  // 4. Pure noise in the remaining columns.
  for (let r = 0; r < nSamples; r++) {
    for (let j = d - nUseless; j < d; j++) X[r * d + j] = gauss();
  }
  // 5. Label noise.
  for (let r = 0; r < nSamples; r++) {
    if (rng() < flipY) y[r] = Math.floor(rng() * nClasses);
  }

  // 6. Shuffle rows and columns: new column j holds original column colOrder[j].
  const rowOrder = shuffle ? permutation(nSamples, mulberry32(subSeed(seed, 'rows'))) : identity(nSamples);
  const colOrder = shuffle ? permutation(d, mulberry32(subSeed(seed, 'columns'))) : identity(d);
  const x = new Float32Array(nSamples * d);
  const yOut = new Int32Array(nSamples);
  for (let r = 0; r < nSamples; r++) {
    const src = rowOrder[r]!;
    yOut[r] = y[src]!;
    for (let j = 0; j < d; j++) x[r * d + j] = X[src * d + colOrder[j]!]!;
  }
  const informative: number[] = [];
  const redundant: number[] = [];
  const repeated: number[] = [];
  const noise: number[] = [];
  for (let j = 0; j < d; j++) {
    const o = colOrder[j]!;
    if (o < k) informative.push(j);
    else if (o < base) redundant.push(j);
    else if (o < base + nRepeated) repeated.push(j);
    else noise.push(j);
  }
  return {
    x,
    y: yOut,
    nSamples,
    nFeatures: d,
    informative,
    redundant,
    repeated,
    noise,
    featureNames: Array.from({ length: d }, (_, j) => `x${j}`),
  };
}

function identity(n: number): Int32Array {
  return Int32Array.from({ length: n }, (_, i) => i);
}

export { trainTestSplit, standardize } from './split.ts';
