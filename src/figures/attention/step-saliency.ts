/**
 * Gradient saliency over time for a sequence classifier: for each sequence i and
 * step t, S_{i,t} = max_f |∂ y_{i,c_i} / ∂ x_{i,t,f}|, where c_i is the class asked
 * about (usually the predicted one) and f runs over the features of a step. The
 * reduction over features by the largest magnitude is the one Simonyan et al. (2014)
 * use over colour channels.
 *
 * One backward pass for the whole batch: the gradient of Σ_i y_{i,c_i} splits row by
 * row, because an inference-mode model treats rows independently (as in
 * src/explain/target-gradient.ts, with one target per row instead of one for all).
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import type * as tfl from '@tensorflow/tfjs-layers';
import { modelPredict } from '../../explain/model-graph.ts';

/** x [n, T, F], targets n class indices → Float32Array n×T (row-major). */
export async function stepSaliency(model: tfl.LayersModel, x: tf.Tensor3D, targets: Int32Array): Promise<Float32Array> {
  const n = x.shape[0];
  const predict = modelPredict(model);
  if (targets.length !== n) throw new Error(`stepSaliency: ${n} sequences but ${targets.length} targets`);
  const s = tf.tidy(() => {
    const classes = (model.outputs[0]!.shape as number[])[1]!;
    const mask = tf.oneHot(tf.tensor1d(targets, 'int32'), classes).toFloat();
    const g = tf.grad((z: tf.Tensor) => tf.sum(tf.mul(predict(z), mask)))(x);
    return tf.max(tf.abs(g), -1);
  });
  const out = (await s.data()) as Float32Array;
  s.dispose();
  return out;
}
