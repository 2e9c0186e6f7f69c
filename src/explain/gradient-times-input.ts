/**
 * Gradient × input.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Predict } from './types.ts';
import { assertFiniteTensor, assertPredict, assertSingleExample, assertTarget, outputClasses } from './validate.ts';
import { targetGradient } from './target-gradient.ts';

/**
 * Gradient × input  A(x) = x ⊙ ∂ y_c / ∂ x, the same shape as `x` (signed).
 *
 * Reference: Shrikumar, Greenside, Shcherbina & Kundaje, "Not Just a Black Box:
 * Learning Important Features Through Propagating Activation Differences",
 * arXiv:1605.01713 (2016); also Shrikumar et al. 2017 ICML, arXiv:1704.02685.
 * Same as captum's `InputXGradient`. For a linear model f(x) = w·x + b it is
 * w ⊙ x, i.e. integrated gradients with a zero baseline.
 */
export async function gradientTimesInput(predict: Predict, x: tf.Tensor, target: number): Promise<tf.Tensor> {
  assertPredict(predict);
  assertSingleExample('x', x);
  await assertFiniteTensor('x', x);
  assertTarget(target, outputClasses(predict, x));
  return tf.tidy(() => tf.mul(x, targetGradient(predict, x, target)));
}
