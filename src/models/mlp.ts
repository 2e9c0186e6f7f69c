/**
 * A multilayer perceptron: a⁽ˡ⁾ = f(W⁽ˡ⁾a⁽ˡ⁻¹⁾ + b⁽ˡ⁾), one Dense layer per entry of
 * `hidden`, then an output layer. Used for XOR (2 → 4 → 1) and for the tabular data.
 *
 * Weights are drawn from a seeded Glorot-uniform initializer, one sub-seed per layer,
 * so the same seed gives the same network on every backend.
 */
import * as tfl from '@tensorflow/tfjs-layers';
import { subSeed } from '../engine/random.ts';

export type Activation = 'sigmoid' | 'tanh' | 'relu';

export interface MlpOptions {
  /** Number of input features. */
  inputs: number;
  /** Units of each hidden layer, e.g. [4] for one hidden layer of four neurons. */
  hidden: number[];
  /** Output units: 1 with a sigmoid for binary tasks, k with a softmax for k classes. */
  outputs: number;
  /** Activation of the hidden layers. */
  activation: Activation;
  seed: number;
}

export function validateMlpOptions(o: MlpOptions): void {
  if (!Number.isInteger(o.inputs) || o.inputs < 1) throw new RangeError(`inputs must be a positive integer, got ${o.inputs}`);
  if (!Number.isInteger(o.outputs) || o.outputs < 1) throw new RangeError(`outputs must be a positive integer, got ${o.outputs}`);
  for (const h of o.hidden) {
    if (!Number.isInteger(h) || h < 1 || h > 512) throw new RangeError(`hidden layer sizes must be integers in 1..512, got ${h}`);
  }
}

export function buildMlp(o: MlpOptions): tfl.Sequential {
  validateMlpOptions(o);
  const model = tfl.sequential({ name: 'mlp' });
  o.hidden.forEach((units, i) => {
    model.add(
      tfl.layers.dense({
        name: `hidden${i + 1}`,
        units,
        activation: o.activation,
        inputShape: i === 0 ? [o.inputs] : undefined,
        kernelInitializer: tfl.initializers.glorotUniform({ seed: subSeed(o.seed, `hidden${i + 1}`) }),
        biasInitializer: 'zeros',
      }),
    );
  });
  model.add(
    tfl.layers.dense({
      name: 'output',
      units: o.outputs,
      activation: o.outputs === 1 ? 'sigmoid' : 'softmax',
      inputShape: o.hidden.length === 0 ? [o.inputs] : undefined,
      kernelInitializer: tfl.initializers.glorotUniform({ seed: subSeed(o.seed, 'output') }),
      biasInitializer: 'zeros',
    }),
  );
  return model;
}
