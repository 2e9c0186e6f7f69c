import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import { registerFastCpuKernels, unregisterFastCpuKernels } from '../../src/engine/cpu-fast-kernels.ts';
import { expectNoLeak } from '../helpers/tf.ts';

/** The stock or the fast kernel on the same inputs. */
function filterGrad(x: tf.Tensor4D, dy: tf.Tensor4D, filterShape: [number, number, number, number], strides: number | [number, number], pad: 'same' | 'valid' | number) {
  return tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, { strides, pad, dataFormat: 'NHWC', filterShape }) as tf.Tensor4D;
}

const CASES: { name: string; x: [number, number, number, number]; f: [number, number, number, number]; strides: number | [number, number]; pad: 'same' | 'valid' | number }[] = [
  { name: '3×3 same, stride 1 (the fast CNN)', x: [4, 14, 14, 8], f: [3, 3, 8, 16], strides: 1, pad: 'same' },
  { name: '3×3 valid (the documents CNN)', x: [3, 13, 11, 5], f: [3, 3, 5, 7], strides: 1, pad: 'valid' },
  { name: '5×3 same, strides 2×1', x: [2, 9, 10, 3], f: [5, 3, 3, 4], strides: [2, 1], pad: 'same' },
  { name: '2×2 explicit padding 1, stride 3', x: [2, 8, 7, 2], f: [2, 2, 2, 3], strides: 3, pad: 1 },
];

describe('fast cpu Conv2DBackpropFilter', () => {
  afterAll(() => unregisterFastCpuKernels());

  it.each(CASES)('is bit-identical to the stock kernel: $name', async ({ x: shape, f, strides, pad }) => {
    await expectNoLeak(async () => {
      unregisterFastCpuKernels();
      const x = tf.randomNormal(shape, 0, 1, 'float32', 11) as tf.Tensor4D;
      const y = tf.tidy(() => tf.conv2d(x, tf.zeros(f) as tf.Tensor4D, strides, pad));
      const dy = tf.randomNormal(y.shape, 0, 1, 'float32', 12) as tf.Tensor4D;
      const stock = filterGrad(x, dy, f, strides, pad);
      registerFastCpuKernels();
      registerFastCpuKernels(); // idempotent
      const fast = filterGrad(x, dy, f, strides, pad);
      expect(fast.shape).toEqual(f);
      const [a, b] = [await stock.data(), await fast.data()];
      expect(new Uint8Array(b.buffer, b.byteOffset, b.byteLength)).toEqual(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
      tf.dispose([x, y, dy, stock, fast]);
    });
  });
});
