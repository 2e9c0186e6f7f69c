/**
 * Exact Shapley values by enumerating every coalition: the reference KernelSHAP is
 * checked against on small games.
 */
import type { Predict, MatrixLike, VectorLike } from './types.ts';
import { predictGenerated, predictRows, readMatrix, readVector } from './tabular.ts';
import { assertInt, assertPredict } from './validate.ts';

export interface ExactShapleyOptions {
  /** Class whose score is explained. */
  target: number;
  /** Rows per model call (default 8192). */
  batchSize?: number;
}

export interface ExactShapleyResult {
  /** φ_j for each feature. */
  values: Float64Array;
  /** v(∅) = E_b[f_target(b)]. */
  baseValue: number;
  /** v(N) = f_target(instance). */
  fx: number;
  /** 2^M: every coalition was evaluated. */
  coalitions: number;
}

/** The largest number of players enumerated (2^16 coalitions × background rows). */
export const EXACT_SHAPLEY_MAX_FEATURES = 16;

/**
 * Shapley values of the game v(S) = E_b[ f_target(x_S, b_{N∖S}) ] (the same
 * interventional game as {@link kernelShap}), by the definition (Shapley, 1953):
 *
 *   φ_j = Σ_{S ⊆ N∖{j}} |S|! (M − |S| − 1)! / M! · ( v(S ∪ {j}) − v(S) ).
 *
 * All 2^M coalitions × background rows are scored, so M is limited to
 * {@link EXACT_SHAPLEY_MAX_FEATURES}. Coalition S is the bit mask with bit j set
 * when feature j takes the instance's value.
 */
export async function exactShapley(predict: Predict, instance: VectorLike, background: MatrixLike, options: ExactShapleyOptions): Promise<ExactShapleyResult> {
  assertPredict(predict);
  if (options == null) throw new Error('options are required: { target }');
  const x = await readVector('instance', instance);
  const bg = await readMatrix('background', background);
  const M = x.length;
  if (bg.d !== M) throw new Error(`background has ${bg.d} columns but instance has ${M} features`);
  assertInt('instance length', M, 1, EXACT_SHAPLEY_MAX_FEATURES);
  assertInt('options.target', options.target, 0);
  const batchSize = options.batchSize ?? 8192;
  const K = 2 ** M;
  const m = bg.n;
  const raw = await predictGenerated(
    predict,
    K * m,
    [M],
    (r, out) => {
      const mask = Math.floor(r / m);
      const b = r % m;
      for (let j = 0; j < M; j++) out[j] = (mask >> j) & 1 ? x[j]! : bg.data[b * M + j]!;
    },
    options.target,
    batchSize,
  );
  const v = new Float64Array(K);
  for (let r = 0; r < K * m; r++) v[Math.floor(r / m)]! += raw[r]! / m;

  // w[s] = s! (M − s − 1)! / M!, the chance that exactly the s players of S precede j in a random order.
  const w = new Float64Array(M);
  for (let s = 0; s < M; s++) {
    let c = 1 / M;
    // 1 / (M · C(M−1, s))
    for (let i = 1; i <= s; i++) c *= i / (M - i);
    w[s] = c;
  }
  const popcount = (n: number) => {
    let c = 0;
    for (; n; n &= n - 1) c++;
    return c;
  };
  const values = new Float64Array(M);
  for (let S = 0; S < K; S++) {
    const size = popcount(S);
    for (let j = 0; j < M; j++) {
      if ((S >> j) & 1) continue;
      values[j]! += w[size]! * (v[S | (1 << j)]! - v[S]!);
    }
  }
  const fx = (await predictRows(predict, x, 1, M, options.target, batchSize))[0]!;
  return { values, baseValue: v[0]!, fx, coalitions: K };
}
