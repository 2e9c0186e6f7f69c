/**
 * __TITLE__: the computation the figure shows, DOM-free so the unit test and the
 * chapter's listing run exactly this code.
 */
import type { Schema } from '../../state/url-state.ts';

export const __CAMEL__Schema = {
  t: { kind: 'number', default: 1, min: 0.1, max: 5, label: 'temperature' },
} satisfies Schema;

export const LOGITS = [2, 1, 0.5, -1];

/** p_i = exp(z_i / T) / Σ_k exp(z_k / T), shifted by the maximum so large logits cannot overflow. */
export function softmaxWithTemperature(z: readonly number[], t: number): Float64Array {
  if (!(t > 0)) throw new RangeError(`temperature must be positive, got ${t}`);
  const max = Math.max(...z);
  const e = z.map((v) => Math.exp((v - max) / t));
  const sum = e.reduce((a, b) => a + b, 0);
  return Float64Array.from(e, (v) => v / sum);
}
