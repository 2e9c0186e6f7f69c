/**
 * Class activation mapping (CAM).
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { runSplit } from './model-graph.ts';
import { upsampleBilinear } from './upsample.ts';
import { checkImageModel } from './grad-cam.ts';

export interface CamOptions {
  /** Upsample to the input's height × width (default true). */
  upsample?: boolean;
}

/**
 * CAM  M_c(i, j) = Σ_k w_k^c A^k(i, j), for a network … → conv A → GlobalAveragePooling2D
 * → Dense(W) (optionally with Dropout/Flatten/Activation between GAP and Dense, and
 * nothing with weights after the Dense). w^c is column `target` of the Dense
 * kernel; the bias is left out as in the paper. Returns `[H, W]` (bilinear, half-pixel
 * centres) or `[h, w]` with `upsample: false`.
 *
 * Reference: Zhou, Khosla, Lapedriza, Oliva & Torralba, "Learning Deep Features
 * for Discriminative Localization", CVPR 2016, arXiv:1512.04150.
 */
export async function cam(model: tfl.LayersModel, x: tf.Tensor, target: number, options: CamOptions = {}): Promise<tf.Tensor2D> {
  await checkImageModel(model, x, target);
  const layers = model.layers;
  const gapIndex = layers.findIndex((l) => l.getClassName() === 'GlobalAveragePooling2D');
  const names = layers.map((l) => `${l.name} (${l.getClassName()})`).join(', ');
  if (gapIndex < 1) throw new Error(`model: CAM needs a conv layer followed by GlobalAveragePooling2D; the layers are: ${names}`);
  const gap = layers[gapIndex]!;
  const feature = layers.find((l) => l.outboundNodes.some((n) => n.outboundLayer === gap)) ?? layers[gapIndex - 1]!;
  const after = layers.slice(gapIndex + 1);
  const dense = after.find((l) => l.getClassName() === 'Dense');
  const passThrough = new Set(['Dropout', 'Flatten', 'Activation', 'Softmax', 'Dense']);
  if (!dense || after.some((l) => !passThrough.has(l.getClassName())) || after.filter((l) => l.getClassName() === 'Dense').length !== 1) {
    throw new Error(`model: CAM needs GlobalAveragePooling2D followed by exactly one Dense layer (only Dropout/Flatten/Activation besides); the layers are: ${names}`);
  }
  const upsample = options.upsample ?? true;
  return tf.tidy(() => {
    const A = runSplit(model, x, feature).cutValue; // [1, h, w, K]
    const kernel = dense.getWeights()[0]!; // [K, C]
    if (kernel.shape[0] !== A.shape[3]) {
      throw new Error(`model: the Dense kernel has ${kernel.shape[0]} inputs but ${feature.name} has ${A.shape[3]} channels`);
    }
    const classes = kernel.shape[1]!;
    if (target >= classes) throw new Error(`target must be an integer class index in [0, ${classes - 1}], got ${target}`);
    const wc = tf.reshape(tf.slice(kernel, [0, target], [-1, 1]), [1, 1, 1, -1]);
    const map = tf.sum(tf.mul(A, wc), -1); // [1, h, w]
    const [, h, w] = map.shape as [number, number, number];
    return upsample ? upsampleBilinear(map, x.shape[1]!, x.shape[2]!) : (tf.reshape(map, [h, w]) as tf.Tensor2D);
  });
}
