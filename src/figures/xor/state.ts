/** The XOR figure's link state: everything needed to reproduce a view exactly. */
import type { Schema, StateOf } from '../../state/url-state.ts';

export const xorSchema = {
  seed: { kind: 'int', default: 1, min: 0, max: 99_999, label: 'seed' },
  hidden: { kind: 'int', default: 4, min: 1, max: 16, label: 'hidden units' },
  act: { kind: 'enum', default: 'tanh', options: ['tanh', 'sigmoid', 'relu'], label: 'activation' },
  opt: { kind: 'enum', default: 'adam', options: ['sgd', 'momentum', 'adam'], label: 'optimizer' },
  lr: { kind: 'number', default: 0.1, min: 0.0001, max: 100, label: 'learning rate' },
  epochs: { kind: 'int', default: 300, min: 1, max: 5000, label: 'epochs' },
  /** The training checkpoint shown: a link replays training up to this epoch. */
  epoch: { kind: 'int', default: 0, min: 0, max: 5000, label: 'training epoch' },
  input: { kind: 'int', default: 3, min: 0, max: 3, label: 'selected input' },
} satisfies Schema;

export type XorState = StateOf<typeof xorSchema>;
