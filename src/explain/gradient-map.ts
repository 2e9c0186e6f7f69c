/**
 * Gradient map: how the loss L(ŷ, y) responds to every neuron and every weight.
 *
 *   ∂L/∂a⁽ˡ⁾  for each layer's output (the backprop signal reaching that layer),
 *   ∂L/∂W⁽ˡ⁾ and ∂L/∂b⁽ˡ⁾ for each weight tensor (what gradient descent subtracts).
 *
 * Computed by reverse-mode autodiff in a single backward pass: zero "probes" are added
 * to each layer's output (see layer-outputs.ts), and the gradient with respect to a
 * probe is the gradient with respect to that layer's output.
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { LOSSES, type LossName } from '../train/losses.ts';
import { forwardThroughLayers } from './layer-outputs.ts';
import type { LayerValues } from './activations.ts';
import { assertFiniteTensor } from './validate.ts';

export interface GradientMap {
  loss: number;
  /** ∂L/∂a⁽ˡ⁾ for every layer, in order. */
  layers: LayerValues[];
  /** ∂L/∂W for every trainable weight (kernel and bias), named as the model names them. */
  weights: LayerValues[];
}

export async function gradientMap(
  model: tfl.LayersModel,
  x: tf.Tensor,
  y: tf.Tensor,
  loss: LossName = model.outputs[0]!.shape[1] === 1 ? 'binaryCrossentropy' : 'categoricalCrossentropy',
): Promise<GradientMap> {
  await assertFiniteTensor('x', x);
  if (x.shape[0] !== y.shape[0]) throw new RangeError(`x has ${x.shape[0]} rows but y has ${y.shape[0]}`);
  const weightVars = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const shapes = tf.tidy(() => forwardThroughLayers(model, x).map((t) => t.shape));
  // Probes are variables so one variableGrads call differentiates w.r.t. probes and weights.
  const probes = shapes.map((s) => {
    const zeros = tf.zeros(s);
    const probe = tf.variable(zeros, true);
    zeros.dispose();
    return probe;
  });
  const result = tf.tidy(() => {
    const { value, grads } = tf.variableGrads(() => {
      const outs = forwardThroughLayers(model, x, probes);
      return LOSSES[loss](y, outs[outs.length - 1]!);
    }, [...weightVars, ...probes]);
    return {
      value,
      layerGrads: probes.map((p) => grads[p.name]!),
      weightGrads: weightVars.map((v) => grads[v.name]!),
    };
  });
  tf.dispose(probes);
  try {
    const layers = await Promise.all(
      result.layerGrads.map(async (g, l) => ({ name: model.layers[l]!.name, shape: g.shape, values: (await g.data()) as Float32Array })),
    );
    const weights = await Promise.all(
      result.weightGrads.map(async (g, i) => ({
        name: model.trainableWeights[i]!.name,
        shape: g.shape,
        values: (await g.data()) as Float32Array,
      })),
    );
    return { loss: (await result.value.data())[0]!, layers, weights };
  } finally {
    tf.dispose([result.value, ...result.layerGrads, ...result.weightGrads]);
  }
}
