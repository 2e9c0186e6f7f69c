/// <reference lib="webworker" />
/**
 * The MNIST training figure's worker: downloads the digits once (with progress),
 * then hosts a session per model and hyperparameters.
 */
import { hostSession, DataError } from './session-host.ts';
import { loadMnist, type Mnist } from '../data/mnist/load.ts';
import { MnistSession, type CheckpointSource, type MnistView } from '../figures/mnist/session.ts';
import { loadCheckpoint, loadCheckpointIndex, pickCheckpoint } from '../train/checkpoints.ts';
import type { MnistState } from '../figures/mnist/state.ts';

/** A URL under the site's base path (works when the book is served from a sub-path). */
const siteUrl = (path: string) => new URL(`${import.meta.env.BASE_URL}${path}`.replace(/\/+/g, '/'), self.location.origin).href;

let data: Promise<Mnist> | null = null;

function mnist(progress: (fraction: number, message: string) => void): Promise<Mnist> {
  const base = siteUrl('generated/mnist/');
  data ??= loadMnist(base, {
    onProgress: ({ received, total }) => progress(total ? received / total : 0, `downloading MNIST (${(received / 1e6).toFixed(1)} of ${(total / 1e6).toFixed(1)} MB)`),
  }).catch((error: unknown) => {
    data = null; // let a later reset try again
    throw new DataError(error instanceof Error ? error.message : String(error));
  });
  return data;
}

const checkpoints: CheckpointSource = async (model, seed, epoch) => {
  const base = siteUrl('checkpoints/');
  const entry = pickCheckpoint(await loadCheckpointIndex(base), model, seed, epoch);
  if (!entry || entry.epoch !== epoch) {
    throw new DataError(`There are no pre-trained weights for the ${model} with seed ${seed} at epoch ${epoch}. Pre-trained checkpoints exist for the fast CNN with seed 1.`);
  }
  return loadCheckpoint(base, entry);
};

hostSession<MnistState, number, MnistView>({
  workload: 'heavy',
  create: async (state, progress) => {
    const session = new MnistSession(state, await mnist(progress), checkpoints);
    // A link made after skipping ahead restores the same checkpoint, then replays the rest.
    if (state.from > 0) await session.loadCheckpoint(state.from);
    return session;
  },
  startEpoch: (state) => state.epoch,
});
