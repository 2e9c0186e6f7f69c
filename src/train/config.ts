/**
 * Training hyperparameters, typed and checked before a single step runs, so an
 * impossible value from a link or a slider gets a sentence, not a stack trace.
 */
import type { LossName } from './losses.ts';

export type OptimizerName = 'sgd' | 'momentum' | 'adam';
export const OPTIMIZERS: readonly OptimizerName[] = ['sgd', 'momentum', 'adam'];

export interface TrainConfig {
  optimizer: OptimizerName;
  learningRate: number;
  batchSize: number;
  epochs: number;
  loss: LossName;
  seed: number;
  /** Reshuffle the training rows each epoch (seeded). */
  shuffle: boolean;
}

export class ConfigError extends RangeError {}

export function validateTrainConfig(c: TrainConfig, rows: number): void {
  if (!OPTIMIZERS.includes(c.optimizer)) {
    throw new ConfigError(`optimizer must be one of ${OPTIMIZERS.join(', ')}; got "${c.optimizer}"`);
  }
  if (!Number.isFinite(c.learningRate) || c.learningRate <= 0 || c.learningRate > 100) {
    throw new ConfigError(`learning rate must be a number in (0, 100]; got ${c.learningRate}`);
  }
  if (!Number.isInteger(c.batchSize) || c.batchSize < 1 || c.batchSize > Math.max(rows, 1)) {
    throw new ConfigError(`batch size must be an integer from 1 to the ${rows} training rows; got ${c.batchSize}`);
  }
  if (!Number.isInteger(c.epochs) || c.epochs < 1 || c.epochs > 100_000) {
    throw new ConfigError(`epochs must be an integer from 1 to 100000; got ${c.epochs}`);
  }
  if (!Number.isInteger(c.seed) || c.seed < 0 || c.seed > 2 ** 31) {
    throw new ConfigError(`seed must be a non-negative integer below 2^31; got ${c.seed}`);
  }
}
