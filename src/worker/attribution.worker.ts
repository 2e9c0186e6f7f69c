/// <reference lib="webworker" />
/**
 * The attribution figure's worker: downloads the MNIST digits once (with progress),
 * loads a pre-trained checkpoint of the fast or the documents' CNN, and hosts the session that explains the
 * selected digit; the reader may switch checkpoints or train further.
 */
import { hostSession, DataError } from './session-host.ts';
import { loadMnist, type Mnist } from '../data/mnist/load.ts';
import { loadCheckpoint, loadCheckpointIndex, pickCheckpoint, type CheckpointIndex } from '../train/checkpoints.ts';
import { AttributionSession, CHECKPOINT_SEED, type AttributionView, type CheckpointSource } from '../figures/attribution/session.ts';
import { checkedCheckpoint, type AttributionSelection, type AttributionState } from '../figures/attribution/state.ts';

const url = (dir: string) => new URL(`${import.meta.env.BASE_URL}${dir}/`.replace(/\/+/g, '/'), self.location.origin).href;

let data: Promise<Mnist> | null = null;
let index: Promise<CheckpointIndex> | null = null;

function mnist(progress: (fraction: number, message: string) => void): Promise<Mnist> {
  data ??= loadMnist(url('generated/mnist'), {
    onProgress: ({ received, total }) => progress(total ? received / total : 0, `downloading MNIST (${(received / 1e6).toFixed(1)} of ${(total / 1e6).toFixed(1)} MB)`),
  }).catch((error: unknown) => {
    data = null; // let a later reset try again
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
    if (!entry || entry.epoch !== epoch) throw new Error(`there is no pre-trained ${model} checkpoint for epoch ${epoch}`);
    return await loadCheckpoint(url('checkpoints'), entry);
  } catch (error) {
    throw new DataError(error instanceof Error ? error.message : String(error));
  }
};

hostSession<AttributionState, AttributionSelection, AttributionView>({
  workload: 'heavy',
  // A link naming a checkpoint its model lacks was corrected (with a notice) by the page.
  create: async (state, progress) => AttributionSession.create(checkedCheckpoint(state).state, await mnist(progress), fromServer, progress),
  startEpoch: (state) => state.epoch,
});
