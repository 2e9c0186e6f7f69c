/**
 * Seeded weight initialisation for the model builders. Every layer draws from its
 * own stream, `subSeed(seed, 'layer/part')`, so one seed reproduces a model's
 * initial weights exactly and adding a layer never changes the other layers' draws.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { mulberry32, normal, subSeed } from '../engine/random.ts';

/** Glorot-uniform (Keras's default kernel initialiser), seeded for the named layer. */
export function glorot(seed: number, layer: string, part = 'kernel') {
  return tfl.initializers.glorotUniform({ seed: subSeed(seed, `${layer}/${part}`) });
}

/**
 * A rows×cols matrix with orthonormal rows (rows ≤ cols) or columns (rows ≥ cols),
 * drawn like Keras's `orthogonal` initialiser: Gram–Schmidt on a seeded Gaussian
 * matrix. Plain JS because tfjs's own `orthogonal` runs its QR as tensor ops and
 * takes about 2 s for a 64×256 LSTM recurrent kernel on the CPU backend.
 */
export function orthogonalMatrix(rows: number, cols: number, seed: number): Float32Array {
  const tall = rows >= cols;
  const m = tall ? rows : cols; // length of each orthonormalised vector
  const k = tall ? cols : rows; // number of vectors
  const gauss = normal(mulberry32(seed));
  const v: Float64Array[] = [];
  for (let i = 0; i < k; i++) {
    const a = new Float64Array(m);
    for (let j = 0; j < m; j++) a[j] = gauss();
    // Modified Gram–Schmidt, twice for numerical safety.
    for (let pass = 0; pass < 2; pass++) {
      for (const b of v) {
        let dot = 0;
        for (let j = 0; j < m; j++) dot += a[j]! * b[j]!;
        for (let j = 0; j < m; j++) a[j]! -= dot * b[j]!;
      }
    }
    let norm = 0;
    for (let j = 0; j < m; j++) norm += a[j]! * a[j]!;
    norm = Math.sqrt(norm);
    for (let j = 0; j < m; j++) a[j]! /= norm;
    v.push(a);
  }
  const out = new Float32Array(rows * cols);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < m; j++) {
      if (tall) out[j * cols + i] = v[i]![j]!;
      else out[i * cols + j] = v[i]![j]!;
    }
  }
  return out;
}

/**
 * Overwrites a built recurrent layer's `recurrent_kernel` with a seeded orthogonal
 * matrix (see {@link orthogonalMatrix}). Build the layer with
 * `recurrentInitializer: 'zeros'` so tfjs does not run its slow one first.
 */
export function seedRecurrentKernel(layer: tfl.layers.Layer, seed: number): void {
  const w = layer.weights.find((v) => v.originalName.endsWith('/recurrent_kernel'));
  if (!w) throw new Error(`seedRecurrentKernel: layer ${layer.name} has no recurrent_kernel`);
  const [rows, cols] = w.shape as [number, number];
  const values = orthogonalMatrix(rows, cols, subSeed(seed, `${layer.name}/recurrent`));
  tf.tidy(() => {
    w.write(tf.tensor2d(values, [rows, cols]));
  });
}
