/** The attention training figure's link state: everything needed to reproduce a view. */
import type { Schema, StateOf } from '../../state/url-state.ts';

/** Validation sequences (fixed: the heat map rows and the measured averages use them). */
export const VAL_ROWS = 200;

export const attentionSchema = {
  seed: { kind: 'int', default: 1, min: 0, max: 99_999, label: 'seed' },
  steps: { kind: 'int', default: 10, min: 4, max: 30, label: 'sequence length' },
  units: { kind: 'int', default: 16, min: 4, max: 64, label: 'LSTM units' },
  rows: { kind: 'int', default: 500, min: 100, max: 2000, label: 'training sequences' },
  lr: { kind: 'number', default: 0.02, min: 0.00001, max: 1, label: 'learning rate' },
  batch: { kind: 'int', default: 32, min: 1, max: 256, label: 'batch size' },
  epochs: { kind: 'int', default: 8, min: 1, max: 100, label: 'epochs' },
  /** The training checkpoint shown: a link replays training up to this epoch. */
  epoch: { kind: 'int', default: 0, min: 0, max: 100, label: 'training epoch' },
  /** The validation sequence shown in detail. */
  example: { kind: 'int', default: 0, min: 0, max: VAL_ROWS - 1, label: 'validation example' },
} satisfies Schema;

export type AttentionState = StateOf<typeof attentionSchema>;
