/// <reference lib="webworker" />
/**
 * The evaluation figure's worker: downloads the MNIST digits and the checkpoint index
 * once, loads the judged fast-CNN checkpoint, and hosts the session that measures the
 * attribution methods (deletion and insertion curves, the randomisation check,
 * agreement between methods, checkpoints and seeds), reporting progress as it goes.
 */
import { hostSession, DataError } from './session-host.ts';
import { checkpointIndex, loadEntry, mnist } from './mnist-source.ts';
import { said } from '../i18n/worker-messages.ts';
import { EvaluationSession, type AvailableCheckpoint, type CheckpointLoader, type EvaluationView } from '../figures/evaluation/session.ts';
import type { EvaluationSelection, EvaluationState } from '../figures/evaluation/state.ts';

const MODEL = 'fast-cnn';

const fromServer: CheckpointLoader = async (seed, epoch) => {
  const entry = (await checkpointIndex()).checkpoints.find((c) => c.model === MODEL && c.seed === seed && c.epoch === epoch);
  if (!entry) throw new DataError(said('worker.noCheckpointSeed', { seed, epoch }));
  return loadEntry(entry);
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
