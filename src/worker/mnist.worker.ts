/// <reference lib="webworker" />
/**
 * The MNIST training figure's worker: downloads the digits once (with progress),
 * then hosts a session per model and hyperparameters.
 */
import { hostSession, DataError } from './session-host.ts';
import { loadMnist, type Mnist } from '../data/mnist/load.ts';
import { MnistSession, type MnistView } from '../figures/mnist/session.ts';
import type { MnistState } from '../figures/mnist/state.ts';

let data: Promise<Mnist> | null = null;

function mnist(progress: (fraction: number, message: string) => void): Promise<Mnist> {
  const base = new URL(`${import.meta.env.BASE_URL}generated/mnist/`.replace(/\/+/g, '/'), self.location.origin).href;
  data ??= loadMnist(base, {
    onProgress: ({ received, total }) => progress(total ? received / total : 0, `downloading MNIST (${(received / 1e6).toFixed(1)} of ${(total / 1e6).toFixed(1)} MB)`),
  }).catch((error: unknown) => {
    data = null; // let a later reset try again
    throw new DataError(error instanceof Error ? error.message : String(error));
  });
  return data;
}

hostSession<MnistState, number, MnistView>({
  workload: 'heavy',
  create: async (state, progress) => new MnistSession(state, await mnist(progress)),
  startEpoch: (state) => state.epoch,
});
