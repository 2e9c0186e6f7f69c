/**
 * Quadrature rules on [0, 1] for path integrals (integrated gradients).
 */

/** Names of the supported rules. */
export type QuadratureRule = 'gauss-legendre' | 'trapezoid' | 'riemann-left' | 'riemann-right' | 'riemann-middle';

/** Points α_k ∈ [0, 1] and weights w_k with ∫₀¹ g(α) dα ≈ Σ_k w_k g(α_k). */
export interface Quadrature {
  alphas: Float64Array;
  weights: Float64Array;
}

/**
 * The points and weights of `rule` with `steps` points, as captum's
 * `approximation_methods`:
 * - riemann-left: α_k = k/m, k = 0..m−1, w = 1/m
 * - riemann-right: α_k = k/m, k = 1..m, w = 1/m
 * - riemann-middle: α_k = (k + ½)/m, w = 1/m
 * - trapezoid: α_k = k/(m−1), k = 0..m−1, w = 1/(m−1) halved at both ends (m ≥ 2)
 * - gauss-legendre: the m-point Gauss–Legendre rule mapped from [−1, 1] to [0, 1]
 *   (exact for polynomials of degree ≤ 2m − 1; nodes by Newton's method on P_m).
 */
export function quadrature(rule: QuadratureRule, steps: number): Quadrature {
  const m = steps;
  const alphas = new Float64Array(m);
  const weights = new Float64Array(m);
  switch (rule) {
    case 'riemann-left':
    case 'riemann-right':
    case 'riemann-middle': {
      const shift = rule === 'riemann-left' ? 0 : rule === 'riemann-right' ? 1 : 0.5;
      for (let k = 0; k < m; k++) {
        alphas[k] = (k + shift) / m;
        weights[k] = 1 / m;
      }
      break;
    }
    case 'trapezoid': {
      if (m < 2) throw new Error(`options.steps must be ≥ 2 for the trapezoid rule, got ${m}`);
      for (let k = 0; k < m; k++) {
        alphas[k] = k / (m - 1);
        weights[k] = (k === 0 || k === m - 1 ? 0.5 : 1) / (m - 1);
      }
      break;
    }
    case 'gauss-legendre': {
      const { nodes, weights: w } = gaussLegendre(m);
      for (let k = 0; k < m; k++) {
        alphas[k] = (nodes[k]! + 1) / 2;
        weights[k] = w[k]! / 2;
      }
      break;
    }
    default:
      throw new Error(`options.rule must be one of 'gauss-legendre', 'trapezoid', 'riemann-left', 'riemann-right', 'riemann-middle', got ${JSON.stringify(rule)}`);
  }
  return { alphas, weights };
}

/**
 * Gauss–Legendre nodes x_k (ascending) and weights on [−1, 1]:
 * roots of P_n, w_k = 2 / ((1 − x_k²) P_n'(x_k)²). Same values as
 * numpy.polynomial.legendre.leggauss(n).
 */
export function gaussLegendre(n: number): { nodes: Float64Array; weights: Float64Array } {
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    // Initial guess (Tricomi), then Newton on P_n.
    let x = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    for (let iter = 0; iter < 100; iter++) {
      const { p, dp } = legendre(n, x);
      const dx = p / dp;
      x -= dx;
      if (Math.abs(dx) < 1e-15) break;
    }
    // The weight needs P_n' at the converged root, not at the last Newton iterate.
    const { dp } = legendre(n, x);
    nodes[n - 1 - i] = x;
    weights[n - 1 - i] = 2 / ((1 - x * x) * dp * dp);
  }
  return { nodes, weights };
}

/** P_n(x) and P_n'(x) by the three-term recurrence (k+1)P_{k+1} = (2k+1)xP_k − kP_{k−1}. */
function legendre(n: number, x: number): { p: number; dp: number } {
  let p0 = 1;
  let p1 = x;
  for (let k = 2; k <= n; k++) {
    const p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
    p0 = p1;
    p1 = p2;
  }
  const p = n === 1 ? x : p1;
  const pPrev = n === 1 ? 1 : p0;
  return { p, dp: (n * (x * p - pPrev)) / (x * x - 1) };
}
