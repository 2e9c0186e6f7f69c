/// <reference lib="webworker" />
/**
 * The Clever Hans figure's worker: downloads the MNIST subset once (with progress),
 * then hosts a session per marked class, marker corner and training settings.
 */
import { hostSession } from './session-host.ts';
import { mnist } from './mnist-source.ts';
import { CleverHansSession, type CleverHansView } from '../figures/clever-hans/session.ts';
import type { CleverHansSelection, CleverHansState } from '../figures/clever-hans/state.ts';

hostSession<CleverHansState, CleverHansSelection, CleverHansView>({
  workload: 'heavy',
  create: async (state, progress) => new CleverHansSession(state, await mnist(progress)),
  startEpoch: (state) => state.epoch,
});
