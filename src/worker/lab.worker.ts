/// <reference lib="webworker" />
/**
 * The engine lab's worker (see src/lab/): loads TF.js on the backend the first
 * request names, then runs scenarios one at a time and answers each request by id.
 * The page makes one such worker per backend, so backends never share a TF.js.
 */
import '@tensorflow/tfjs-layers';
import { loadTf, type LoadedTf } from '../tf/load-tf.ts';
import { runScenario } from '../lab/index.ts';
import type { LabRequest, LabResponse } from '../lab/protocol.ts';

const post = (m: LabResponse) => (self as DedicatedWorkerGlobalScope).postMessage(m);
const MNIST_URL = `${import.meta.env.BASE_URL}/generated/mnist/`.replace(/\/+/g, '/');

let loaded: Promise<LoadedTf> | null = null;
/** Scenarios run one after another, never interleaved, so timings are not shared. */
let queue: Promise<unknown> = Promise.resolve();

async function handle(req: LabRequest): Promise<void> {
  try {
    loaded ??= loadTf('heavy', req.options.backend ?? null);
    const tf = await loaded;
    const ctx = {
      backend: tf.backend,
      mnistUrl: new URL(MNIST_URL, self.location.origin).href,
      progress: (text: string) => post({ id: req.id, type: 'progress', progress: { text } }),
    };
    const result = await runScenario(ctx, req.scenario, req.options);
    post({ id: req.id, type: 'result', result, backend: tf.backend, backendNotices: tf.notices });
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    post({ id: req.id, type: 'error', message: e.message, ...(e.stack ? { stack: e.stack } : {}) });
  }
}

self.onmessage = (e: MessageEvent<LabRequest>) => {
  queue = queue.then(() => handle(e.data));
};
