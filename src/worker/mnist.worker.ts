/// <reference lib="webworker" />
/**
 * The MNIST training figure's worker: downloads the digits once (with progress),
 * then hosts a session per model and hyperparameters.
 */
import { hostSession, DataError } from './session-host.ts';
import { checkpointIndex, loadEntry, mnist } from './mnist-source.ts';
import { MnistSession, type CheckpointSource, type MnistView } from '../figures/mnist/session.ts';
import { pickCheckpoint } from '../train/checkpoints.ts';
import { said } from '../i18n/worker-messages.ts';
import type { MnistState } from '../figures/mnist/state.ts';

const checkpoints: CheckpointSource = async (model, seed, epoch) => {
  const entry = pickCheckpoint(await checkpointIndex(), model, seed, epoch);
  if (!entry || entry.epoch !== epoch) throw new DataError(said('worker.noWeights', { model, seed, epoch }));
  return loadEntry(entry);
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
