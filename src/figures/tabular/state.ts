/**
 * Link state of the tabular figures (feature importance, SHAP waterfall). Both train
 * the same 20 → h → 2 MLP on the same data; they differ in what they explain.
 */
import type { Schema, StateOf } from '../../state/url-state.ts';

/** What trains the model: shared by every tabular figure. */
const training = {
  /** Seed of the weights, the batch order and the random forest (the data are fixed). */
  seed: { kind: 'int', default: 1, min: 0, max: 99_999, label: 'seed' },
  hidden: { kind: 'int', default: 16, min: 1, max: 64, label: 'hidden units' },
  epochs: { kind: 'int', default: 20, min: 1, max: 200, label: 'epochs' },
  /** The epoch shown: a link replays training up to it. */
  epoch: { kind: 'int', default: 0, min: 0, max: 200, label: 'training epoch' },
} satisfies Schema;

export const importanceSchema = {
  ...training,
  /** Shuffles per feature in permutation importance. */
  reps: { kind: 'int', default: 5, min: 1, max: 30, label: 'permutation repeats' },
} satisfies Schema;

/** Rows the global SHAP summary averages over (here, so the page-side controller need not import the session). */
export const GLOBAL_ROWS = 16;

export const BACKGROUNDS = ['mean', 'sample'] as const;

export const shapSchema = {
  ...training,
  /** Test row explained. */
  row: { kind: 'int', default: 0, min: 0, max: 199, label: 'test row' },
  /** KernelSHAP coalition budget. */
  ns: { kind: 'int', default: 512, min: 16, max: 4096, label: 'coalition samples' },
  /** Seed of the coalition sampling (and of the background sample). */
  sseed: { kind: 'int', default: 0, min: 0, max: 99_999, label: 'sampling seed' },
  /** Background: the training mean (one row) or a random sample of training rows. */
  bg: { kind: 'enum', default: 'mean', options: BACKGROUNDS, label: 'background' },
} satisfies Schema;

export type ImportanceState = StateOf<typeof importanceSchema>;
export type ShapState = StateOf<typeof shapSchema>;
export type TabularState = StateOf<typeof training>;

export type TabularSelection =
  | { kind: 'importance'; repeats: number }
  | { kind: 'shap'; row: number; nsamples: number; seed: number; background: (typeof BACKGROUNDS)[number] };

export function importanceSelection(s: ImportanceState): TabularSelection {
  return { kind: 'importance', repeats: s.reps };
}

export function shapSelection(s: ShapState): TabularSelection {
  return { kind: 'shap', row: s.row, nsamples: s.ns, seed: s.sseed, background: s.bg as (typeof BACKGROUNDS)[number] };
}
