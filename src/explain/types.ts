/**
 * Shared types of the explainers library.
 */
import type * as tf from '@tensorflow/tfjs-core';

/**
 * A model seen as a function: a batch `[n, ...inputShape]` in, class scores
 * `[n, classes]` out. Explainers call it inside `tf.tidy` / `tf.grad`, so it must
 * be differentiable and must not keep or dispose its argument.
 */
export type Predict = (x: tf.Tensor) => tf.Tensor;

/** A plain, transferable copy of a tensor for views and `postMessage`. */
export interface PlainTensor {
  values: Float32Array;
  shape: number[];
}

/** A matrix given as a tensor `[n, d]` or as rows of numbers. */
export type MatrixLike = tf.Tensor | ArrayLike<ArrayLike<number>>;

/** A vector given as a tensor `[d]` / `[1, d]` or as numbers. */
export type VectorLike = tf.Tensor | ArrayLike<number>;
