/** The MNIST training figure's link state. */
import type { Schema, StateOf } from '../../state/url-state.ts';

export const mnistSchema = {
  model: { kind: 'enum', default: 'fast', options: ['fast', 'documents'], label: 'model' },
  seed: { kind: 'int', default: 1, min: 0, max: 99_999, label: 'seed' },
  opt: { kind: 'enum', default: 'adam', options: ['sgd', 'momentum', 'adam'], label: 'optimizer' },
  lr: { kind: 'number', default: 0.003, min: 0.00001, max: 10, label: 'learning rate' },
  batch: { kind: 'int', default: 32, min: 1, max: 512, label: 'batch size' },
  /** How many of the 10,000 training images to train on (a prefix: every prefix is nearly class-balanced). */
  images: { kind: 'int', default: 10_000, min: 200, max: 10_000, label: 'training images' },
  /** How many of the 2,000 test images each evaluation uses (a prefix; fewer is faster). */
  tests: { kind: 'int', default: 2_000, min: 200, max: 2_000, label: 'test images' },
  epochs: { kind: 'int', default: 3, min: 1, max: 30, label: 'epochs' },
  /** The training checkpoint shown: a link replays training up to this epoch. */
  epoch: { kind: 'int', default: 0, min: 0, max: 30, label: 'training epoch' },
  /** The checkpoint the reader skipped ahead to (0: trained from scratch in the page). */
  from: { kind: 'int', default: 0, min: 0, max: 30, label: 'checkpoint skipped to' },
  /** Index of the test digit shown. */
  digit: { kind: 'int', default: 0, min: 0, max: 1999, label: 'test digit' },
} satisfies Schema;

export type MnistState = StateOf<typeof mnistSchema>;
