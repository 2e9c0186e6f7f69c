/**
 * The one place that owns a figure's worker: starts it, sends it messages, turns an
 * uncaught error in it into a notice for the reader, and, when the worker's GPU
 * context is lost, starts a fresh worker on the fallback backend from the figure's
 * current state. Every other message goes to the figure.
 */
import type { FromWorker, ToWorker } from '../../src/worker/protocol.ts';
import type { FigureNotices } from './notices.ts';
import { t } from '../../src/i18n/ui.ts';
import { workerNotices, workerText } from '../../src/i18n/worker-text.ts';
import { figurePart } from './figure-part.ts';

export interface FigureWorkerHooks<State, Selection, View> {
  /** Every message from the worker except `contextLost`, which is handled here. */
  receive(msg: FromWorker<View>): void;
  /** The state and selection an `init` sends: the figure's current ones. */
  current(): { state: State; selection: Selection };
  /** After the notice, when the worker stopped with an uncaught error. */
  stopped?(): void;
  /** After a fresh worker was started on the fallback backend and sent its `init`. */
  restarted?(): void;
}

export class FigureWorker<State, Selection, View> {
  private worker: Worker;

  /**
   * @param makeWorker creates the figure's worker (Vite needs the `new Worker(new URL(...))` at the call site).
   * @param id the figure's id; the worker is named `figure-<id>`.
   */
  constructor(
    private readonly makeWorker: (name: string) => Worker,
    private readonly id: string,
    private readonly notices: FigureNotices,
    private readonly hooks: FigureWorkerHooks<State, Selection, View>,
  ) {
    this.worker = this.connect();
  }

  /** Builds the session from the figure's state, on `backend` (by default the page's `?backend=`). */
  init(backend: string | null = new URLSearchParams(location.search).get('backend')): void {
    this.send({ type: 'init', ...this.hooks.current(), backend });
  }

  send(msg: ToWorker<State, Selection>): void {
    this.worker.postMessage(msg);
  }

  terminate(): void {
    this.worker.terminate();
  }

  private connect(): Worker {
    const worker = this.makeWorker(`figure-${this.id}`);
    worker.onmessage = (e: MessageEvent<FromWorker<View>>) => {
      const msg = e.data;
      if (msg.type === 'contextLost') {
        this.notices.add(t('live.contextLost', { lost: msg.lost, fallback: msg.fallback }));
        this.restartOn(msg.fallback);
      } else {
        this.hooks.receive(msg);
      }
    };
    worker.onerror = (e) => {
      // Handled here, with a sentence for the reader: not an uncaught error of the page.
      e.preventDefault();
      this.notices.add(t('live.workerStopped', { message: e.message || t('live.unknownError') }));
      this.hooks.stopped?.();
    };
    return worker;
  }

  /**
   * The worker's GPU context was lost: a fresh worker on `backend` rebuilds the session
   * from the figure's current state (the same seed, checkpoint and selection).
   */
  private restartOn(backend: string): void {
    this.worker.terminate();
    this.worker = this.connect();
    this.init(backend);
    this.hooks.restarted?.();
  }
}

/**
 * What every figure shows when its worker says `ready`: the backend (and why that one)
 * in the status line, the worker's notices, and `data-backend` / `data-ready` on the
 * figure root for tests. The figure then sets its own status text.
 */
export function showWorkerReady(root: HTMLElement, notices: FigureNotices, msg: Extract<FromWorker<unknown>, { type: 'ready' }>): void {
  figurePart(root, '[data-out="backend"]').textContent = t('live.backend', { backend: msg.backend, reason: workerText(msg.reason, msg.reasonSaid) });
  root.dataset.backend = msg.backend;
  workerNotices(msg).forEach((n) => notices.add(n));
  root.dataset.ready = 'true';
}
