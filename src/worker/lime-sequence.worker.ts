/// <reference lib="webworker" />
/** The sequence LIME figure's worker: the shared session host around LimeSequenceSession. */
import { hostSession } from './session-host.ts';
import { LimeSequenceSession, type LimeSequenceView } from '../figures/lime-sequence/session.ts';
import type { LimeSequenceSelection, LimeSequenceState } from '../figures/lime-sequence/state.ts';

hostSession<LimeSequenceState, LimeSequenceSelection, LimeSequenceView>({
  // The attention model's LSTM runs many small kernels per step: dispatch overhead dominates on a GPU.
  workload: 'tiny',
  create: async (state) => new LimeSequenceSession(state),
  startEpoch: (state) => state.epoch,
});
