/**
 * KernelSHAP.
 */
import type { Predict, MatrixLike, VectorLike } from './types.ts';
import { mulberry32, type Rng } from '../engine/random.ts';
import { solveLinear } from './linalg.ts';
import { predictGenerated, predictRows, readMatrix, readVector } from './tabular.ts';
import { assertInt, assertPredict } from './validate.ts';

export interface KernelShapOptions {
  /** Class whose score is explained. Required. */
  target: number;
  /** Coalition budget (default 2·M + 2048, as shap's 'auto'; capped at 2^M − 2). */
  nsamples?: number;
  /** Seed of the coalition sampling (default 0). */
  seed?: number;
  /** Rows per model call (default 8192). */
  batchSize?: number;
}

export interface KernelShapResult {
  /** φ_j for each feature; Σ φ = fx − baseValue. */
  values: Float64Array;
  /** φ_0 = E_b[f_target(b)] over the background rows. */
  baseValue: number;
  /** f_target(instance). */
  fx: number;
  /** True when every coalition was evaluated, so the values are exact Shapley values. */
  exact: boolean;
  /** Number of distinct coalitions evaluated. */
  coalitions: number;
}

function binom(n: number, k: number): number {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return Math.round(r);
}

/** All k-subsets of {0..n−1}, in lexicographic order (itertools.combinations). */
function* combinations(n: number, k: number): Generator<number[]> {
  const idx = Array.from({ length: k }, (_, i) => i);
  while (true) {
    yield idx.slice();
    let i = k - 1;
    while (i >= 0 && idx[i] === n - k + i) i--;
    if (i < 0) return;
    idx[i]!++;
    for (let j = i + 1; j < k; j++) idx[j] = idx[j - 1]! + 1;
  }
}

/**
 * Coalitions and weights exactly as shap's `KernelExplainer.explain`: subset sizes
 * enumerated completely (with their complements) while the budget allows, in order
 * of kernel weight, then the remaining sizes sampled with the Shapley kernel
 * probabilities, paired with complements, duplicates adding weight.
 */
function coalitions(M: number, nsamples: number, rng: Rng): { masks: Uint8Array[]; weights: number[]; exact: boolean } {
  const masks: Uint8Array[] = [];
  const weights: number[] = [];
  const numSubsetSizes = Math.ceil((M - 1) / 2);
  const numPaired = Math.floor((M - 1) / 2);
  const weightVector: number[] = [];
  for (let i = 1; i <= numSubsetSizes; i++) weightVector.push((M - 1) / (i * (M - i)));
  for (let i = 0; i < numPaired; i++) weightVector[i]! *= 2;
  const wsum = weightVector.reduce((a, b) => a + b, 0);
  for (let i = 0; i < weightVector.length; i++) weightVector[i]! /= wsum;

  let numFull = 0;
  let left = nsamples;
  const remaining = weightVector.slice();
  for (let size = 1; size <= numSubsetSizes; size++) {
    let nsub = binom(M, size);
    const paired = size <= numPaired;
    if (paired) nsub *= 2;
    if ((left * remaining[size - 1]!) / nsub < 1 - 1e-8) break;
    numFull++;
    left -= nsub;
    if (remaining[size - 1]! < 1) {
      const r = 1 - remaining[size - 1]!;
      for (let i = 0; i < remaining.length; i++) remaining[i]! /= r;
    }
    let w = weightVector[size - 1]! / binom(M, size);
    if (paired) w /= 2;
    for (const inds of combinations(M, size)) {
      const m = new Uint8Array(M);
      for (const i of inds) m[i] = 1;
      masks.push(m);
      weights.push(w);
      if (paired) {
        masks.push(m.map((v) => 1 - v));
        weights.push(w);
      }
    }
  }
  const exact = numFull === numSubsetSizes;
  const nFixed = masks.length;
  let samplesLeft = nsamples - nFixed;
  if (!exact && samplesLeft > 0) {
    const rw = weightVector.slice();
    for (let i = 0; i < numPaired; i++) rw[i]! /= 2;
    const tail = rw.slice(numFull);
    const ts = tail.reduce((a, b) => a + b, 0);
    const cdf: number[] = [];
    let acc = 0;
    for (const t of tail) cdf.push((acc += t / ts));
    const used = new Map<string, number>();
    const maxDraws = 4 * samplesLeft;
    const perm = new Int32Array(M);
    for (let draw = 0; draw < maxDraws && samplesLeft > 0; draw++) {
      const u = rng();
      let ind = cdf.findIndex((c) => u < c);
      if (ind < 0) ind = cdf.length - 1;
      const size = ind + numFull + 1;
      for (let i = 0; i < M; i++) perm[i] = i;
      const m = new Uint8Array(M);
      for (let i = 0; i < size; i++) {
        const j = i + Math.floor(rng() * (M - i));
        const t = perm[i]!;
        perm[i] = perm[j]!;
        perm[j] = t;
        m[perm[i]!] = 1;
      }
      const key = m.join('');
      const at = used.get(key);
      const isNew = at === undefined;
      if (isNew) {
        used.set(key, masks.length);
        masks.push(m);
        weights.push(1);
        samplesLeft--;
      } else {
        weights[at]! += 1;
      }
      if (samplesLeft > 0 && size <= numPaired) {
        if (isNew) {
          masks.push(m.map((v) => 1 - v));
          weights.push(1);
          samplesLeft--;
        } else {
          weights[at + 1]! += 1;
        }
      }
    }
    const weightLeft = weightVector.slice(numFull).reduce((a, b) => a + b, 0);
    let sampled = 0;
    for (let i = nFixed; i < weights.length; i++) sampled += weights[i]!;
    for (let i = nFixed; i < weights.length; i++) weights[i] = (weights[i]! * weightLeft) / sampled;
  }
  return { masks, weights, exact };
}

/**
 * KernelSHAP: the Shapley values φ of the coalition game
 *   v(S) = E_b[ f_target(x_S, b_{S̄}) ]   (b a background row: interventional expectation),
 * found as the weighted least-squares fit
 *   min_φ Σ_z π(z) (v(z) − φ_0 − Σ_j z_j φ_j)²,  π(z) = (M − 1) / (C(M,|z|) |z| (M − |z|)),
 * subject to φ_0 = v(∅) = E_b f(b) and Σ_j φ_j = f(x) − φ_0 (efficiency, enforced
 * exactly by eliminating the last feature, as shap does).
 *
 * Reference: Lundberg & Lee, "A Unified Approach to Interpreting Model
 * Predictions", NeurIPS 2017, arXiv:1705.07874. Follows the `shap` package's
 * `KernelExplainer`: features equal to every background row get φ = 0 and are not
 * varied (M counts only the others); nsamples defaults to 2M + 2048 and is capped at
 * 2^M − 2, in which case every coalition is enumerated and the values are exact;
 * otherwise shap's sampling scheme. Differences: no l1 regularisation (shap's
 * `l1_reg` feature selection applies only when fewer than 20% of coalitions are
 * sampled; here all features are kept), and the seeded generator of
 * `src/engine/random.ts` replaces numpy's. Coalitions × background rows are
 * scored in a few large batches.
 */
export async function kernelShap(predict: Predict, instance: VectorLike, background: MatrixLike, options: KernelShapOptions): Promise<KernelShapResult> {
  assertPredict(predict);
  if (options == null) throw new Error('options are required: { target }');
  const x = await readVector('instance', instance);
  const bg = await readMatrix('background', background);
  const d = x.length;
  if (bg.d !== d) throw new Error(`background has ${bg.d} columns but instance has ${d} features`);
  assertInt('options.target', options.target, 0);
  const seed = options.seed ?? 0;
  assertInt('options.seed', seed, -(2 ** 31), 2 ** 32);
  const target = options.target;
  const batchSize = options.batchSize ?? 8192;

  const fx = (await predictRows(predict, x, 1, d, target, batchSize))[0]!;
  const bgScores = await predictRows(predict, bg.data, bg.n, d, target, batchSize);
  let baseValue = 0;
  for (const v of bgScores) baseValue += v / bg.n;

  const varying: number[] = [];
  for (let j = 0; j < d; j++) {
    for (let i = 0; i < bg.n; i++) {
      if (bg.data[i * d + j] !== x[j]) {
        varying.push(j);
        break;
      }
    }
  }
  const M = varying.length;
  const values = new Float64Array(d);
  if (M === 0) return { values, baseValue, fx, exact: true, coalitions: 0 };
  if (M === 1) {
    values[varying[0]!] = fx - baseValue;
    return { values, baseValue, fx, exact: true, coalitions: 0 };
  }
  let nsamples = options.nsamples ?? 2 * M + 2048;
  assertInt('options.nsamples', nsamples, 1);
  if (M <= 30) nsamples = Math.min(nsamples, 2 ** M - 2);
  const { masks, weights, exact } = coalitions(M, nsamples, mulberry32(seed));
  const K = masks.length;
  const m = bg.n;

  // v(z): mean over background rows of f(x on z, background elsewhere).
  const raw = await predictGenerated(
    predict,
    K * m,
    [d],
    (r, out) => {
      const mask = masks[Math.floor(r / m)]!;
      const b = r % m;
      for (let j = 0; j < d; j++) out[j] = bg.data[b * d + j]!;
      for (let k = 0; k < M; k++) if (mask[k] === 1) out[varying[k]!] = x[varying[k]!]!;
    },
    target,
    batchSize,
  );
  const ey = new Float64Array(K);
  for (let r = 0; r < K * m; r++) ey[Math.floor(r / m)]! += raw[r]! / m;

  // Constrained WLS by eliminating the last varying feature (shap's solve).
  const delta = fx - baseValue;
  const P = M - 1;
  const A = new Float64Array(P * P);
  const bvec = new Float64Array(P);
  const e = new Float64Array(P);
  for (let s = 0; s < K; s++) {
    const mask = masks[s]!;
    const last = mask[M - 1]!;
    const yAdj = ey[s]! - baseValue - last * delta;
    for (let k = 0; k < P; k++) e[k] = mask[k]! - last;
    const w = weights[s]!;
    for (let i = 0; i < P; i++) {
      if (e[i] === 0) continue;
      const we = w * e[i]!;
      bvec[i]! += we * yAdj;
      for (let j = 0; j < P; j++) A[i * P + j]! += we * e[j]!;
    }
  }
  const phi = solveLinear(A, bvec, P);
  let s = 0;
  for (let k = 0; k < P; k++) {
    values[varying[k]!] = phi[k]!;
    s += phi[k]!;
  }
  values[varying[M - 1]!] = delta - s;
  return { values, baseValue, fx, exact, coalitions: K };
}
