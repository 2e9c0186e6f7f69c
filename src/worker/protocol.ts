/**
 * Messages between a figure on the page and its training worker. Plain data only:
 * the page never sees a tensor, the worker never sees the DOM.
 */
import type { XorState } from '../figures/xor/state.ts';
import type { XorView } from '../figures/xor/session.ts';
import type { EpochReport } from '../train/trainer.ts';
import type { BackendName } from '../tf/choose-backend.ts';

export type ToWorker =
  | { type: 'init'; state: XorState; backend: string | null }
  /** Train until `state.epochs` or a pause. */
  | { type: 'train' }
  | { type: 'pause' }
  /** Train exactly one epoch. */
  | { type: 'step' }
  /** Rebuild from a new state (new seed or hyperparameters) and replay to state.epoch. */
  | { type: 'reset'; state: XorState }
  | { type: 'select'; input: number };

export type FromWorker =
  | { type: 'ready'; backend: BackendName; reason: string; notices: string[] }
  /** `reports`: every epoch finished since the previous message, for the curves. */
  | { type: 'progress'; reports: EpochReport[]; view: XorView; running: boolean }
  | { type: 'stopped'; reason: 'paused' | 'done' }
  | { type: 'error'; message: string; kind: 'diverged' | 'config' | 'backend' | 'internal' };
