/** The transparency–performance figure's link state: data, tree depth, network and training. */
import type { Schema, StateOf } from '../../state/url-state.ts';

export const DATASETS = ['moons', 'circles', 'spirals'] as const;

export const tradeoffSchema = {
  data: { kind: 'enum', default: 'moons', options: DATASETS, label: 'data set' },
  seed: { kind: 'int', default: 1, min: 0, max: 99_999, label: 'seed' },
  /** Maximum depth of the decision tree (retrained on the page at once). */
  depth: { kind: 'int', default: 3, min: 1, max: 8, label: 'tree depth' },
  hidden: { kind: 'int', default: 16, min: 2, max: 64, label: 'hidden units per layer' },
  epochs: { kind: 'int', default: 100, min: 1, max: 1000, label: 'epochs' },
  /** The training checkpoint shown: a link replays training up to this epoch. */
  epoch: { kind: 'int', default: 0, min: 0, max: 1000, label: 'training epoch' },
} satisfies Schema;

export type TradeoffState = StateOf<typeof tradeoffSchema>;
