/**
 * The engine lab: scenarios that run the book's real engine (models, Trainer,
 * explainers) on one TF.js backend and return plain JSON. Hosted by
 * src/worker/lab.worker.ts behind /lab/engine/; driven by `npm run bench` and the
 * lab end-to-end tests.
 */
import type { LabContext } from './common.ts';
import type { ExplainersOptions, ScenarioName, ScenarioOptions, ScenarioResult, TimeToAccuracyOptions, TrainThroughputOptions } from './protocol.ts';
import { trainThroughput } from './train-throughput.ts';
import { timeToAccuracy } from './time-to-accuracy.ts';
import { explainers } from './explainers.ts';
import { info } from './info.ts';

export type { LabContext } from './common.ts';
export * from './protocol.ts';

export function runScenario(ctx: LabContext, scenario: ScenarioName, options: ScenarioOptions): Promise<ScenarioResult> {
  switch (scenario) {
    case 'info':
      return info(ctx);
    case 'train-throughput':
      return trainThroughput(ctx, options as TrainThroughputOptions);
    case 'time-to-accuracy':
      return timeToAccuracy(ctx, options as TimeToAccuracyOptions);
    case 'explainers':
      return explainers(ctx, options as ExplainersOptions);
    default:
      return Promise.reject(new Error(`unknown scenario ${JSON.stringify(scenario)}; choose train-throughput, time-to-accuracy or explainers`));
  }
}
