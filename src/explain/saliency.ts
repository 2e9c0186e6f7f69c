/**
 * Vanilla gradient saliency.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Predict } from './types.ts';
import { assertFiniteTensor, assertPredict, assertSingleExample, assertTarget, outputClasses } from './validate.ts';
import { targetGradient } from './target-gradient.ts';

export interface SaliencyOptions {
  /** Return |∂y/∂x| (default true, as captum's `Saliency.attribute(abs=True)`). */
  abs?: boolean;
}

/**
 * Gradient saliency  S(x) = ∂ y_c / ∂ x  (or |∂ y_c / ∂ x| when `abs`), the same shape as `x`.
 *
 * Reference: Simonyan, Vedaldi & Zisserman, "Deep Inside Convolutional Networks:
 * Visualising Image Classification Models and Saliency Maps", ICLR workshop 2014,
 * arXiv:1312.6034. The paper reduces colour channels by max |·|; we keep every
 * channel and leave the reduction to the view. `abs` defaults to true like
 * captum's `Saliency`; pass `abs: false` for the signed gradient.
 *
 * y_c is whatever `predict` returns in column `target` (probabilities for a
 * softmax model; the paper uses the pre-softmax score).
 */
export async function saliency(predict: Predict, x: tf.Tensor, target: number, options: SaliencyOptions = {}): Promise<tf.Tensor> {
  assertPredict(predict);
  assertSingleExample('x', x);
  await assertFiniteTensor('x', x);
  assertTarget(target, outputClasses(predict, x));
  const abs = options.abs ?? true;
  return tf.tidy(() => {
    const g = targetGradient(predict, x, target);
    return abs ? tf.abs(g) : g;
  });
}
