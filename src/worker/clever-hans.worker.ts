/// <reference lib="webworker" />
/**
 * The Clever Hans figure's worker: downloads the MNIST subset once (with progress),
 * then hosts a session per marked class, marker corner and training settings.
 */
import { hostSession, DataError } from './session-host.ts';
import { loadMnist, type Mnist } from '../data/mnist/load.ts';
import { CleverHansSession, type CleverHansView } from '../figures/clever-hans/session.ts';
import type { CleverHansSelection, CleverHansState } from '../figures/clever-hans/state.ts';

/** A URL under the site's base path (works when the book is served from a sub-path). */
const siteUrl = (path: string) => new URL(`${import.meta.env.BASE_URL}${path}`.replace(/\/+/g, '/'), self.location.origin).href;

let data: Promise<Mnist> | null = null;

function mnist(progress: (fraction: number, message: string) => void): Promise<Mnist> {
  data ??= loadMnist(siteUrl('generated/mnist/'), {
    onProgress: ({ received, total }) => progress(total ? received / total : 0, `downloading MNIST (${(received / 1e6).toFixed(1)} of ${(total / 1e6).toFixed(1)} MB)`),
  }).catch((error: unknown) => {
    data = null; // let a later reset try again
    throw new DataError(error instanceof Error ? error.message : String(error));
  });
  return data;
}

hostSession<CleverHansState, CleverHansSelection, CleverHansView>({
  workload: 'heavy',
  create: async (state, progress) => new CleverHansSession(state, await mnist(progress)),
  startEpoch: (state) => state.epoch,
});
