/// <reference lib="webworker" />
/**
 * The MLP activation-map figure's worker: downloads the MNIST digits once (with
 * progress), then hosts a session per seed and hyperparameters.
 */
import { hostSession, DataError } from './session-host.ts';
import { loadMnist, type Mnist } from '../data/mnist/load.ts';
import { MlpActivationsSession, type MlpActivationsView } from '../figures/mlp-activations/session.ts';
import type { MlpActivationsState } from '../figures/mlp-activations/state.ts';

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

hostSession<MlpActivationsState, number, MlpActivationsView>({
  workload: 'heavy',
  create: async (state, progress) => new MlpActivationsSession(state, await mnist(progress)),
  startEpoch: (state) => state.epoch,
});
