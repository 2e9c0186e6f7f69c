/**
 * The optimizers a reader can pick. Momentum uses β = 0.9 and Adam its paper's
 * defaults (β₁ = 0.9, β₂ = 0.999, ε = 1e-7 as in Keras), so results match Keras.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { OptimizerName } from './config.ts';

export function makeOptimizer(name: OptimizerName, learningRate: number): tf.Optimizer {
  switch (name) {
    case 'sgd':
      return tf.train.sgd(learningRate);
    case 'momentum':
      return new Momentum(learningRate, 0.9);
    case 'adam':
      return tf.train.adam(learningRate, 0.9, 0.999, 1e-7);
  }
}

/**
 * tf.train.momentum, whose dispose() (TF.js 4.22) forgets the learning-rate scalar
 * it inherits from SGD: one leaked tensor per optimizer, so per reset of a figure.
 */
class Momentum extends tf.MomentumOptimizer {
  override dispose(): void {
    super.dispose();
    this.c.dispose();
  }
}
