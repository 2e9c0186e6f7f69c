/**
 * The sequence LIME figure's link state: the attention model's training (seed,
 * epochs, the epoch shown) and what LIME explains with which settings.
 */
import type { Schema, StateOf } from '../../state/url-state.ts';
import { attentionSchema, VAL_ROWS } from '../attention/state.ts';

/** lime's LimeTextExplainer default: kernel width 25 on 100 × cosine distance. */
export const DEFAULT_SEQUENCE_KERNEL_WIDTH = 25;

export const limeSequenceSchema = {
  /** The attention figure's seed: same data, same initial weights, same batch order. */
  seed: attentionSchema.seed,
  /** Six epochs: the attention model passes 95% validation accuracy after about five. */
  epochs: { ...attentionSchema.epochs, default: 6 },
  /** The training checkpoint shown: a link replays training up to this epoch. */
  epoch: attentionSchema.epoch,
  /** The held-out (validation) sequence explained. */
  seq: { kind: 'int', default: 0, min: 0, max: VAL_ROWS - 1, label: 'test sequence' },
  /** LIME: number of perturbations (the unmasked sequence included), kernel width, sampling seed. */
  n: { kind: 'int', default: 1000, min: 20, max: 5000, label: 'number of samples' },
  kw: { kind: 'number', default: DEFAULT_SEQUENCE_KERNEL_WIDTH, min: 1, max: 1000, label: 'kernel width' },
  ls: { kind: 'int', default: 0, min: 0, max: 99_999, label: 'LIME seed' },
} satisfies Schema;

export type LimeSequenceState = StateOf<typeof limeSequenceSchema>;

/** What is explained; changing it re-explains without retraining. */
export interface LimeSequenceSelection {
  index: number;
  numSamples: number;
  kernelWidth: number;
  limeSeed: number;
}

export function limeSequenceSelectionOf(s: LimeSequenceState): LimeSequenceSelection {
  return { index: s.seq, numSamples: s.n, kernelWidth: s.kw, limeSeed: s.ls };
}
