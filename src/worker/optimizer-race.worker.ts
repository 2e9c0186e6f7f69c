/// <reference lib="webworker" />
/** The optimizer race's worker: the shared session host around the race session. */
import { hostSession } from './session-host.ts';
import { RaceSession, type RaceView } from '../figures/optimizer-race/session.ts';
import type { RaceState } from '../figures/optimizer-race/state.ts';

hostSession<RaceState, null, RaceView>({
  workload: 'tiny',
  create: async (state) => new RaceSession(state),
  startEpoch: (state) => state.epoch,
});
