/// <reference lib="webworker" />
/** The vanishing-gradient figure's worker: the shared session host around the RNN-vs-LSTM session. */
import { hostSession } from './session-host.ts';
import { VanishSession, type VanishView } from '../figures/recurrent/vanish-session.ts';
import type { VanishState } from '../figures/recurrent/state.ts';

hostSession<VanishState, null, VanishView>({
  workload: 'tiny',
  create: async (state) => new VanishSession(state),
  startEpoch: (state) => state.epoch,
});
