/// <reference lib="webworker" />
/** The transparency–performance figure's worker: the shared session host around the MLP and the tree. */
import { hostSession } from './session-host.ts';
import { TradeoffSession, type TradeoffView } from '../figures/tradeoff/session.ts';
import type { TradeoffState } from '../figures/tradeoff/state.ts';

hostSession<TradeoffState, number, TradeoffView>({
  workload: 'tiny',
  create: async (state) => new TradeoffSession(state),
  startEpoch: (state) => state.epoch,
});
