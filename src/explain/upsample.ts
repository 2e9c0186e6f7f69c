/**
 * Bilinear upsampling of heat maps to the input size.
 */
import * as tf from '@tensorflow/tfjs-core';
import { assertInt, assertTensor } from './validate.ts';

/**
 * Resizes a map `[h, w]` (or `[1, h, w]`, `[1, h, w, 1]`) to `[height, width]` by bilinear
 * interpolation with half-pixel centres: output pixel (i, j) samples the input at
 *   y = (i + ½)·h/height − ½,  x = (j + ½)·w/width − ½,
 * clamped to the edge, the convention of PyTorch `F.interpolate(mode='bilinear',
 * align_corners=False)` (used by captum's `LayerAttribution.interpolate`) and of
 * `tf.image.resizeBilinear(..., alignCorners=false, halfPixelCenters=true)`.
 * Returns a new `[height, width]` tensor; `map` is not disposed.
 */
export function upsampleBilinear(map: tf.Tensor, height: number, width: number): tf.Tensor2D {
  assertTensor('map', map);
  assertInt('height', height, 1);
  assertInt('width', width, 1);
  const dims = map.shape.filter((d, i) => !(d === 1 && (i === 0 || i === map.rank - 1) && map.rank > 2));
  if (dims.length !== 2) throw new Error(`map must be a 2-D map [h, w] (optionally [1, h, w] or [1, h, w, 1]), got [${map.shape.join(', ')}]`);
  const [h, w] = dims as [number, number];
  return tf.tidy(() => {
    const img = tf.reshape(map, [1, h, w, 1]) as tf.Tensor4D;
    return tf.reshape(tf.image.resizeBilinear(img, [height, width], false, true), [height, width]) as tf.Tensor2D;
  });
}
