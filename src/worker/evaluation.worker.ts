/// <reference lib="webworker" />
/**
 * The evaluation figure's worker: downloads the MNIST digits and the checkpoint index
 * once, loads the judged fast-CNN checkpoint, and hosts the session that measures the
 * attribution methods (deletion and insertion curves, the randomisation check,
 * agreement between methods, checkpoints and seeds), reporting progress as it goes.
 */
import { hostSession, DataError } from './session-host.ts';
import { loadMnist, type Mnist } from '../data/mnist/load.ts';
import { loadCheckpoint, loadCheckpointIndex, type CheckpointIndex } from '../train/checkpoints.ts';
import { EvaluationSession, type AvailableCheckpoint, type CheckpointLoader, type EvaluationView } from '../figures/evaluation/session.ts';
import type { EvaluationSelection, EvaluationState } from '../figures/evaluation/state.ts';

const url = (dir: string) => new URL(`${import.meta.env.BASE_URL}${dir}/`.replace(/\/+/g, '/'), self.location.origin).href;
const MODEL = 'fast-cnn';

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

function checkpointIndex(): Promise<CheckpointIndex> {
  index ??= loadCheckpointIndex(url('checkpoints')).catch((e: unknown) => {
    index = null;
    throw new DataError(e instanceof Error ? e.message : String(e));
  });
  return index;
}

const fromServer: CheckpointLoader = async (seed, epoch) => {
  try {
    const entry = (await checkpointIndex()).checkpoints.find((c) => c.model === MODEL && c.seed === seed && c.epoch === epoch);
    if (!entry) throw new Error(`there is no pre-trained checkpoint for seed ${seed}, epoch ${epoch}`);
    return await loadCheckpoint(url('checkpoints'), entry);
  } catch (error) {
    throw error instanceof DataError ? error : new DataError(error instanceof Error ? error.message : String(error));
  }
};

hostSession<EvaluationState, EvaluationSelection, EvaluationView>({
  workload: 'heavy',
  create: async (state, progress) => {
    const [digits, idx] = await Promise.all([mnist(progress), checkpointIndex()]);
    const available: AvailableCheckpoint[] = idx.checkpoints
      .filter((c) => c.model === MODEL)
      .map((c) => ({ seed: c.seed, epoch: c.epoch, testAccuracy: c.testAccuracy ?? null }));
    return EvaluationSession.create(state, digits, fromServer, available, progress);
  },
  // Nothing to replay: the figure judges saved checkpoints.
  startEpoch: () => 0,
});
