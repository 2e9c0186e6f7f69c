/// <reference lib="webworker" />
/**
 * Runs one figure session inside a worker: loads TF.js on the best backend, builds
 * the session from the figure's state, trains on request and posts plain views.
 * Every figure's worker is this host plus the figure's own session.
 *
 * A run is cancelled by bumping `generation` (as TensorFlow Playground does): the
 * loop checks it between batches, so Pause takes effect within one batch.
 */
import * as tf from '@tensorflow/tfjs-core';
import { loadTf } from '../tf/load-tf.ts';
import { watchWebGLContext, type ContextWatch } from '../tf/context-loss.ts';
import type { Workload } from '../tf/choose-backend.ts';
import { DivergedError, type BatchReport, type EpochReport } from '../train/trainer.ts';
import { ConfigError } from '../train/config.ts';
import type { FromWorker, ToWorker } from './protocol.ts';
import { said, SaidError, textOf, type Progress, type Said } from '../i18n/worker-messages.ts';

export interface FigureSession<View, Selection> {
  readonly epoch: number;
  /** The epoch budget: training stops here. */
  readonly epochs: number;
  /** Trains the rest of the current epoch; null if `shouldStop` interrupted it. */
  trainEpoch(hooks: { shouldStop: () => boolean; onBatch: (r: BatchReport) => void }): Promise<EpochReport | null>;
  view(selection: Selection): Promise<View>;
  /**
   * Replaces the weights with a checkpoint trained earlier by the same code and seed
   * (scripts/train-checkpoints.ts), so a reader on a slow machine can skip ahead.
   * Optional: figures without checkpoints leave it out.
   */
  loadCheckpoint?(epoch: number, progress: Progress): Promise<void>;
  dispose(): void;
}

export interface SessionFactory<State, Selection, View> {
  workload: Workload;
  /** Builds a session; may download data, reporting progress 0..1. */
  create(state: State, progress: Progress): Promise<FigureSession<View, Selection>>;
  /** The epoch a state asks to be shown (a link replays training up to it). */
  startEpoch(state: State): number;
}

/** Errors that carry a sentence for the reader rather than a stack trace (translatable when made from a `said`). */
export class DataError extends SaidError {}

/** A thrown error as the page is told it: English message, kind, and the key to translate it with. */
export function describeError(error: unknown): Extract<FromWorker<never>, { type: 'error' }> {
  const message = error instanceof Error ? error.message : String(error);
  const kind =
    error instanceof DivergedError ? 'diverged' : error instanceof ConfigError ? 'config' : error instanceof DataError ? 'data' : 'internal';
  const translated: Said | undefined =
    error instanceof DivergedError
      ? said('worker.diverged', { epoch: error.epoch, rate: error.learningRate, smaller: +(error.learningRate / 10).toPrecision(2) })
      : error instanceof SaidError
        ? error.said
        : undefined;
  // The English message stays the thrown one, so nothing changes for a page without translations.
  return { type: 'error', message, kind, ...(translated ? { said: translated } : {}) };
}

/** A progress line as the page is told it. */
const loading = (fraction: number, m: string | Said): FromWorker<never> => ({
  type: 'loading',
  fraction,
  message: textOf(m),
  ...(typeof m === 'string' ? {} : { said: m }),
});

/**
 * Where a figure goes when its WebGL context is lost: the CPU, which has no context to
 * lose (a software WebGPU adapter, the only other candidate, is slower and shares the GPU process).
 */
const FALLBACK_BACKEND = 'cpu' as const;

/** Views are posted at most this often while training, so the page is not flooded. */
const VIEW_INTERVAL_MS = 150;
const BATCH_INTERVAL_MS = 250;

export function hostSession<State, Selection, View>(factory: SessionFactory<State, Selection, View>): void {
  const scope = self as unknown as DedicatedWorkerGlobalScope;
  const post = (m: FromWorker<View>) => scope.postMessage(m);
  let session: FigureSession<View, Selection> | null = null;
  let selection: Selection;
  let generation = 0;
  let ready: Promise<void> = Promise.resolve();
  let lastBatchPost = 0;
  let context: ContextWatch = { lost: () => false };
  let contextLostPosted = false;

  /** The figure's view, with the worker's live tensor count once it is made (for leak checks). */
  const progress = async (s: FigureSession<View, Selection>, reports: EpochReport[], running: boolean): Promise<FromWorker<View>> => {
    const view = await s.view(selection);
    return { type: 'progress', reports, view, running, tensors: tf.memory().numTensors };
  };

  /** The session died with the GPU context: stop everything and let the page restart the figure elsewhere. */
  const contextLost = () => {
    generation++;
    if (contextLostPosted) return;
    contextLostPosted = true;
    post({ type: 'contextLost', lost: 'webgl', fallback: FALLBACK_BACKEND });
  };

  const onBatch = (report: BatchReport) => {
    const t = performance.now();
    if (t - lastBatchPost > BATCH_INTERVAL_MS) {
      lastBatchPost = t;
      post({ type: 'batch', report });
    }
  };

  async function rebuild(state: State): Promise<void> {
    const mine = ++generation;
    session?.dispose();
    session = null;
    const s = await factory.create(state, (fraction, message) => post(loading(fraction, message)));
    if (mine !== generation) return s.dispose();
    session = s;
    // Replay to the linked checkpoint: same seed, same backend, same numbers.
    const target = Math.min(factory.startEpoch(state), s.epochs);
    const reports: EpochReport[] = [];
    while (s.epoch < target && mine === generation) {
      post(loading(s.epoch / target, said('worker.replaying', { epoch: target })));
      const r = await s.trainEpoch({ shouldStop: () => mine !== generation, onBatch });
      if (context.lost()) return contextLost();
      if (r) reports.push(r);
    }
    if (mine === generation) post(await progress(s, reports, false));
  }

  async function run(): Promise<void> {
    const mine = ++generation;
    const s = session;
    if (!s) return;
    const shouldStop = () => mine !== generation;
    let lastPost = 0;
    let reports: EpochReport[] = [];
    while (!shouldStop() && s.epoch < s.epochs) {
      const r = await s.trainEpoch({ shouldStop, onBatch });
      if (context.lost()) return contextLost();
      if (r) reports.push(r);
      const t = performance.now();
      if (r && t - lastPost > VIEW_INTERVAL_MS) {
        lastPost = t;
        post(await progress(s, reports, true));
        reports = [];
        // Let pause and select messages in between epochs.
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    }
    if (reports.length || !shouldStop()) post(await progress(s, reports, false));
    if (!shouldStop()) post({ type: 'stopped', reason: 'done' });
  }

  async function handle(msg: ToWorker<State, Selection>): Promise<void> {
    switch (msg.type) {
      case 'init':
        selection = msg.selection;
        ready = (async () => {
          const loaded = await loadTf(factory.workload, msg.backend);
          context = watchWebGLContext(contextLost);
          post({ type: 'ready', backend: loaded.backend, reason: loaded.reason, notices: loaded.notices, reasonSaid: loaded.reasonSaid, noticesSaid: loaded.noticesSaid });
          await rebuild(msg.state);
        })();
        return ready;
      case 'train':
        await ready;
        return run();
      case 'pause':
        generation++;
        post({ type: 'stopped', reason: 'paused' });
        return;
      case 'step': {
        await ready;
        const mine = ++generation;
        const s = session;
        if (!s) return;
        if (s.epoch >= s.epochs) return post({ type: 'stopped', reason: 'done' });
        const r = await s.trainEpoch({ shouldStop: () => mine !== generation, onBatch });
        if (context.lost()) return contextLost();
        post(await progress(s, r ? [r] : [], false));
        return;
      }
      case 'reset':
        await ready;
        ready = rebuild(msg.state);
        return ready;
      case 'checkpoint': {
        await ready;
        generation++;
        const s = session;
        if (!s?.loadCheckpoint) throw new DataError(said('worker.noSkipAhead'));
        await s.loadCheckpoint(msg.epoch, (fraction, message) => post(loading(fraction, message)));
        post(await progress(s, [], false));
        return;
      }
      case 'select':
        selection = msg.selection;
        await ready;
        if (session) post(await progress(session, [], false));
        return;
    }
  }

  scope.onmessage = (e: MessageEvent<ToWorker<State, Selection>>) => {
    // Once the context is lost the session is gone: the page is restarting the figure in a new worker.
    if (context.lost()) return contextLost();
    handle(e.data).catch((error: unknown) => {
      // Kernels failing because the GPU context went away are not the reader's error.
      if (context.lost()) return contextLost();
      generation++;
      post(describeError(error));
    });
  };
}
