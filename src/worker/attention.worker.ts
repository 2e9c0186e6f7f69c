/// <reference lib="webworker" />
/** The attention figure's worker: the shared session host around the attention session. */
import { hostSession } from './session-host.ts';
import { AttentionSession, type AttentionView } from '../figures/attention/session.ts';
import type { AttentionState } from '../figures/attention/state.ts';

hostSession<AttentionState, number, AttentionView>({
  // An LSTM of 16 units runs many small kernels per step: dispatch overhead dominates on a GPU.
  workload: 'tiny',
  create: async (state) => new AttentionSession(state),
  startEpoch: (state) => state.epoch,
});
