/// <reference lib="webworker" />
/**
 * The CNN inspector's worker: downloads the MNIST digits once (for the test digits),
 * loads a pre-trained fast-CNN checkpoint, and computes filters, feature maps and
 * probabilities for the test digit or drawing the reader picks. It does not train.
 */
import { hostSession, DataError } from './session-host.ts';
import { loadMnist, type Mnist } from '../data/mnist/load.ts';
import { loadCheckpoint, loadCheckpointIndex, pickCheckpoint, type CheckpointIndex } from '../train/checkpoints.ts';
import { InspectorSession, INSPECTOR_SEED, type InspectorCheckpoints, type InspectorView } from '../figures/cnn-inspector/session.ts';
import type { InspectorSelection, InspectorState } from '../figures/cnn-inspector/state.ts';

const url = (dir: string) => new URL(`${import.meta.env.BASE_URL}${dir}/`.replace(/\/+/g, '/'), self.location.origin).href;

let data: Promise<Mnist> | null = null;
let index: Promise<CheckpointIndex> | null = null;

function mnist(progress: (fraction: number, message: string) => void): Promise<Mnist> {
  data ??= loadMnist(url('generated/mnist'), {
    onProgress: ({ received, total }) => progress(total ? received / total : 0, `downloading MNIST (${(received / 1e6).toFixed(1)} of ${(total / 1e6).toFixed(1)} MB)`),
  }).catch((error: unknown) => {
    data = null; // let a later attempt try again
    throw new DataError(error instanceof Error ? error.message : String(error));
  });
  return data;
}

const fromServer: InspectorCheckpoints = async (epoch) => {
  try {
    index ??= loadCheckpointIndex(url('checkpoints')).catch((e: unknown) => {
      index = null;
      throw e;
    });
    const entry = pickCheckpoint(await index, 'fast-cnn', INSPECTOR_SEED, epoch);
    if (!entry || entry.epoch !== epoch) throw new Error(`there is no pre-trained checkpoint for epoch ${epoch}`);
    return await loadCheckpoint(url('checkpoints'), entry);
  } catch (error) {
    throw new DataError(error instanceof Error ? error.message : String(error));
  }
};

hostSession<InspectorState, InspectorSelection, InspectorView>({
  workload: 'heavy',
  create: async (state, progress) => InspectorSession.create(state, await mnist(progress), fromServer, progress),
  startEpoch: () => 0,
});
