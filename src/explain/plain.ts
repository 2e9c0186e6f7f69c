/**
 * Adapter from tensors to plain arrays for views and Web Worker messages.
 */
import type * as tf from '@tensorflow/tfjs-core';
import { assertTensor } from './validate.ts';
import type { PlainTensor } from './types.ts';

/**
 * Copies a tensor's values into a Float32Array with its shape. Disposes nothing:
 * the caller still owns `t`. Synchronous (`dataSync`); use {@link toPlainAsync}
 * on backends where a synchronous read blocks or is unsupported (WebGPU).
 */
export function toPlain(t: tf.Tensor): PlainTensor {
  assertTensor('t', t);
  return { values: Float32Array.from(t.dataSync() as ArrayLike<number>), shape: [...t.shape] };
}

/** As {@link toPlain}, reading the values asynchronously. Disposes nothing. */
export async function toPlainAsync(t: tf.Tensor): Promise<PlainTensor> {
  assertTensor('t', t);
  const v = await t.data();
  return { values: Float32Array.from(v as ArrayLike<number>), shape: [...t.shape] };
}
