/** The tabular LIME figure's link state: the network (data, seed, epochs) and every LIME setting. */
import type { Schema, StateOf } from '../../state/url-state.ts';

/** lime's default kernel width 0.75·√d for the d = 20 features, to two decimals. */
export const DEFAULT_KERNEL_WIDTH = 3.35;
export const STAGES = ['sample', 'weight', 'fit'] as const;
export type Stage = (typeof STAGES)[number];

export const limeSchema = {
  /** Seed of makeClassification (data seed 4 puts the two classes apart along the informative axes). */
  data: { kind: 'int', default: 4, min: 1, max: 99, label: 'data seed' },
  /** Seed of the network's initial weights and of the batch order. */
  seed: { kind: 'int', default: 1, min: 0, max: 99_999, label: 'network seed' },
  epochs: { kind: 'int', default: 20, min: 1, max: 200, label: 'epochs' },
  /** The training epoch shown: a link replays training up to it. */
  epoch: { kind: 'int', default: 0, min: 0, max: 200, label: 'training epoch' },
  /** Index of the explained test row (0–199). */
  row: { kind: 'int', default: 0, min: 0, max: 199, label: 'test row' },
  /** LIME: number of perturbations, kernel width, sampling seed, features kept. */
  n: { kind: 'int', default: 1000, min: 10, max: 10_000, label: 'number of samples' },
  kw: { kind: 'number', default: DEFAULT_KERNEL_WIDTH, min: 0.05, max: 100, label: 'kernel width' },
  ls: { kind: 'int', default: 0, min: 0, max: 99_999, label: 'LIME seed' },
  k: { kind: 'int', default: 5, min: 1, max: 20, label: 'number of features K' },
  /** The two features of the scatter plot; −1: the informative ones. */
  fa: { kind: 'int', default: -1, min: -1, max: 19, label: 'scatter feature (horizontal)' },
  fb: { kind: 'int', default: -1, min: -1, max: 19, label: 'scatter feature (vertical)' },
  /** How far the step-by-step has got: 1 sample, 2 weight, 3 fit. */
  stage: { kind: 'enum', default: 'fit', options: STAGES, label: 'step' },
} satisfies Schema;

export type LimeState = StateOf<typeof limeSchema>;

/** What is explained; changing it re-explains without retraining. */
export interface LimeSelection {
  row: number;
  numSamples: number;
  kernelWidth: number;
  limeSeed: number;
  k: number;
  fa: number;
  fb: number;
}

export function limeSelectionOf(s: LimeState): LimeSelection {
  return { row: s.row, numSamples: s.n, kernelWidth: s.kw, limeSeed: s.ls, k: s.k, fa: s.fa, fb: s.fb };
}
