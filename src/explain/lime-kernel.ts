/**
 * Pieces shared by the LIME variants: the exponential kernel, cosine distance,
 * and the weighted ridge surrogate.
 */
import { weightedRidge, ridgePredict } from './linalg.ts';

/** LIME's kernel  π(d) = sqrt(exp(−d² / width²))  (lime's default `kernel`). */
export function limeKernel(distance: number, width: number): number {
  return Math.sqrt(Math.exp(-(distance * distance) / (width * width)));
}

/**
 * Cosine distance 1 − a·b / (‖a‖‖b‖) as scikit-learn's `pairwise_distances(metric='cosine')`:
 * a zero vector has similarity 0, i.e. distance 1.
 */
export function cosineDistance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) {
    ab += a[i]! * b[i]!;
    aa += a[i]! * a[i]!;
    bb += b[i]! * b[i]!;
  }
  if (aa === 0 || bb === 0) return 1;
  return Math.max(0, 1 - ab / Math.sqrt(aa * bb));
}

/** What every LIME explainer returns. */
export interface LimeResult {
  /** Surrogate coefficient of each interpretable feature. */
  weights: Float64Array;
  /** Surrogate intercept. */
  intercept: number;
  /** Weighted R² of the surrogate on the perturbations (lime's `score`). */
  score: number;
  /** Surrogate prediction at the instance (lime's `local_pred`). */
  localPrediction: number;
  /** The model's own f_target(instance), for comparison with `localPrediction`. */
  prediction: number;
}

/**
 * lime_base.explain_instance_with_data with all features kept: kernel weights
 * from distances, then `Ridge(alpha=1, fit_intercept=True)` weighted fit, its weighted
 * R², and the surrogate's prediction at row 0 (the instance).
 */
export function fitSurrogate(Z: Float64Array, y: Float64Array, distances: Float64Array, n: number, d: number, kernelWidth: number): LimeResult {
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) w[i] = limeKernel(distances[i]!, kernelWidth);
  const fit = weightedRidge(Z, y, w, n, d, 1);
  return {
    weights: fit.coef,
    intercept: fit.intercept,
    score: fit.score,
    localPrediction: ridgePredict(fit, Z.subarray(0, d)),
    prediction: y[0]!,
  };
}
