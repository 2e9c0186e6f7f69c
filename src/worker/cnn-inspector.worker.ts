/// <reference lib="webworker" />
/**
 * The CNN inspector's worker: downloads the MNIST digits once (for the test digits),
 * loads a pre-trained fast-CNN checkpoint, and computes filters, feature maps and
 * probabilities for the test digit or drawing the reader picks. It does not train.
 */
import { hostSession } from './session-host.ts';
import { checkpoint, mnist } from './mnist-source.ts';
import { InspectorSession, INSPECTOR_SEED, type InspectorCheckpoints, type InspectorView } from '../figures/cnn-inspector/session.ts';
import type { InspectorSelection, InspectorState } from '../figures/cnn-inspector/state.ts';

const fromServer: InspectorCheckpoints = (epoch) => checkpoint('fast-cnn', INSPECTOR_SEED, epoch);

hostSession<InspectorState, InspectorSelection, InspectorView>({
  workload: 'heavy',
  create: async (state, progress) => InspectorSession.create(state, await mnist(progress), fromServer, progress),
  startEpoch: () => 0,
});
