/**
 * The page's side of the sandbox: one worker per listing, created on the first Run and
 * replaced after Stop or a time-out. Terminating the worker is what ends a runaway
 * listing: the page's thread never runs listing code, so `while (true) {}` cannot
 * freeze it. The worker receives only { code, backend }: no MessagePort, no page state.
 */
import type { OutputEvent, RunRequest, SandboxMessage } from '../../src/livecode/protocol.ts';

export interface RunHandlers {
  onReady(backend: string, notices: string[]): void;
  onEvent(e: OutputEvent): void;
  onFatal(message: string): void;
}

export class SandboxClient {
  private worker: Worker | null = null;
  private runId = 0;
  private handlers: RunHandlers | null = null;

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('../../src/worker/sandbox.worker.ts', import.meta.url), { type: 'module', name: 'listing-sandbox' });
    worker.addEventListener('message', (e: MessageEvent<SandboxMessage>) => {
      const m = e.data;
      if (!m || m.runId !== this.runId || !this.handlers) return;
      if (m.type === 'ready') this.handlers.onReady(m.backend, m.notices);
      else if (m.type === 'event') this.handlers.onEvent(m.event);
      else if (m.type === 'fatal') this.handlers.onFatal(m.message);
    });
    worker.addEventListener('error', (e) => {
      e.preventDefault();
      this.handlers?.onFatal(`The sandbox failed: ${e.message || 'its script could not start'}.`);
    });
    this.worker = worker;
    return worker;
  }

  run(code: string, backend: string | null, handlers: RunHandlers): void {
    this.handlers = handlers;
    const msg: RunRequest = { type: 'run', runId: ++this.runId, code, backend };
    this.ensure().postMessage(msg);
  }

  /** Ends the running listing at once; the next run starts a fresh sandbox. */
  terminate(): void {
    this.worker?.terminate();
    this.worker = null;
    this.handlers = null;
    this.runId++;
  }
}
