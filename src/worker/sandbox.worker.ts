/// <reference lib="webworker" />
/**
 * The sandbox that runs runnable listings (components/live/RunnableCode.astro).
 *
 * A dedicated worker: no DOM, no cookies, no localStorage. Before anything else it
 * installs the guards of src/livecode/sandbox-policy.ts (only the site's own data files
 * can be fetched; XHR, sockets, importScripts, nested workers, IndexedDB and Cache
 * Storage are refused) and keeps `postMessage` to itself, so a listing can neither
 * reach the network nor talk to the page except through its output. The page sends
 * only { code, backend } and never a MessagePort; a runaway listing is ended by the
 * page terminating this worker (Stop, or the listing's time limit).
 */
import { installGuards } from '../livecode/sandbox-policy.ts';
import type { RunRequest, SandboxMessage } from '../livecode/protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = scope.postMessage.bind(scope) as (m: SandboxMessage) => void;
const listen = scope.addEventListener.bind(scope);

installGuards(globalThis, scope.location.origin, import.meta.env.BASE_URL);
// Output reaches the page only through `post`, which the listing cannot see.
for (const name of ['postMessage', 'close'] as const) {
  Object.defineProperty(scope, name, { value: () => undefined, writable: false, configurable: false });
}

let engine: Promise<{ tf: typeof import('@tensorflow/tfjs-core'); backend: string; notices: string[] }> | null = null;

function loadEngine(requested: string | null) {
  engine ??= (async () => {
    const [{ loadTf }, tf] = await Promise.all([import('../tf/load-tf.ts'), import('@tensorflow/tfjs-core')]);
    // Listings are small: the CPU unless the page's link asks for another backend.
    const loaded = await loadTf('tiny', requested);
    return { tf, backend: loaded.backend, notices: loaded.notices };
  })();
  return engine;
}

let busy = false;

listen('message', async (e: MessageEvent<RunRequest>) => {
  const msg = e.data;
  if (!msg || msg.type !== 'run' || typeof msg.code !== 'string') return;
  if (busy) {
    post({ type: 'fatal', runId: msg.runId, message: 'A listing is already running in this sandbox.' });
    return;
  }
  busy = true;
  try {
    const [{ tf, backend, notices }, { runListing }] = await Promise.all([loadEngine(msg.backend), import('../livecode/runner.ts')]);
    post({ type: 'ready', runId: msg.runId, backend, notices });
    await runListing(msg.code, { tf, backend, emit: (event) => post({ type: 'event', runId: msg.runId, event }) });
  } catch (error) {
    post({ type: 'fatal', runId: msg.runId, message: error instanceof Error ? error.message : String(error) });
  } finally {
    busy = false;
  }
});
