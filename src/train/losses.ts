/**
 * Losses and accuracy, written once for the training loop and the explainers.
 * Each takes predictions (probabilities) and targets of the same shape and returns a scalar.
 */
import * as tf from '@tensorflow/tfjs-core';

export type LossName = 'binaryCrossentropy' | 'categoricalCrossentropy' | 'meanSquaredError';

const EPS = 1e-7;

/** L = −(1/n) Σ [y log p + (1−y) log(1−p)] */
function binaryCrossentropy(y: tf.Tensor, p: tf.Tensor): tf.Scalar {
  const q = tf.clipByValue(p, EPS, 1 - EPS);
  return tf.neg(tf.mean(tf.add(tf.mul(y, tf.log(q)), tf.mul(tf.sub(1, y), tf.log(tf.sub(1, q)))))) as tf.Scalar;
}

/** L = −(1/n) Σ_i Σ_k y_ik log p_ik */
function categoricalCrossentropy(y: tf.Tensor, p: tf.Tensor): tf.Scalar {
  const q = tf.clipByValue(p, EPS, 1 - EPS);
  return tf.neg(tf.mean(tf.sum(tf.mul(y, tf.log(q)), -1))) as tf.Scalar;
}

/** L = (1/n) Σ (y − p)² */
function meanSquaredError(y: tf.Tensor, p: tf.Tensor): tf.Scalar {
  return tf.mean(tf.squaredDifference(y, p));
}

export const LOSSES: Record<LossName, (y: tf.Tensor, p: tf.Tensor) => tf.Scalar> = {
  binaryCrossentropy,
  categoricalCrossentropy,
  meanSquaredError,
};

/** Fraction of rows whose predicted class matches the target (threshold 0.5 for one output). */
export function accuracy(y: tf.Tensor, p: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    const last = p.shape[p.shape.length - 1];
    if (last === 1) return tf.mean(tf.cast(tf.equal(tf.greaterEqual(p, 0.5), tf.greaterEqual(y, 0.5)), 'float32'));
    return tf.mean(tf.cast(tf.equal(tf.argMax(p, -1), tf.argMax(y, -1)), 'float32'));
  });
}
