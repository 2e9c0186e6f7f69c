/**
 * A faster `Conv2DBackpropFilter` for TF.js's `cpu` backend, bit-identical to the
 * stock one.
 *
 * The stock kernel (tfjs-backend-cpu 4.22) reads every element through
 * `TensorBuffer.get(b, r, c, d)`, a rest-argument call with bounds bookkeeping per
 * multiply-add; it takes about 3 s per batch of 32 for the fast CNN's last
 * convolution (7 M multiply-adds), making a CNN epoch on the CPU backend half an hour.
 * This version indexes the typed arrays directly and sweeps the output channels in
 * the innermost loop, so it reads memory contiguously.
 *
 * Why the results are the same to the last bit: each filter gradient
 * dW[r, c, i, o] = Σ_b Σ_y Σ_x x[b, y·s + r − pad, x·s + c − pad, i] · dy[b, y, x, o]
 * is accumulated in a float64 in exactly the stock kernel's order (b, then y, then x),
 * with the same float64 products, and rounded to float32 once at the end. Only the
 * order in which different gradients are computed changes, and that cannot change
 * any of them. tests/unit/train-cpu-kernels.test.ts compares the two bit for bit.
 *
 * Only NHWC (channels last, what tfjs-layers uses) takes the fast path; anything
 * else goes to the stock kernel.
 */
import * as tf from '@tensorflow/tfjs-core';

type KernelFunc = tf.KernelConfig['kernelFunc'];
interface CpuBackendLike {
  data: { get(id: tf.DataId): { values: tf.TypedArray } };
  makeTensorInfo(shape: number[], dtype: tf.DataType, values: tf.TypedArray): tf.TensorInfo;
}

let stock: KernelFunc | null = null;

function conv2DBackpropFilterFast(args: Parameters<KernelFunc>[0]): tf.TensorInfo {
  const { inputs, backend, attrs } = args as unknown as {
    inputs: { x: tf.TensorInfo; dy: tf.TensorInfo };
    backend: CpuBackendLike;
    attrs: { strides: [number, number] | number; pad: 'valid' | 'same' | number; dataFormat: 'NHWC' | 'NCHW'; dimRoundingMode?: 'floor' | 'round' | 'ceil'; filterShape: [number, number, number, number] };
  };
  const { x, dy } = inputs;
  const { strides, pad, dataFormat, dimRoundingMode, filterShape } = attrs;
  const format = tf.backend_util.convertConv2DDataFormat(dataFormat);
  if (format !== 'channelsLast' || x.dtype !== 'float32' || dy.dtype !== 'float32') return stock!(args) as tf.TensorInfo;
  const info = tf.backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number], filterShape, strides, 1, pad, dimRoundingMode, false, format,
  );
  const { strideHeight: sh, strideWidth: sw, filterHeight: fh, filterWidth: fw, batchSize, inHeight, inWidth, inChannels: c1, outHeight, outWidth, outChannels: c2 } = info;
  const top = info.padInfo.top;
  const left = info.padInfo.left;
  const xv = backend.data.get(x.dataId).values as Float32Array;
  const dyv = backend.data.get(dy.dataId).values as Float32Array;
  const out = new Float32Array(fh * fw * c1 * c2);
  const acc = new Float64Array(c2);
  for (let wR = 0; wR < fh; ++wR) {
    const yRMin = Math.max(0, Math.ceil((top - wR) / sh));
    const yRMax = Math.min(outHeight, (inHeight + top - wR) / sh);
    for (let wC = 0; wC < fw; ++wC) {
      const yCMin = Math.max(0, Math.ceil((left - wC) / sw));
      const yCMax = Math.min(outWidth, (inWidth + left - wC) / sw);
      for (let d1 = 0; d1 < c1; ++d1) {
        acc.fill(0);
        for (let b = 0; b < batchSize; ++b) {
          for (let yR = yRMin; yR < yRMax; ++yR) {
            const xR = wR + yR * sh - top;
            const xRow = (b * inHeight + xR) * inWidth;
            const dyRow = (b * outHeight + yR) * outWidth;
            for (let yC = yCMin; yC < yCMax; ++yC) {
              const xC = wC + yC * sw - left;
              const xval = xv[(xRow + xC) * c1 + d1]!;
              const dyBase = (dyRow + yC) * c2;
              for (let d2 = 0; d2 < c2; ++d2) acc[d2]! += xval * dyv[dyBase + d2]!;
            }
          }
        }
        const o = ((wR * fw + wC) * c1 + d1) * c2;
        for (let d2 = 0; d2 < c2; ++d2) out[o + d2] = acc[d2]!;
      }
    }
  }
  return backend.makeTensorInfo(filterShape, 'float32', out);
}

/**
 * Replaces the `cpu` backend's Conv2DBackpropFilter with the fast, bit-identical
 * version. Idempotent; call after the backend package is imported.
 */
export function registerFastCpuKernels(): void {
  const current = tf.getKernel('Conv2DBackpropFilter', 'cpu');
  if (!current) throw new Error('registerFastCpuKernels: the cpu backend is not registered (import @tensorflow/tfjs-backend-cpu first)');
  if (current.kernelFunc === conv2DBackpropFilterFast) return;
  stock = current.kernelFunc;
  tf.unregisterKernel('Conv2DBackpropFilter', 'cpu');
  tf.registerKernel({ kernelName: 'Conv2DBackpropFilter', backendName: 'cpu', kernelFunc: conv2DBackpropFilterFast as unknown as KernelFunc });
}

/** Puts the stock kernel back (tests compare the two). */
export function unregisterFastCpuKernels(): void {
  const current = tf.getKernel('Conv2DBackpropFilter', 'cpu');
  if (!current || current.kernelFunc !== (conv2DBackpropFilterFast as unknown as KernelFunc) || !stock) return;
  tf.unregisterKernel('Conv2DBackpropFilter', 'cpu');
  tf.registerKernel({ kernelName: 'Conv2DBackpropFilter', backendName: 'cpu', kernelFunc: stock });
}
