/// <reference lib="webworker" />
/**
 * The XOR figure's worker: owns TF.js and the session, trains when asked, and posts
 * plain views back. Training happens here so the page keeps scrolling while it learns.
 *
 * A run loop is cancelled by bumping `generation` (as TensorFlow Playground does):
 * a stale loop sees the change after its current epoch and exits.
 */
import { loadTf } from '../tf/load-tf.ts';
import { XorSession } from '../figures/xor/session.ts';
import type { XorState } from '../figures/xor/state.ts';
import type { FromWorker, ToWorker } from './protocol.ts';
import { DivergedError, type EpochReport } from '../train/trainer.ts';
import { ConfigError } from '../train/config.ts';

const post = (m: FromWorker) => (self as DedicatedWorkerGlobalScope).postMessage(m);
/** Views are posted at most this often while training, so the page is not flooded. */
const VIEW_INTERVAL_MS = 120;

let session: XorSession | null = null;
let input = 3;
let generation = 0;
let ready: Promise<void> | null = null;

function fail(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  const kind = error instanceof DivergedError ? 'diverged' : error instanceof ConfigError ? 'config' : 'internal';
  post({ type: 'error', message, kind });
}

async function rebuild(state: XorState): Promise<void> {
  session?.dispose();
  session = null;
  input = state.input;
  const s = new XorSession(state);
  session = s;
  // Replay to the linked checkpoint: same seed, same backend, same numbers.
  const reports: EpochReport[] = [];
  for (let e = 0; e < Math.min(state.epoch, state.epochs); e++) reports.push(await s.trainEpoch());
  post({ type: 'progress', reports, view: await s.view(input), running: false });
}

async function run(): Promise<void> {
  const mine = ++generation;
  const s = session;
  if (!s) return;
  let lastPost = 0;
  let reports: EpochReport[] = [];
  while (mine === generation && s.epoch < s.state.epochs) {
    reports.push(await s.trainEpoch());
    const t = performance.now();
    if (t - lastPost > VIEW_INTERVAL_MS) {
      lastPost = t;
      post({ type: 'progress', reports, view: await s.view(input), running: true });
      reports = [];
      // Let pause/select messages in between epochs.
      await new Promise((r) => setTimeout(r, 0));
    }
  }
  if (mine !== generation) {
    if (reports.length) post({ type: 'progress', reports, view: await s.view(input), running: false });
    return;
  }
  post({ type: 'progress', reports, view: await s.view(input), running: false });
  post({ type: 'stopped', reason: 'done' });
}

async function handle(msg: ToWorker): Promise<void> {
  switch (msg.type) {
    case 'init': {
      ready = (async () => {
        const tf = await loadTf('tiny', msg.backend);
        post({ type: 'ready', backend: tf.backend, reason: tf.reason, notices: tf.notices });
        await rebuild(msg.state);
      })();
      return ready;
    }
    case 'train':
      await ready;
      return run();
    case 'pause': {
      generation++;
      post({ type: 'stopped', reason: 'paused' });
      return;
    }
    case 'step': {
      await ready;
      generation++;
      if (!session) return;
      if (session.epoch >= session.state.epochs) return post({ type: 'stopped', reason: 'done' });
      const report = await session.trainEpoch();
      post({ type: 'progress', reports: [report], view: await session.view(input), running: false });
      return;
    }
    case 'reset': {
      await ready;
      generation++;
      return rebuild(msg.state);
    }
    case 'select': {
      input = msg.input;
      if (session) post({ type: 'progress', reports: [], view: await session.view(input), running: false });
      return;
    }
  }
}

self.onmessage = (e: MessageEvent<ToWorker>) => {
  handle(e.data).catch((error) => {
    generation++;
    fail(error);
  });
};
