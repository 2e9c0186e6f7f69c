/**
 * Attention on small numbers, by hand, with no TF.js: the arithmetic of Figure 1
 * of the attention chapter. For hidden vectors h_1 … h_T ∈ ℝ^d, a query q and a
 * scale s,
 *
 *   score_i = s · h_iᵀq,   α_i = exp(score_i) / Σ_k exp(score_k),   c = Σ_i α_i h_i.
 *
 * With s = 1/√d this is exactly what the book's model computes (`attend` in
 * src/models/attention.ts); with q = h_j it is row j of the documents' e_ij.
 * The exponentials are taken after subtracting the largest score, which leaves
 * the softmax unchanged (the factor e^−max cancels) and never overflows.
 */

export interface ByHand {
  /** h_iᵀq, the raw dot products. */
  dots: number[];
  /** s · h_iᵀq. */
  scores: number[];
  /** exp(score_i − max_k score_k). */
  exps: number[];
  /** Softmax weights α_i: non-negative, summing to 1. */
  weights: number[];
  /** c = Σ_i α_i h_i. */
  context: number[];
  /** exp(entropy of α): 1 when all weight is on one vector, T when it is spread evenly. */
  effective: number;
}

export function attendByHand(h: readonly (readonly number[])[], q: readonly number[], scale: number): ByHand {
  if (h.length === 0) throw new Error('attendByHand: need at least one hidden vector');
  const d = q.length;
  h.forEach((row, i) => {
    if (row.length !== d) throw new Error(`attendByHand: h_${i + 1} has ${row.length} components, the query has ${d}`);
  });
  if (![...h.flat(), ...q, scale].every(Number.isFinite)) throw new Error('attendByHand: every number must be finite');
  const dots = h.map((row) => row.reduce((sum, v, j) => sum + v * q[j]!, 0));
  const scores = dots.map((v) => scale * v);
  const top = Math.max(...scores);
  const exps = scores.map((v) => Math.exp(v - top));
  const z = exps.reduce((a, b) => a + b, 0);
  const weights = exps.map((e) => e / z);
  const context = Array.from({ length: d }, (_, j) => h.reduce((sum, row, i) => sum + weights[i]! * row[j]!, 0));
  const entropy = -weights.reduce((sum, w) => sum + (w > 0 ? w * Math.log(w) : 0), 0);
  return { dots, scores, exps, weights, context, effective: Math.exp(entropy) };
}
