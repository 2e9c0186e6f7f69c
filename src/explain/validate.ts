/**
 * Input checks shared by every explainer. Each throws an Error whose message
 * names the offending argument, so a reader who mistypes a figure's settings is
 * told what to fix.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Predict } from './types.ts';

/** Throws unless `t` is a tf.Tensor. */
export function assertTensor(name: string, t: unknown): asserts t is tf.Tensor {
  if (!(t instanceof tf.Tensor)) throw new Error(`${name} must be a tf.Tensor, got ${describe(t)}`);
  if (t.isDisposed) throw new Error(`${name} has already been disposed`);
}

/** Throws unless `x` is a tensor holding a single example with batch dimension 1. */
export function assertSingleExample(name: string, x: unknown, minRank = 2): asserts x is tf.Tensor {
  assertTensor(name, x);
  if (x.rank < minRank || x.shape[0] !== 1) {
    throw new Error(
      `${name} must be one example with a batch dimension of 1 (rank ≥ ${minRank}, shape [1, ...]), got shape [${x.shape.join(', ')}]`,
    );
  }
}

/** Throws unless every entry of `t` is finite. Reads the values asynchronously. */
export async function assertFiniteTensor(name: string, t: tf.Tensor): Promise<void> {
  const ok = tf.tidy(() => tf.all(tf.isFinite(t.toFloat())));
  const v = await ok.data();
  ok.dispose();
  if (v[0] !== 1) throw new Error(`${name} contains non-finite values (NaN or ±Infinity)`);
}

/** Throws unless every number in `a` is finite. */
export function assertFiniteArray(name: string, a: ArrayLike<number>): void {
  for (let i = 0; i < a.length; i++) {
    if (!Number.isFinite(a[i]!)) throw new Error(`${name} contains a non-finite value at index ${i}`);
  }
}

/** Throws unless `v` is an integer in [min, max]. */
export function assertInt(name: string, v: unknown, min: number, max = Number.MAX_SAFE_INTEGER): asserts v is number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `in [${min}, ${max}]`;
    throw new Error(`${name} must be an integer ${range}, got ${describe(v)}`);
  }
}

/** Throws unless `v` is a finite number in (min, max] (or [min, max] when `inclusiveMin`). */
export function assertNumber(name: string, v: unknown, min = -Infinity, max = Infinity, inclusiveMin = true): asserts v is number {
  if (typeof v !== 'number' || !Number.isFinite(v) || (inclusiveMin ? v < min : v <= min) || v > max) {
    throw new Error(`${name} must be a finite number ${inclusiveMin ? '≥' : '>'} ${min}${max < Infinity ? ` and ≤ ${max}` : ''}, got ${describe(v)}`);
  }
}

/** Throws unless `target` is a class index valid for `classes` outputs; the message gives the valid range. */
export function assertTarget(target: unknown, classes: number, name = 'target'): asserts target is number {
  if (typeof target !== 'number' || !Number.isInteger(target) || target < 0 || target >= classes) {
    throw new Error(`${name} must be an integer class index in [0, ${classes - 1}] (the model has ${classes} outputs), got ${describe(target)}`);
  }
}

/** Throws unless `predict` is a function. */
export function assertPredict(predict: unknown, name = 'predict'): asserts predict is Predict {
  if (typeof predict !== 'function') throw new Error(`${name} must be a function (x: tf.Tensor) => tf.Tensor, got ${describe(predict)}`);
}

/**
 * Runs `predict` once on `x` to learn how many classes it outputs, checking
 * that it returns `[n, classes]` for an `[n, ...]` batch. Leaves no tensors.
 */
export function outputClasses(predict: Predict, x: tf.Tensor, name = 'predict'): number {
  const shape = tf.tidy(() => {
    const y = predict(x);
    if (!(y instanceof tf.Tensor)) throw new Error(`${name} must return a tf.Tensor`);
    return y.shape;
  });
  if (shape.length !== 2 || shape[0] !== x.shape[0]) {
    throw new Error(`${name} must map a batch [n, ...] to scores [n, classes]; for input [${x.shape.join(', ')}] it returned [${shape.join(', ')}]`);
  }
  return shape[1]!;
}

/** Short description of a value for error messages. */
export function describe(v: unknown): string {
  if (v instanceof tf.Tensor) return `a tensor of shape [${v.shape.join(', ')}]`;
  if (v === null) return 'null';
  if (Array.isArray(v)) return `an array of length ${v.length}`;
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'undefined') return String(v);
  return typeof v;
}
