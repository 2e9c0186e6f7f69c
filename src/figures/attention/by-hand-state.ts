/**
 * Link state of the small-numbers attention figure: five hidden vectors of size 3,
 * a query (a free vector q, or one of the h_j for the documents' self-attention
 * form), and the scale s.
 */
import type { Field, Schema, StateOf } from '../../state/url-state.ts';

export const T = 5;
export const D = 3;

/** Defaults chosen so that two vectors point roughly along q and one against it. */
export const DEFAULT_H: readonly (readonly number[])[] = [
  [1, 0, 1],
  [0, 2, -1],
  [2, 1, 0],
  [-1, 0, 1],
  [0.5, -1, 2],
];
export const DEFAULT_Q: readonly number[] = [1, 1, 0];

const value = (label: string, dflt: number): Field => ({ kind: 'number', default: dflt, min: -9, max: 9, label });

const fields: Record<string, Field> = {};
for (let i = 0; i < T; i++) for (let j = 0; j < D; j++) fields[`h${i + 1}${j + 1}`] = value(`h${i + 1} component ${j + 1}`, DEFAULT_H[i]![j]!);
for (let j = 0; j < D; j++) fields[`q${j + 1}`] = value(`q component ${j + 1}`, DEFAULT_Q[j]!);

export const byHandSchema = {
  ...fields,
  /** Which vector asks: the free query q, or h_j (then the weights are row j of e_ij). */
  query: { kind: 'enum', default: 'q', options: ['q', 'h1', 'h2', 'h3', 'h4', 'h5'], label: 'query' },
  s: { kind: 'number', default: Number((1 / Math.sqrt(D)).toFixed(3)), min: 0, max: 5, label: 'scale s' },
} satisfies Schema;

export type ByHandState = StateOf<typeof byHandSchema>;

/** The hidden vectors and the query vector a state describes. */
export function vectorsOf(state: ByHandState): { h: number[][]; q: number[] } {
  const st = state as Record<string, number | string>;
  const h = Array.from({ length: T }, (_, i) => Array.from({ length: D }, (_, j) => Number(st[`h${i + 1}${j + 1}`])));
  const q = state.query === 'q' ? Array.from({ length: D }, (_, j) => Number(st[`q${j + 1}`])) : h[Number(String(state.query).slice(1)) - 1]!;
  return { h, q };
}
