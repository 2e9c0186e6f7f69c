/// <reference lib="webworker" />
/**
 * The MLP activation-map figure's worker: downloads the MNIST digits once (with
 * progress), then hosts a session per seed and hyperparameters.
 */
import { hostSession } from './session-host.ts';
import { mnist } from './mnist-source.ts';
import { MlpActivationsSession, type MlpActivationsView } from '../figures/mlp-activations/session.ts';
import type { MlpActivationsState } from '../figures/mlp-activations/state.ts';

hostSession<MlpActivationsState, number, MlpActivationsView>({
  workload: 'heavy',
  create: async (state, progress) => new MlpActivationsSession(state, await mnist(progress)),
  startEpoch: (state) => state.epoch,
});
