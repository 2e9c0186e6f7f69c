/// <reference lib="webworker" />
/**
 * The image LIME figure's worker: MNIST digits and a pre-trained fast-CNN
 * checkpoint (src/worker/mnist-checkpoint.ts, as the attribution figure loads them), hosting LimeImageSession.
 */
import { hostSession } from './session-host.ts';
import { mnistCheckpoints, siteFolder } from './mnist-checkpoint.ts';
import { LimeImageSession, type LimeImageView } from '../figures/lime/image-session.ts';
import type { LimeImageSelection, LimeImageState } from '../figures/lime/image-state.ts';

const data = mnistCheckpoints({ mnistUrl: siteFolder('generated/mnist'), checkpointsUrl: siteFolder('checkpoints') });

hostSession<LimeImageState, LimeImageSelection, LimeImageView>({
  workload: 'heavy',
  create: async (state, progress) => LimeImageSession.create(state, await data.mnist(progress), data.checkpoints, progress),
  startEpoch: (state) => state.epoch,
});
