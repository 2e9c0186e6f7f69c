/**
 * Permutation feature importance.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Predict, MatrixLike } from './types.ts';
import { mulberry32, permutation } from '../engine/random.ts';
import { readMatrix } from './tabular.ts';
import { assertFiniteArray, assertInt, assertPredict } from './validate.ts';

/** A score where higher is better: (true labels or values, predictions [n, classes] row-major, classes). */
export type ScoreFn = (yTrue: Float64Array, yPred: Float32Array, classes: number) => number;

/** Built-in scores, as scikit-learn's scorer names. */
export type MetricName = 'accuracy' | 'r2' | 'neg_mean_squared_error' | 'neg_log_loss';

export interface PermutationImportanceOptions {
  /** Times each feature is shuffled (default 5, as scikit-learn's n_repeats). */
  repeats?: number;
  /** Seed (default 0). */
  seed?: number;
  /** Score, higher is better (default 'accuracy': argmax of the predictions vs integer labels). */
  metric?: MetricName | ScoreFn;
  /** Rows per model call (default 8192). */
  batchSize?: number;
}

export interface PermutationImportanceResult {
  /** Score on the unshuffled data. */
  baseline: number;
  /** Mean importance per feature over the repeats. */
  mean: Float64Array;
  /** Population standard deviation per feature over the repeats (numpy's np.std). */
  std: Float64Array;
  /** importances[j][r]: baseline − score with feature j shuffled, repeat r. */
  importances: Float64Array[];
}

function metricFn(metric: MetricName | ScoreFn): ScoreFn {
  if (typeof metric === 'function') return metric;
  switch (metric) {
    case 'accuracy':
      return (y, p, c) => {
        let ok = 0;
        for (let i = 0; i < y.length; i++) {
          let best = 0;
          for (let k = 1; k < c; k++) if (p[i * c + k]! > p[i * c + best]!) best = k;
          if (best === y[i]) ok++;
        }
        return ok / y.length;
      };
    case 'neg_log_loss':
      return (y, p, c) => {
        let s = 0;
        for (let i = 0; i < y.length; i++) s -= Math.log(Math.min(1 - 1e-15, Math.max(1e-15, p[i * c + y[i]!]!)));
        return -s / y.length;
      };
    case 'neg_mean_squared_error':
      return (y, p, c) => {
        let s = 0;
        for (let i = 0; i < y.length; i++) s += (y[i]! - p[i * c]!) ** 2;
        return -s / y.length;
      };
    case 'r2':
      return (y, p, c) => {
        let m = 0;
        for (const v of y) m += v / y.length;
        let res = 0;
        let tot = 0;
        for (let i = 0; i < y.length; i++) {
          res += (y[i]! - p[i * c]!) ** 2;
          tot += (y[i]! - m) ** 2;
        }
        return tot === 0 ? (res === 0 ? 1 : 0) : 1 - res / tot;
      };
    default:
      throw new Error(`options.metric must be 'accuracy', 'r2', 'neg_mean_squared_error', 'neg_log_loss' or a function, got ${JSON.stringify(metric)}`);
  }
}

/** All predictions `[n, classes]` of a row-major matrix, in batches. */
async function predictAll(predict: Predict, data: Float32Array, n: number, d: number, batchSize: number): Promise<{ values: Float32Array; classes: number }> {
  let values: Float32Array | null = null;
  let classes = 0;
  for (let start = 0; start < n; start += batchSize) {
    const size = Math.min(batchSize, n - start);
    const y = tf.tidy(() => {
      const out = predict(tf.tensor(data.subarray(start * d, (start + size) * d), [size, d]));
      if (!(out instanceof tf.Tensor) || out.rank !== 2 || out.shape[0] !== size) {
        throw new Error(`predict must map a batch [n, d] to [n, classes]; for [${size}, ${d}] it returned ${out instanceof tf.Tensor ? `[${out.shape.join(', ')}]` : typeof out}`);
      }
      return out.toFloat();
    });
    classes = y.shape[1]!;
    values ??= new Float32Array(n * classes);
    values.set((await y.data()) as Float32Array, start * classes);
    y.dispose();
  }
  return { values: values!, classes };
}

/**
 * Permutation importance  i_j = s − (1/R) Σ_r s_{j,r},
 * s the score on (X, y) and s_{j,r} the score with column j of X shuffled (repeat r).
 * Returns per-feature mean, population std and all importances, like scikit-learn's
 * `sklearn.inspection.permutation_importance` (which also reseeds the same way for
 * every feature, so each column sees the same R row permutations).
 *
 * Reference: Breiman, "Random Forests", Machine Learning 45:5–32, 2001 (the
 * model-agnostic form of Fisher, Rudin & Dominici, JMLR 20(177), 2019, arXiv:1801.01489).
 * Default metric 'accuracy' (scikit-learn's default for classifiers, whose
 * `score` is accuracy); for regressors pass 'r2' (scikit-learn's regressor
 * default); regression metrics read column 0 of the predictions.
 * All d·R shuffled copies are scored in large batches.
 */
export async function permutationImportance(predict: Predict, X: MatrixLike, y: ArrayLike<number>, options: PermutationImportanceOptions = {}): Promise<PermutationImportanceResult> {
  assertPredict(predict);
  const M = await readMatrix('X', X);
  if (y == null || typeof y.length !== 'number') throw new Error('y must be an array of labels or values');
  if (y.length !== M.n) throw new Error(`y has ${y.length} entries but X has ${M.n} rows`);
  const yt = Float64Array.from(y);
  assertFiniteArray('y', yt);
  const repeats = options.repeats ?? 5;
  const seed = options.seed ?? 0;
  const batchSize = options.batchSize ?? 8192;
  assertInt('options.repeats', repeats, 1);
  assertInt('options.seed', seed, -(2 ** 31), 2 ** 32);
  assertInt('options.batchSize', batchSize, 1);
  const score = metricFn(options.metric ?? 'accuracy');
  const { n, d } = M;
  const X32 = Float32Array.from(M.data);
  const base = await predictAll(predict, X32, n, d, batchSize);
  if ((options.metric ?? 'accuracy') === 'accuracy' || options.metric === 'neg_log_loss') {
    for (let i = 0; i < n; i++) {
      if (!Number.isInteger(yt[i]) || yt[i]! < 0 || yt[i]! >= base.classes) {
        throw new Error(`y must hold integer class labels in [0, ${base.classes - 1}] for this metric; y[${i}] = ${yt[i]}`);
      }
    }
  }
  const baseline = score(yt, base.values, base.classes);

  const importances: Float64Array[] = [];
  const mean = new Float64Array(d);
  const std = new Float64Array(d);
  // Copies per model call: as many whole shuffled datasets as fit in a batch.
  const perCall = Math.max(1, Math.floor(batchSize / n));
  for (let j = 0; j < d; j++) {
    const rng = mulberry32(seed);
    const perms = Array.from({ length: repeats }, () => permutation(n, rng));
    const imp = new Float64Array(repeats);
    for (let r0 = 0; r0 < repeats; r0 += perCall) {
      const c = Math.min(perCall, repeats - r0);
      const buf = new Float32Array(c * n * d);
      for (let r = 0; r < c; r++) {
        const p = perms[r0 + r]!;
        const off = r * n * d;
        buf.set(X32, off);
        for (let i = 0; i < n; i++) buf[off + i * d + j] = X32[p[i]! * d + j]!;
      }
      const out = await predictAll(predict, buf, c * n, d, batchSize);
      for (let r = 0; r < c; r++) {
        const slice = out.values.subarray(r * n * out.classes, (r + 1) * n * out.classes);
        imp[r0 + r] = baseline - score(yt, slice, out.classes);
      }
    }
    let m = 0;
    for (const v of imp) m += v / repeats;
    let s = 0;
    for (const v of imp) s += (v - m) ** 2 / repeats;
    importances.push(imp);
    mean[j] = m;
    std[j] = Math.sqrt(s);
  }
  return { baseline, mean, std, importances };
}
