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
      return tf.train.momentum(learningRate, 0.9);
    case 'adam':
      return tf.train.adam(learningRate, 0.9, 0.999, 1e-7);
  }
}
