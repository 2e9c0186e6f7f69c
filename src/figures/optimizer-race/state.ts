/** The optimizer race's link state: everything needed to replay the race exactly. */
import type { Schema, StateOf } from '../../state/url-state.ts';

export const raceSchema = {
  seed: { kind: 'int', default: 1, min: 0, max: 99_999, label: 'seed' },
  /** Train on standardised features, or on the cleaned but unscaled ones. */
  features: { kind: 'enum', default: 'standardised', options: ['standardised', 'unscaled'], label: 'features' },
  hidden: { kind: 'int', default: 8, min: 1, max: 64, label: 'hidden units' },
  batch: { kind: 'int', default: 32, min: 1, max: 800, label: 'batch size' },
  lrSgd: { kind: 'number', default: 0.05, min: 0.00001, max: 10, label: 'SGD learning rate' },
  lrMomentum: { kind: 'number', default: 0.05, min: 0.00001, max: 10, label: 'momentum learning rate' },
  lrAdam: { kind: 'number', default: 0.02, min: 0.00001, max: 10, label: 'Adam learning rate' },
  epochs: { kind: 'int', default: 30, min: 1, max: 300, label: 'epochs' },
  /** The training checkpoint shown: a link replays the race up to this epoch. */
  epoch: { kind: 'int', default: 0, min: 0, max: 300, label: 'training epoch' },
} satisfies Schema;

export type RaceState = StateOf<typeof raceSchema>;
