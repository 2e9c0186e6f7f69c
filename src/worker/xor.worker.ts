/// <reference lib="webworker" />
/** The XOR figure's worker: the shared session host around the XOR session. */
import { hostSession } from './session-host.ts';
import { XorSession, type XorView } from '../figures/xor/session.ts';
import type { XorState } from '../figures/xor/state.ts';

hostSession<XorState, number, XorView>({
  workload: 'tiny',
  create: async (state) => new XorSession(state),
  startEpoch: (state) => state.epoch,
});
