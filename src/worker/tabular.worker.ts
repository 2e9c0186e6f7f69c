/// <reference lib="webworker" />
/**
 * The tabular figures' worker (feature importance, SHAP): the shared session host
 * around the tabular MLP session, which trains on makeClassification data and
 * answers explain requests.
 */
import { hostSession } from './session-host.ts';
import { TabularSession, type TabularView } from '../figures/tabular/session.ts';
import type { TabularSelection, TabularState } from '../figures/tabular/state.ts';

hostSession<TabularState, TabularSelection, TabularView>({
  workload: 'tiny',
  create: async (state) => new TabularSession(state),
  startEpoch: (state) => state.epoch,
});
