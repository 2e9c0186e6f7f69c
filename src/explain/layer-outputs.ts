/**
 * Runs a sequential model layer by layer in eager mode, so every intermediate
 * activation a⁽ˡ⁾ is a tensor we can read or differentiate.
 *
 * `probes[l]`, when given, is added to layer l's output. A zero probe leaves the
 * forward pass unchanged, and ∂L/∂probe_l = ∂L/∂a⁽ˡ⁾: one backward pass yields the
 * gradient with respect to every layer's output at once.
 */
import type * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';

export function forwardThroughLayers(model: tfl.LayersModel, x: tf.Tensor, probes?: tf.Tensor[]): tf.Tensor[] {
  const outputs: tf.Tensor[] = [];
  let a = x;
  model.layers.forEach((layer, l) => {
    a = layer.apply(a) as tf.Tensor;
    const probe = probes?.[l];
    if (probe) a = a.add(probe);
    outputs.push(a);
  });
  return outputs;
}

export function layerNames(model: tfl.LayersModel): string[] {
  return model.layers.map((l) => l.name);
}
