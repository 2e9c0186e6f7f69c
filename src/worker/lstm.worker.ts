/// <reference lib="webworker" />
/** The LSTM figure's worker: the shared session host around the LSTM session. */
import { hostSession } from './session-host.ts';
import { LstmSession, type LstmView } from '../figures/recurrent/lstm-session.ts';
import type { LstmState } from '../figures/recurrent/state.ts';

hostSession<LstmState, number, LstmView>({
  workload: 'tiny',
  create: async (state) => new LstmSession(state),
  startEpoch: (state) => state.epoch,
});
