/**
 * Activation map: the output a⁽ˡ⁾ = f(W⁽ˡ⁾a⁽ˡ⁻¹⁾ + b⁽ˡ⁾) of every layer for an input x.
 * For a dense layer, entry j is neuron j's activation a_j⁽ˡ⁾; for a conv layer, the
 * feature maps. Plain arrays out, so a view can draw them without touching TF.js.
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { forwardThroughLayers } from './layer-outputs.ts';
import { assertFiniteTensor } from './validate.ts';

export interface LayerValues {
  name: string;
  shape: number[];
  values: Float32Array;
}

export async function activations(model: tfl.LayersModel, x: tf.Tensor): Promise<LayerValues[]> {
  await assertFiniteTensor('x', x);
  const outs = tf.tidy(() => forwardThroughLayers(model, x));
  try {
    return await Promise.all(
      outs.map(async (t, l) => ({
        name: model.layers[l]!.name,
        shape: t.shape,
        values: (await t.data()) as Float32Array,
      })),
    );
  } finally {
    tf.dispose(outs);
  }
}
