/**
 * Small dense linear algebra in double precision, for the surrogate fits
 * (LIME's ridge regression, KernelSHAP's constrained least squares).
 */

/**
 * Solves A z = b for a symmetric positive (semi-)definite `A` (n×n, row-major),
 * by Gaussian elimination with partial pivoting. A tiny ridge is added to the
 * diagonal if the matrix is singular, so rank-deficient designs still give an answer
 * (the minimum-change one in practice). `A` and `b` are not modified.
 */
export function solveLinear(A: Float64Array, b: Float64Array, n: number): Float64Array {
  const M = Float64Array.from(A);
  const z = Float64Array.from(b);
  let scale = 0;
  for (let i = 0; i < n; i++) scale = Math.max(scale, Math.abs(M[i * n + i]!));
  const eps = 1e-12 * (scale || 1);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r * n + c]!) > Math.abs(M[p * n + c]!)) p = r;
    if (p !== c) {
      for (let k = 0; k < n; k++) {
        const t = M[c * n + k]!;
        M[c * n + k] = M[p * n + k]!;
        M[p * n + k] = t;
      }
      const t = z[c]!;
      z[c] = z[p]!;
      z[p] = t;
    }
    if (Math.abs(M[c * n + c]!) < eps) M[c * n + c] = eps;
    const piv = M[c * n + c]!;
    for (let r = c + 1; r < n; r++) {
      const f = M[r * n + c]! / piv;
      if (f === 0) continue;
      for (let k = c; k < n; k++) M[r * n + k] = M[r * n + k]! - f * M[c * n + k]!;
      z[r] = z[r]! - f * z[c]!;
    }
  }
  for (let r = n - 1; r >= 0; r--) {
    let s = z[r]!;
    for (let k = r + 1; k < n; k++) s -= M[r * n + k]! * z[k]!;
    z[r] = s / M[r * n + r]!;
  }
  return z;
}

/** Result of a weighted ridge fit. */
export interface RidgeFit {
  coef: Float64Array;
  intercept: number;
  /** Weighted R² of the fit on its own data (scikit-learn's `score(X, y, sample_weight)`). */
  score: number;
}

/**
 * Weighted ridge regression with an intercept, as scikit-learn's
 * `Ridge(alpha, fit_intercept=True).fit(X, y, sample_weight=w)`:
 * centre X and y at their w-weighted means, solve (Xcᵀ W Xc + α I) β = Xcᵀ W yc,
 * intercept = ȳ_w − x̄_wᵀ β (the intercept is not penalised).
 * `X` is n×d row-major.
 */
export function weightedRidge(X: Float64Array, y: Float64Array, w: Float64Array, n: number, d: number, alpha: number): RidgeFit {
  let sw = 0;
  for (let i = 0; i < n; i++) sw += w[i]!;
  if (!(sw > 0)) throw new Error('the sample weights sum to zero: no perturbation is close enough to the instance (try a larger kernel width)');
  const xm = new Float64Array(d);
  let ym = 0;
  for (let i = 0; i < n; i++) {
    const wi = w[i]!;
    ym += wi * y[i]!;
    for (let j = 0; j < d; j++) xm[j] = xm[j]! + wi * X[i * d + j]!;
  }
  ym /= sw;
  for (let j = 0; j < d; j++) xm[j] = xm[j]! / sw;
  const A = new Float64Array(d * d);
  const b = new Float64Array(d);
  const row = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    const wi = w[i]!;
    if (wi === 0) continue;
    for (let j = 0; j < d; j++) row[j] = X[i * d + j]! - xm[j]!;
    const yc = y[i]! - ym;
    for (let j = 0; j < d; j++) {
      const wr = wi * row[j]!;
      b[j] = b[j]! + wr * yc;
      for (let k = j; k < d; k++) A[j * d + k] = A[j * d + k]! + wr * row[k]!;
    }
  }
  for (let j = 0; j < d; j++) {
    A[j * d + j] = A[j * d + j]! + alpha;
    for (let k = 0; k < j; k++) A[j * d + k] = A[k * d + j]!;
  }
  const coef = solveLinear(A, b, d);
  let intercept = ym;
  for (let j = 0; j < d; j++) intercept -= xm[j]! * coef[j]!;
  let ssRes = 0;
  let ssTot = 0;
  for (let i = 0; i < n; i++) {
    let p = intercept;
    for (let j = 0; j < d; j++) p += X[i * d + j]! * coef[j]!;
    ssRes += w[i]! * (y[i]! - p) ** 2;
    ssTot += w[i]! * (y[i]! - ym) ** 2;
  }
  // scikit-learn's r2_score: 1 when both are zero, 0 when only ssTot is zero.
  const score = ssTot === 0 ? (ssRes === 0 ? 1 : 0) : 1 - ssRes / ssTot;
  return { coef, intercept, score };
}

/** Predicts with a ridge fit for one row `x` (length d). */
export function ridgePredict(fit: RidgeFit, x: ArrayLike<number>): number {
  let p = fit.intercept;
  for (let j = 0; j < fit.coef.length; j++) p += fit.coef[j]! * x[j]!;
  return p;
}
