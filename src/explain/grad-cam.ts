/**
 * Grad-CAM.
 */
import * as tf from '@tensorflow/tfjs-core';
// tfjs-core alone registers no gradients (the @tensorflow/tfjs bundle does); tf.grad needs them.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import type * as tfl from '@tensorflow/tfjs-layers';
import { findLayer, outputRank, runSplit, type Layer } from './model-graph.ts';
import { upsampleBilinear } from './upsample.ts';
import { assertFiniteTensor, assertSingleExample, assertTarget } from './validate.ts';

export interface GradCamOptions {
  /** Layer whose activations A^k are weighted (default: the last layer with a 4-D output). */
  layerName?: string;
  /** Apply ReLU to the map (default true, as the paper; captum's `LayerGradCam` defaults to false). */
  relu?: boolean;
  /** Upsample to the input's height × width (default true); false returns the layer's h × w map. */
  upsample?: boolean;
}

/** The last layer of `model` with a 4-D output `[n, h, w, k]`, or an Error. */
export function lastConvLayer(model: tfl.LayersModel): Layer {
  for (let i = model.layers.length - 1; i >= 0; i--) {
    const l = model.layers[i]!;
    if (l.getClassName() !== 'InputLayer' && outputRank(l) === 4) return l;
  }
  throw new Error(`model has no layer with a 4-D output [n, h, w, channels]; its layers are: ${model.layers.map((l) => l.name).join(', ')}`);
}

/** Checks a model, an image input [1, h, w, c] and the target class for Grad-CAM/CAM; throws naming the argument. */
export async function checkImageModel(model: tfl.LayersModel, x: tf.Tensor, target: number): Promise<void> {
  if (!model || typeof (model as { apply?: unknown }).apply !== 'function' || !Array.isArray(model.layers)) {
    throw new Error('model must be a tf.LayersModel (tfjs-layers Sequential or functional model)');
  }
  assertSingleExample('x', x, 4);
  if (x.rank !== 4) throw new Error(`x must be an image batch [1, height, width, channels], got [${x.shape.join(', ')}]`);
  await assertFiniteTensor('x', x);
  const out = model.outputs[0]!.shape;
  const classes = out[out.length - 1];
  if (typeof classes === 'number') assertTarget(target, classes);
}

/**
 * Grad-CAM  L^c = ReLU( Σ_k α_k^c A^k ),  α_k^c = (1/Z) Σ_{i,j} ∂y^c / ∂A^k_{ij},
 * where A^k are the activations of `layerName` for input x. Returns `[H, W]`
 * (input size, bilinear with half-pixel centres) or `[h, w]` with `upsample: false`.
 * The map is not normalised (captum does not normalise either).
 *
 * Reference: Selvaraju, Cogswell, Das, Vedantam, Parikh & Batra, "Grad-CAM: Visual
 * Explanations from Deep Networks via Gradient-based Localization", ICCV 2017,
 * arXiv:1610.02391. The model is split eagerly into input → layer and
 * layer → output (as tfjs-examples' visualize-convnet does). y^c is the model's
 * output column `target`: a probability for a softmax head, where the paper uses
 * the pre-softmax score (captum also differentiates the forward output as is).
 */
export async function gradCam(model: tfl.LayersModel, x: tf.Tensor, target: number, options: GradCamOptions = {}): Promise<tf.Tensor2D> {
  await checkImageModel(model, x, target);
  const layer = options.layerName === undefined ? lastConvLayer(model) : findLayer(model, options.layerName);
  if (outputRank(layer) !== 4) {
    throw new Error(`options.layerName: layer ${JSON.stringify(layer.name)} has output shape ${JSON.stringify(layer.outputShape)}, not 4-D [n, h, w, channels]`);
  }
  const relu = options.relu ?? true;
  const upsample = options.upsample ?? true;
  return tf.tidy(() => {
    const A = runSplit(model, x, layer).cutValue; // [1, h, w, K]
    const f = (a: tf.Tensor) => tf.sum(tf.slice(runSplit(model, x, layer, a).output, [0, target], [-1, 1]));
    const g = tf.grad(f)(A);
    const alpha = tf.mean(g, [1, 2], true); // [1, 1, 1, K]
    let map = tf.sum(tf.mul(A, alpha), -1); // [1, h, w]
    if (relu) map = tf.relu(map);
    const [, h, w] = map.shape as [number, number, number];
    return upsample ? upsampleBilinear(map, x.shape[1]!, x.shape[2]!) : (tf.reshape(map, [h, w]) as tf.Tensor2D);
  });
}
