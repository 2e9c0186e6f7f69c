/// <reference lib="webworker" />
/**
 * The digit-SHAP figure's worker: downloads the MNIST digits once, loads a
 * pre-trained fast-CNN checkpoint, and hosts the session that explains the
 * selected digit superpixel by superpixel with KernelSHAP.
 */
import { hostSession } from './session-host.ts';
import { checkpoint, mnist } from './mnist-source.ts';
import { CHECKPOINT_SEED, type CheckpointSource } from '../figures/attribution/session.ts';
import { DigitShapSession, type DigitShapView } from '../figures/digit-shap/session.ts';
import type { DigitShapSelection, DigitShapState } from '../figures/digit-shap/state.ts';

const fromServer: CheckpointSource = (model, epoch) => checkpoint(model, CHECKPOINT_SEED, epoch);

hostSession<DigitShapState, DigitShapSelection, DigitShapView>({
  workload: 'heavy',
  create: async (state, progress) => DigitShapSession.create(state, await mnist(progress), fromServer, progress),
  startEpoch: (state) => state.epoch,
});
