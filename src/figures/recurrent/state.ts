/**
 * Link state of the recurrent-networks chapter's two figures: the vanishing-gradient
 * comparison (plain RNN vs LSTM) and the LSTM trained on "token after the marker".
 */
import type { Schema, StateOf } from '../../state/url-state.ts';

export const vanishSchema = {
  seed: { kind: 'int', default: 1, min: 0, max: 99_999, label: 'seed' },
  /** Sequence length T. */
  steps: { kind: 'int', default: 20, min: 4, max: 60, label: 'sequence length' },
  lr: { kind: 'number', default: 0.02, min: 0.0001, max: 1, label: 'learning rate' },
  epochs: { kind: 'int', default: 8, min: 1, max: 50, label: 'epochs' },
  /** The training checkpoint shown: a link replays training up to this epoch. */
  epoch: { kind: 'int', default: 0, min: 0, max: 50, label: 'training epoch' },
} satisfies Schema;

export type VanishState = StateOf<typeof vanishSchema>;

export const lstmSchema = {
  seed: { kind: 'int', default: 1, min: 0, max: 99_999, label: 'seed' },
  lr: { kind: 'number', default: 0.01, min: 0.0001, max: 1, label: 'learning rate' },
  batch: { kind: 'int', default: 32, min: 1, max: 512, label: 'batch size' },
  epochs: { kind: 'int', default: 10, min: 1, max: 60, label: 'epochs' },
  /** The training checkpoint shown: a link replays training up to this epoch. */
  epoch: { kind: 'int', default: 0, min: 0, max: 60, label: 'training epoch' },
  /** Index of the validation sequence shown. */
  example: { kind: 'int', default: 0, min: 0, max: 199, label: 'validation sequence' },
} satisfies Schema;

export type LstmState = StateOf<typeof lstmSchema>;
