/**
 * How far back in time a recurrent classifier's gradient reaches.
 *
 * For a model  x → recurrent layer → Dense(softmax)  we differentiate the class
 * *score* (the logit z_c, before the softmax, so a confident prediction does not
 * flatten it) with respect to each time step's input and take the norm per step:
 *
 *   g_t = ‖∂ z_c / ∂ x_t‖₂,   t = 1 … T.
 *
 * By the chain rule g_t runs through ∂h_T/∂h_t, the product of T − t step
 * Jacobians, so a vanishing product shows up as g_t falling off towards t = 1.
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import '@tensorflow/tfjs-core/dist/register_all_gradients';

/** The logits of a [recurrent, dense-softmax] Sequential: the dense layer without its softmax. */
export function logitsOf(model: tfl.LayersModel): (x: tf.Tensor) => tf.Tensor2D {
  const recurrent = model.layers[0]!;
  const dense = model.layers[model.layers.length - 1]!;
  return (x) => {
    const [kernel, bias] = dense.getWeights() as [tf.Tensor2D, tf.Tensor1D];
    return tf.add(tf.matMul(recurrent.apply(x) as tf.Tensor2D, kernel), bias);
  };
}

/**
 * g[n, t] = ‖∂ z_{c_n} / ∂ x_{n,t}‖ for every sequence n of the batch and its own
 * class c_n (`targets[n]`), in one backward pass. Returns a row-major n × T array.
 */
export async function gradientNormsPerStep(model: tfl.LayersModel, x: tf.Tensor3D, targets: ArrayLike<number>): Promise<Float32Array> {
  const [n, , ] = x.shape;
  if (targets.length !== n) throw new RangeError(`gradientNormsPerStep: ${n} sequences but ${targets.length} targets`);
  const logits = logitsOf(model);
  const norms = tf.tidy(() => {
    const classes = (model.outputs[0]!.shape as number[])[1]!;
    const mask = tf.oneHot(tf.tensor1d(Int32Array.from(targets), 'int32'), classes).toFloat();
    const g = tf.grad((z: tf.Tensor) => tf.sum(tf.mul(logits(z), mask)))(x);
    return tf.sqrt(tf.sum(tf.square(g), -1));
  });
  const out = (await norms.data()) as Float32Array;
  norms.dispose();
  return out;
}

/** Mean over sequences of a row-major n × T array: one value per time step. */
export function meanPerStep(values: Float32Array, n: number, steps: number): Float32Array {
  const out = new Float32Array(steps);
  for (let r = 0; r < n; r++) for (let t = 0; t < steps; t++) out[t]! += values[r * steps + t]! / n;
  return out;
}

/**
 * The share of each sequence's gradient norm that falls on its important steps,
 * averaged over sequences: Σ_{t ∈ important} g_t / Σ_t g_t. Chance (a gradient
 * spread evenly over time) is k / T.
 */
export function massOnImportant(norms: Float32Array, important: Int32Array, n: number, steps: number, k: number): number {
  let total = 0;
  for (let r = 0; r < n; r++) {
    let all = 0;
    let hit = 0;
    for (let t = 0; t < steps; t++) all += norms[r * steps + t]!;
    for (let j = 0; j < k; j++) hit += norms[r * steps + important[r * k + j]!]!;
    total += all > 0 ? hit / all : 0;
  }
  return total / n;
}
