/**
 * Agreement between two attribution maps.
 */
import * as tf from '@tensorflow/tfjs-core';
import { assertFiniteArray, assertInt } from './validate.ts';

/** Ranks 1..n of `v`, ties given their average rank (scipy.stats.rankdata 'average'). */
export function averageRanks(v: ArrayLike<number>): Float64Array {
  const n = v.length;
  const idx = Array.from({ length: n }, (_, i) => i).sort((a, b) => v[a]! - v[b]!);
  const r = new Float64Array(n);
  let i = 0;
  while (i < n) {
    let j = i;
    while (j + 1 < n && v[idx[j + 1]!] === v[idx[i]!]) j++;
    const avg = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) r[idx[k]!] = avg;
    i = j + 1;
  }
  return r;
}

/**
 * Spearman's rank correlation ρ = Pearson correlation of the average ranks
 * (as scipy.stats.spearmanr). Returns NaN when either input is constant.
 * Reference: Spearman, "The proof and measurement of association between two
 * things", American Journal of Psychology 15:72–101, 1904.
 */
export function spearman(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`b must have as many values as a (${a.length}), got ${b.length}`);
  if (a.length < 2) throw new Error(`a must have at least 2 values, got ${a.length}`);
  const ra = averageRanks(a);
  const rb = averageRanks(b);
  const n = a.length;
  const mean = (n + 1) / 2;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = ra[i]! - mean;
    const db = rb[i]! - mean;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  return saa === 0 || sbb === 0 ? NaN : sab / Math.sqrt(saa * sbb);
}

/** Indices of the k largest values (ties broken by lower index). */
export function topK(v: ArrayLike<number>, k: number): Int32Array {
  const idx = Array.from({ length: v.length }, (_, i) => i).sort((a, b) => v[b]! - v[a]! || a - b);
  return Int32Array.from(idx.slice(0, k));
}

export interface RankAgreementOptions {
  /** Size of the top-k sets (default: 10% of the entries, at least 1). */
  k?: number;
  /** Compare |a| and |b| (default false). */
  abs?: boolean;
}

export interface RankAgreement {
  /** Spearman's ρ between a and b. */
  spearman: number;
  /** |top_k(a) ∩ top_k(b)| / k. */
  topKOverlap: number;
  k: number;
}

/**
 * Spearman ρ and top-k overlap |T_k(a) ∩ T_k(b)| / k between two attribution maps
 * of equal size (tensors or arrays; flattened). With `abs`, both compare magnitudes,
 * as Adebayo et al. (NeurIPS 2018, arXiv:1810.03292) do for their sanity checks.
 * Reads tensors asynchronously and disposes nothing.
 */
export async function rankAgreement(a: tf.Tensor | ArrayLike<number>, b: tf.Tensor | ArrayLike<number>, options: RankAgreementOptions = {}): Promise<RankAgreement> {
  const read = async (name: string, t: tf.Tensor | ArrayLike<number>): Promise<Float64Array> => {
    if (t instanceof tf.Tensor) return Float64Array.from((await t.data()) as ArrayLike<number>);
    if (t == null || typeof t.length !== 'number') throw new Error(`${name} must be a tf.Tensor or an array of numbers`);
    return Float64Array.from(t);
  };
  let va = await read('a', a);
  let vb = await read('b', b);
  if (va.length !== vb.length) throw new Error(`b must have as many values as a (${va.length}), got ${vb.length}`);
  assertFiniteArray('a', va);
  assertFiniteArray('b', vb);
  if (options.abs) {
    va = va.map(Math.abs);
    vb = vb.map(Math.abs);
  }
  const k = options.k ?? Math.max(1, Math.round(va.length / 10));
  assertInt('options.k', k, 1, va.length);
  const ta = new Set(topK(va, k));
  let common = 0;
  for (const i of topK(vb, k)) if (ta.has(i)) common++;
  return { spearman: spearman(va, vb), topKOverlap: common / k, k };
}
