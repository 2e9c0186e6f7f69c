/** The Clever Hans figure's link state: the planted shortcut, training, and the digit shown. */
import type { Schema, StateOf } from '../../state/url-state.ts';
import { CORNERS } from './marker.ts';

export const cleverHansSchema = {
  /** The class whose every training image carries the marker. */
  target: { kind: 'int', default: 7, min: 0, max: 9, label: 'marked class' },
  corner: { kind: 'enum', default: 'top-left', options: CORNERS, label: 'marker corner' },
  seed: { kind: 'int', default: 1, min: 0, max: 99_999, label: 'seed' },
  /** Training images, spread evenly over the 10,000-image subset. */
  train: { kind: 'int', default: 2000, min: 200, max: 10_000, label: 'training images' },
  lr: { kind: 'number', default: 0.003, min: 0.00001, max: 1, label: 'learning rate' },
  /** Group-lasso strength λ on the first layer's pixel rows, per optimiser step (0: none). */
  lasso: { kind: 'number', default: 0.01, min: 0, max: 0.1, label: 'pixel sparsity λ' },
  epochs: { kind: 'int', default: 3, min: 1, max: 20, label: 'epochs' },
  /** The training checkpoint shown: a link replays training up to this epoch. */
  epoch: { kind: 'int', default: 0, min: 0, max: 20, label: 'training epoch' },
  /** Index of the test digit explained. */
  digit: { kind: 'int', default: 0, min: 0, max: 1999, label: 'test digit' },
  /** Whether the shown test digit carries the marker. */
  mark: { kind: 'enum', default: 'on', options: ['on', 'off'], label: 'marker on the test digit' },
} satisfies Schema;

export type CleverHansState = StateOf<typeof cleverHansSchema>;

export interface CleverHansSelection {
  digit: number;
  mark: boolean;
}

export const selectionOf = (s: CleverHansState): CleverHansSelection => ({ digit: s.digit, mark: s.mark === 'on' });
