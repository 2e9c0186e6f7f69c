/**
 * Messages between a live figure on the page and its worker. Plain data only: the
 * page never sees a tensor, the worker never sees the DOM. Generic over the figure's
 * state (what a link restores), its selection (what the reader is looking at) and
 * its view (the numbers the page draws).
 */
import type { BatchReport, EpochReport } from '../train/trainer.ts';
import type { BackendName } from '../tf/choose-backend.ts';
import type { Said } from '../i18n/worker-messages.ts';

export type ToWorker<State, Selection> =
  | { type: 'init'; state: State; selection: Selection; backend: string | null }
  /** Train until the state's epoch budget or a pause. */
  | { type: 'train' }
  | { type: 'pause' }
  /** Train exactly one epoch. */
  | { type: 'step' }
  /** Rebuild from a new state (new seed or hyperparameters) and replay to its epoch. */
  | { type: 'reset'; state: State }
  | { type: 'select'; selection: Selection }
  /** Skip ahead: load weights trained earlier to this epoch (public/checkpoints/). */
  | { type: 'checkpoint'; epoch: number };

/*
 * Sentences for the reader come in English (`message`, `reason`, `notices`) and, where
 * the worker knows one, as a catalogue key with params (`said…`, src/i18n/worker-messages.ts)
 * that the page translates with workerText (src/i18n/worker-text.ts).
 */
export type FromWorker<View> =
  | { type: 'ready'; backend: BackendName; reason: string; notices: string[]; reasonSaid?: Said; noticesSaid?: (Said | null)[] }
  /** Something slow before training can start (data download, replay), 0..1. */
  | { type: 'loading'; fraction: number; message: string; said?: Said }
  | { type: 'batch'; report: BatchReport }
  /** `reports`: every epoch finished since the previous message, for the curves. */
  /** `tensors`: tf.memory().numTensors in the worker once the view is made (leak checks read it). */
  | { type: 'progress'; reports: EpochReport[]; view: View; running: boolean; tensors: number }
  /**
   * The GPU took TF.js's WebGL context away (driver reset, too many contexts, a test's
   * WEBGL_lose_context). The session is gone; the page restarts the worker on `fallback`.
   */
  | { type: 'contextLost'; lost: BackendName; fallback: BackendName }
  | { type: 'stopped'; reason: 'paused' | 'done' }
  | { type: 'error'; message: string; kind: 'diverged' | 'config' | 'data' | 'internal'; said?: Said };
