/**
 * Reading tabular arguments (tensors or plain arrays) into double-precision arrays.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { MatrixLike, VectorLike } from './types.ts';
import { assertFiniteArray } from './validate.ts';

/** A row-major matrix n×d. */
export interface Matrix {
  data: Float64Array;
  n: number;
  d: number;
}

/** Reads an `[n, d]` tensor or an array of equal-length rows; throws naming `name` otherwise. */
export async function readMatrix(name: string, m: MatrixLike): Promise<Matrix> {
  if (m instanceof tf.Tensor) {
    if (m.isDisposed) throw new Error(`${name} has already been disposed`);
    if (m.rank !== 2) throw new Error(`${name} must be a matrix [rows, features], got shape [${m.shape.join(', ')}]`);
    const data = Float64Array.from((await m.data()) as ArrayLike<number>);
    assertFiniteArray(name, data);
    return { data, n: m.shape[0]!, d: m.shape[1]! };
  }
  if (m == null || typeof (m as ArrayLike<unknown>).length !== 'number') throw new Error(`${name} must be a tf.Tensor2D or an array of rows`);
  const n = m.length;
  if (n === 0) throw new Error(`${name} must have at least one row`);
  const d = m[0]!.length;
  const data = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    const r = m[i]!;
    if (r == null || r.length !== d) throw new Error(`${name} row ${i} has ${r?.length} values, expected ${d} like row 0`);
    for (let j = 0; j < d; j++) data[i * d + j] = Number(r[j]);
  }
  assertFiniteArray(name, data);
  return { data, n, d };
}

/** Reads a `[d]` / `[1, d]` tensor or an array of numbers. */
export async function readVector(name: string, v: VectorLike): Promise<Float64Array> {
  if (v instanceof tf.Tensor) {
    if (v.isDisposed) throw new Error(`${name} has already been disposed`);
    if (!(v.rank === 1 || (v.rank === 2 && v.shape[0] === 1))) {
      throw new Error(`${name} must be one row [d] or [1, d], got shape [${v.shape.join(', ')}]`);
    }
    const data = Float64Array.from((await v.data()) as ArrayLike<number>);
    assertFiniteArray(name, data);
    return data;
  }
  if (v == null || typeof (v as ArrayLike<unknown>).length !== 'number') throw new Error(`${name} must be a tf.Tensor or an array of numbers`);
  const data = Float64Array.from(v as ArrayLike<number>, Number);
  assertFiniteArray(name, data);
  return data;
}

/**
 * f_target for each row of a row-major matrix, calling `predict` on float32 batches
 * of at most `batchSize` rows; checks the output is `[rows, classes]` and
 * that `target` is a valid class.
 */
export async function predictRows(
  predict: (x: tf.Tensor) => tf.Tensor,
  data: Float64Array | Float32Array,
  n: number,
  d: number,
  target: number,
  batchSize = 8192,
  rowShape: number[] = [d],
): Promise<Float64Array> {
  return predictGenerated(predict, n, rowShape, (i, out) => {
    for (let j = 0; j < d; j++) out[j] = data[i * d + j]!;
  }, target, batchSize);
}

/**
 * f_target for `n` generated rows of shape `rowShape`: `fill(i, out)` writes row i
 * into `out`. Rows are built and scored `batchSize` at a time (at most ~4M numbers),
 * so perturbation sets far larger than memory are fine.
 */
export async function predictGenerated(
  predict: (x: tf.Tensor) => tf.Tensor,
  n: number,
  rowShape: number[],
  fill: (i: number, out: Float32Array) => void,
  target: number,
  batchSize = 8192,
): Promise<Float64Array> {
  const rowSize = rowShape.reduce((a, b) => a * b, 1);
  const batch = Math.max(1, Math.min(batchSize, Math.floor(4_194_304 / Math.max(1, rowSize))));
  const out = new Float64Array(n);
  for (let start = 0; start < n; start += batch) {
    const size = Math.min(batch, n - start);
    const buf = new Float32Array(size * rowSize);
    for (let i = 0; i < size; i++) fill(start + i, buf.subarray(i * rowSize, (i + 1) * rowSize));
    const col = tf.tidy(() => {
      const xs = tf.tensor(buf, [size, ...rowShape]);
      const y = predict(xs);
      if (!(y instanceof tf.Tensor) || y.rank !== 2 || y.shape[0] !== size) {
        throw new Error(`predict must map a batch [n, ...] to scores [n, classes]; for [${size}, ${rowShape.join(', ')}] it returned ${y instanceof tf.Tensor ? `[${y.shape.join(', ')}]` : typeof y}`);
      }
      const classes = y.shape[1]!;
      if (!Number.isInteger(target) || target < 0 || target >= classes) {
        throw new Error(`target must be an integer class index in [0, ${classes - 1}] (the model has ${classes} outputs), got ${target}`);
      }
      return tf.reshape(tf.slice(y, [0, target], [-1, 1]), [-1]);
    });
    const v = await col.data();
    col.dispose();
    out.set(v, start);
  }
  return out;
}
