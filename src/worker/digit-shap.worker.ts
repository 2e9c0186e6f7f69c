/// <reference lib="webworker" />
/**
 * The digit-SHAP figure's worker: downloads the MNIST digits once, loads a
 * pre-trained fast-CNN checkpoint, and hosts the session that explains the
 * selected digit superpixel by superpixel with KernelSHAP.
 */
import { hostSession } from './session-host.ts';
import { mnistCheckpoints, siteFolder } from './mnist-checkpoint.ts';
import { DigitShapSession, type DigitShapView } from '../figures/digit-shap/session.ts';
import type { DigitShapSelection, DigitShapState } from '../figures/digit-shap/state.ts';

const data = mnistCheckpoints({ mnistUrl: siteFolder('generated/mnist'), checkpointsUrl: siteFolder('checkpoints') });

hostSession<DigitShapState, DigitShapSelection, DigitShapView>({
  workload: 'heavy',
  create: async (state, progress) => DigitShapSession.create(state, await data.mnist(progress), data.checkpoints, progress),
  startEpoch: (state) => state.epoch,
});
