/// <reference lib="webworker" />
/** The tabular LIME figure's worker: the shared session host around LimeSession. */
import { hostSession } from './session-host.ts';
import { LimeSession, type LimeView } from '../figures/lime/session.ts';
import type { LimeSelection, LimeState } from '../figures/lime/state.ts';

hostSession<LimeState, LimeSelection, LimeView>({
  workload: 'tiny',
  create: async (state) => new LimeSession(state),
  startEpoch: (state) => state.epoch,
});
