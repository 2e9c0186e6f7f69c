/// <reference lib="webworker" />
/**
 * The image LIME figure's worker: MNIST digits and a pre-trained fast-CNN
 * checkpoint (as the attribution figure's worker loads them), hosting LimeImageSession.
 */
import { hostSession } from './session-host.ts';
import { checkpoint, mnist } from './mnist-source.ts';
import { CHECKPOINT_SEED, type CheckpointSource } from '../figures/attribution/session.ts';
import { LimeImageSession, type LimeImageView } from '../figures/lime/image-session.ts';
import type { LimeImageSelection, LimeImageState } from '../figures/lime/image-state.ts';

const fromServer: CheckpointSource = (model, epoch) => checkpoint(model, CHECKPOINT_SEED, epoch);

hostSession<LimeImageState, LimeImageSelection, LimeImageView>({
  workload: 'heavy',
  create: async (state, progress) => LimeImageSession.create(state, await mnist(progress), fromServer, progress),
  startEpoch: (state) => state.epoch,
});
