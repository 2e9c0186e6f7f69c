/// <reference lib="webworker" />
/**
 * The image LIME figure's worker: MNIST digits and a pre-trained fast-CNN
 * checkpoint (as the attribution figure's worker loads them), hosting LimeImageSession.
 */
import { hostSession, DataError } from './session-host.ts';
import { loadMnist, type Mnist } from '../data/mnist/load.ts';
import { loadCheckpoint, loadCheckpointIndex, pickCheckpoint, type CheckpointIndex } from '../train/checkpoints.ts';
import { CHECKPOINT_SEED, type CheckpointSource } from '../figures/attribution/session.ts';
import { LimeImageSession, type LimeImageView } from '../figures/lime/image-session.ts';
import type { LimeImageSelection, LimeImageState } from '../figures/lime/image-state.ts';

const url = (dir: string) => new URL(`${import.meta.env.BASE_URL}${dir}/`.replace(/\/+/g, '/'), self.location.origin).href;

let data: Promise<Mnist> | null = null;
let index: Promise<CheckpointIndex> | null = null;

function mnist(progress: (fraction: number, message: string) => void): Promise<Mnist> {
  data ??= loadMnist(url('generated/mnist'), {
    onProgress: ({ received, total }) => progress(total ? received / total : 0, `downloading MNIST (${(received / 1e6).toFixed(1)} of ${(total / 1e6).toFixed(1)} MB)`),
  }).catch((error: unknown) => {
    data = null;
    throw new DataError(error instanceof Error ? error.message : String(error));
  });
  return data;
}

const fromServer: CheckpointSource = async (model, epoch) => {
  try {
    index ??= loadCheckpointIndex(url('checkpoints')).catch((e: unknown) => {
      index = null;
      throw e;
    });
    const entry = pickCheckpoint(await index, model, CHECKPOINT_SEED, epoch);
    if (!entry || entry.epoch !== epoch) throw new Error(`there is no pre-trained checkpoint for epoch ${epoch}`);
    return await loadCheckpoint(url('checkpoints'), entry);
  } catch (error) {
    throw new DataError(error instanceof Error ? error.message : String(error));
  }
};

hostSession<LimeImageState, LimeImageSelection, LimeImageView>({
  workload: 'heavy',
  create: async (state, progress) => LimeImageSession.create(state, await mnist(progress), fromServer, progress),
  startEpoch: (state) => state.epoch,
});
