/**
 * Plain-number measures of how alike two attribution maps look (arrays, no tensors;
 * the worker and tests use them). Spearman's ρ and top-k live in src/explain/rank-agreement.ts.
 */
import { spearman, topK } from '../../explain/rank-agreement.ts';

/** |v| divided by its largest entry (all zeros stay zeros): a map's shape, whatever its scale. */
export function normaliseAbs(v: ArrayLike<number>): Float64Array {
  const out = Float64Array.from(v, Math.abs);
  let max = 0;
  for (const a of out) if (a > max) max = a;
  return max > 0 ? out.map((a) => a / max) : out;
}

/**
 * Mean structural similarity (SSIM) of two side×side maps with values in [0, 1],
 * over every `window`×`window` window with uniform weights:
 *   SSIM = (2 μ_a μ_b + C₁)(2 σ_ab + C₂) / ((μ_a² + μ_b² + C₁)(σ_a² + σ_b² + C₂)),
 * C₁ = (0.01)², C₂ = (0.03)² for a dynamic range of 1. Identical maps give 1.
 *
 * Reference: Wang, Bovik, Sheikh & Simoncelli, "Image quality assessment: from error
 * visibility to structural similarity", IEEE Trans. Image Processing 13(4), 2004,
 * doi:10.1109/TIP.2003.819861 (they use an 11×11 Gaussian window; on 28×28 maps a
 * 7×7 uniform window keeps more than a few windows). Adebayo et al. (NeurIPS 2018)
 * compare normalised |maps| with SSIM as one of their similarity measures.
 */
export function ssim(a: ArrayLike<number>, b: ArrayLike<number>, side: number, window = 7): number {
  if (a.length !== side * side || b.length !== side * side) throw new Error(`ssim: both maps must have ${side}×${side} values, got ${a.length} and ${b.length}`);
  if (!Number.isInteger(window) || window < 2 || window > side) throw new Error(`ssim: window must be an integer in [2, ${side}], got ${window}`);
  const c1 = 0.01 ** 2;
  const c2 = 0.03 ** 2;
  const n = window * window;
  let total = 0;
  let count = 0;
  for (let i = 0; i + window <= side; i++) {
    for (let j = 0; j + window <= side; j++) {
      let sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
      for (let di = 0; di < window; di++) {
        for (let dj = 0; dj < window; dj++) {
          const p = (i + di) * side + j + dj;
          const x = a[p]!;
          const y = b[p]!;
          sa += x;
          sb += y;
          saa += x * x;
          sbb += y * y;
          sab += x * y;
        }
      }
      const ma = sa / n;
      const mb = sb / n;
      const va = saa / n - ma * ma;
      const vb = sbb / n - mb * mb;
      const cov = sab / n - ma * mb;
      total += ((2 * ma * mb + c1) * (2 * cov + c2)) / ((ma * ma + mb * mb + c1) * (va + vb + c2));
      count++;
    }
  }
  return total / count;
}

/** |top_k(a) ∩ top_k(b)| / k: the share of a's k largest entries that are also among b's. */
export function topOverlap(a: ArrayLike<number>, b: ArrayLike<number>, k: number): number {
  const top = new Set(topK(a, k));
  let common = 0;
  for (const i of topK(b, k)) if (top.has(i)) common++;
  return common / k;
}

/**
 * Mean over the examples of Spearman's ρ between every two methods' maps (row-major,
 * methods × methods; 1 on the diagonal). Pairs where ρ is undefined (a constant map)
 * are left out of the mean; NaN only if undefined for every example.
 */
export function agreementMatrix<K extends string>(perExample: Record<K, ArrayLike<number>>[], ids: readonly K[]): Float64Array {
  const k = ids.length;
  const matrix = new Float64Array(k * k);
  for (let a = 0; a < k; a++) {
    matrix[a * k + a] = 1;
    for (let b = a + 1; b < k; b++) {
      const rho = meanStd(perExample.map((m) => spearman(m[ids[a]!], m[ids[b]!]))).mean;
      matrix[a * k + b] = rho;
      matrix[b * k + a] = rho;
    }
  }
  return matrix;
}

/** Mean and (population) standard deviation of the finite entries; NaN when there are none. */
export function meanStd(values: ArrayLike<number>): { mean: number; std: number; count: number } {
  let s = 0;
  let count = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i]!)) (s += values[i]!), count++;
  if (!count) return { mean: NaN, std: NaN, count };
  const mean = s / count;
  let v = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i]!)) v += (values[i]! - mean) ** 2;
  return { mean, std: Math.sqrt(v / count), count };
}
