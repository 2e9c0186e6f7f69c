/// <reference lib="webworker" />
/**
 * The attribution figure's worker: downloads the MNIST digits once (with progress),
 * loads a pre-trained checkpoint of the fast or the documents' CNN, and hosts the session that explains the
 * selected digit; the reader may switch checkpoints or train further.
 */
import { hostSession } from './session-host.ts';
import { mnistCheckpoints, siteFolder } from './mnist-checkpoint.ts';
import { AttributionSession, type AttributionView } from '../figures/attribution/session.ts';
import { checkedCheckpoint, type AttributionSelection, type AttributionState } from '../figures/attribution/state.ts';

const data = mnistCheckpoints({
  mnistUrl: siteFolder('generated/mnist'),
  checkpointsUrl: siteFolder('checkpoints'),
  missing: (model, epoch) => `there is no pre-trained ${model} checkpoint for epoch ${epoch}`,
});

hostSession<AttributionState, AttributionSelection, AttributionView>({
  workload: 'heavy',
  // A link naming a checkpoint its model lacks was corrected (with a notice) by the page.
  create: async (state, progress) => AttributionSession.create(checkedCheckpoint(state).state, await data.mnist(progress), data.checkpoints, progress),
  startEpoch: (state) => state.epoch,
});
