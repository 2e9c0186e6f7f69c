/**
 * What the convolution figure shows, computed from its state with no DOM and no
 * TF.js: the input, the 3×3 kernel, the feature map before and after the activation,
 * the pooled map, and the nine multiply-adds behind the output cell under the window.
 */
import { conv2d, convShape, pool2d, relu, window, cellSum, type Grid, type Term } from '../../math/convolution.ts';
import { IMAGES, IMAGE_SIDE, type ImageId } from './images.ts';
import { kernelOf, type ConvolutionState } from './state.ts';

export const KERNEL_SIDE = 3;
export const POOL_SIZE = 2;

export interface ConvolutionView {
  input: Grid;
  kernel: number[];
  bias: number;
  /** Zero rows/columns added before (top, left) and in all (padRows, padCols). */
  geometry: { top: number; left: number; padRows: number; padCols: number; stride: number };
  /** Pre-activation z and activation a = f(z); the same when the activation is 'none'. */
  z: Grid;
  a: Grid;
  /** 2×2, stride-2 pooling of a (null when pooling is off or a is smaller than 2×2). */
  pooled: Grid | null;
  /** The output cell under the window, its index, and its nine terms. */
  position: { i: number; j: number; index: number; count: number };
  terms: Term[];
  cell: { z: number; a: number };
  /** The pooled cell the current output cell falls in, or null. */
  pooledCell: { i: number; j: number } | null;
}

export function computeConvolution(state: ConvolutionState): ConvolutionView {
  const input: Grid = { h: IMAGE_SIDE, w: IMAGE_SIDE, c: 1, values: IMAGES[state.img as ImageId].values };
  const kernelWeights = kernelOf(state);
  const kernel = { k: KERNEL_SIDE, cin: 1, cout: 1, weights: kernelWeights, bias: [state.bias] };
  const stride = Number(state.stride);
  const padding = state.pad === 'same' ? 'same' : 'valid';
  const shape = convShape(input, KERNEL_SIDE, stride, padding);
  const z = conv2d(input, kernel, stride, padding);
  const a = state.act === 'relu' ? relu(z) : z;
  const usePool = state.pool !== 'none' && a.h >= POOL_SIZE && a.w >= POOL_SIZE;
  const pooled = usePool ? pool2d(a, state.pool === 'avg' ? 'avg' : 'max', POOL_SIZE, POOL_SIZE, 'valid') : null;
  const count = z.h * z.w;
  const index = Math.min(Math.max(0, state.pos), count - 1);
  const i = Math.floor(index / z.w);
  const j = index % z.w;
  const terms = window(input, kernel, i, j, 0, stride, padding);
  const zCell = cellSum(terms, state.bias);
  const pi = Math.floor(i / POOL_SIZE);
  const pj = Math.floor(j / POOL_SIZE);
  return {
    input,
    kernel: kernelWeights,
    bias: state.bias,
    geometry: { top: shape.top, left: shape.left, padRows: shape.padRows, padCols: shape.padCols, stride },
    z,
    a,
    pooled,
    position: { i, j, index, count },
    terms,
    cell: { z: zCell, a: state.act === 'relu' ? Math.max(0, zCell) : zCell },
    pooledCell: pooled && pi < pooled.h && pj < pooled.w ? { i: pi, j: pj } : null,
  };
}
