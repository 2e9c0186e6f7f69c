/**
 * The one gradient every gradient-based explainer needs.
 */
import * as tf from '@tensorflow/tfjs-core';
// tfjs-core alone registers no gradients (the @tensorflow/tfjs bundle does); tf.grad needs them.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import type { Predict } from './types.ts';

/**
 * ∂ f_target(x_i) / ∂ x_i for every row i of a batch, in one backward pass:
 * the gradient of Σ_i f_target(x_i), which splits row by row because an
 * inference-mode model treats rows independently. Returns a tensor of the batch's
 * shape; the caller owns it.
 */
export function targetGradient(predict: Predict, xs: tf.Tensor, target: number): tf.Tensor {
  return tf.tidy(() => {
    const g = tf.grad((z: tf.Tensor) => tf.sum(tf.slice(predict(z), [0, target], [-1, 1])));
    return g(xs);
  });
}

/** f_target for every row of a batch, as a 1-D tensor `[n]`; the caller owns it. */
export function targetScores(predict: Predict, xs: tf.Tensor, target: number): tf.Tensor1D {
  return tf.tidy(() => tf.reshape(tf.slice(predict(xs), [0, target], [-1, 1]), [-1]) as tf.Tensor1D);
}

/**
 * f_target for every row, read back to numbers, calling `predict` on chunks of
 * at most `batchSize` rows so large perturbation sets fit in memory.
 */
export async function scoresInChunks(
  predict: Predict,
  xs: tf.Tensor,
  target: number,
  batchSize = 4096,
): Promise<Float64Array> {
  const n = xs.shape[0]!;
  const out = new Float64Array(n);
  for (let start = 0; start < n; start += batchSize) {
    const size = Math.min(batchSize, n - start);
    const s = tf.tidy(() => targetScores(predict, tf.slice(xs, start, size), target));
    const v = await s.data();
    s.dispose();
    out.set(v, start);
  }
  return out;
}
