/**
 * Builds a model inside `tf.tidy`. tfjs's LSTM makes its unit-forget-bias initial
 * value from four temporary tensors it never frees (LSTMCell.build); a tidy frees
 * them, while the weights, being variables, survive.
 */
import * as tf from '@tensorflow/tfjs-core';

export function tidyBuild<T>(build: () => T): T {
  let out: T | undefined;
  tf.tidy(() => {
    out = build();
  });
  return out!;
}
