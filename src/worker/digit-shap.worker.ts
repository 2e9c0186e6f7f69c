/// <reference lib="webworker" />
/**
 * The digit-SHAP figure's worker: downloads the MNIST digits once, loads a
 * pre-trained fast-CNN checkpoint, and hosts the session that explains the
 * selected digit superpixel by superpixel with KernelSHAP.
 */
import { hostSession, DataError } from './session-host.ts';
import { loadMnist, type Mnist } from '../data/mnist/load.ts';
import { loadCheckpoint, loadCheckpointIndex, pickCheckpoint, type CheckpointIndex } from '../train/checkpoints.ts';
import { CHECKPOINT_SEED, type CheckpointSource } from '../figures/attribution/session.ts';
import { DigitShapSession, type DigitShapView } from '../figures/digit-shap/session.ts';
import type { DigitShapSelection, DigitShapState } from '../figures/digit-shap/state.ts';

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

hostSession<DigitShapState, DigitShapSelection, DigitShapView>({
  workload: 'heavy',
  create: async (state, progress) => DigitShapSession.create(state, await mnist(progress), fromServer, progress),
  startEpoch: (state) => state.epoch,
});
