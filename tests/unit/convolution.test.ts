import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, test } from 'vitest';
import { expectNoLeak } from '../helpers/tf.ts';
import { mulberry32 } from '../../src/engine/random.ts';
import { axisGeometry, cellSum, conv2d, convShape, pool2d, relu, window, type Grid, type Padding, type PoolOp } from '../../src/math/convolution.ts';

function randomGrid(rand: () => number, h: number, w: number, c: number): Grid {
  return { h, w, c, values: Float32Array.from({ length: h * w * c }, () => rand() * 2 - 1) };
}

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, what: string): void {
  expect(actual.length, `${what}: length`).toBe(expected.length);
  for (let i = 0; i < actual.length; i++) {
    expect(Math.abs(actual[i]! - expected[i]!), `${what}: element ${i} (${actual[i]} vs ${expected[i]})`).toBeLessThan(1e-5);
  }
}

const PADDINGS: Padding[] = ['valid', 'same'];
const STRIDES = [1, 2, 3];

describe('conv2d written as loops', () => {
  // Sizes chosen so that 'same' with stride 2 needs odd (asymmetric) padding too.
  const cases = [
    { h: 10, w: 10, cin: 1, cout: 1, k: 3 },
    { h: 7, w: 9, cin: 3, cout: 4, k: 3 },
    { h: 8, w: 6, cin: 2, cout: 3, k: 2 },
    { h: 11, w: 8, cin: 2, cout: 2, k: 5 },
  ];
  for (const padding of PADDINGS) {
    for (const stride of STRIDES) {
      test(`equals tf.conv2d, padding ${padding}, stride ${stride}`, async () => {
        await expectNoLeak(async () => {
          const rand = mulberry32(17 * stride + (padding === 'same' ? 1 : 0));
          for (const { h, w, cin, cout, k } of cases) {
            const x = randomGrid(rand, h, w, cin);
            const weights = Float32Array.from({ length: k * k * cin * cout }, () => rand() * 2 - 1);
            const bias = Float32Array.from({ length: cout }, () => rand() - 0.5);
            const ours = conv2d(x, { k, cin, cout, weights, bias }, stride, padding);
            const theirs = tf.tidy(() =>
              tf.add(tf.conv2d(tf.tensor3d(x.values, [h, w, cin]), tf.tensor4d(weights, [k, k, cin, cout]), stride, padding), tf.tensor1d(bias)),
            );
            expect([ours.h, ours.w, ours.c]).toEqual(theirs.shape);
            expectClose(ours.values, await theirs.data(), `${h}×${w}×${cin} → ${cout}, k ${k}`);
            theirs.dispose();
          }
        });
      });
    }
  }

  test('every output cell is the bias plus the listed multiply-adds', () => {
    const rand = mulberry32(5);
    const x = randomGrid(rand, 6, 6, 1);
    const kernel = { k: 3, cin: 1, cout: 1, weights: Float32Array.from({ length: 9 }, () => rand()), bias: [0.25] };
    for (const padding of PADDINGS) {
      const z = conv2d(x, kernel, 2, padding);
      const terms = window(x, kernel, z.h - 1, z.w - 1, 0, 2, padding);
      expect(terms).toHaveLength(9);
      expect(cellSum(terms, 0.25)).toBeCloseTo(z.values[z.values.length - 1]!, 6);
      // With 'same', the bottom-right window hangs over the border and reads zeros there.
      expect(terms.some((t) => !t.inside)).toBe(padding === 'same');
      for (const t of terms) if (!t.inside) expect(t.x).toBe(0);
    }
  });

  test('output sizes: ⌊(n − k)/s⌋ + 1 without padding, ⌈n/s⌉ with same padding', () => {
    expect(axisGeometry(28, 3, 1, 'valid').out).toBe(26);
    expect(axisGeometry(10, 3, 2, 'valid').out).toBe(4);
    expect(axisGeometry(10, 3, 2, 'same')).toEqual({ out: 5, before: 0, total: 1 });
    expect(axisGeometry(10, 3, 1, 'same')).toEqual({ out: 10, before: 1, total: 2 });
    expect(convShape({ h: 13, w: 13 }, 3, 1, 'valid')).toMatchObject({ h: 11, w: 11 });
    expect(() => axisGeometry(2, 3, 1, 'valid')).toThrow(RangeError);
  });
});

describe('pooling written as loops', () => {
  const ops: PoolOp[] = ['max', 'avg'];
  for (const op of ops) {
    for (const padding of PADDINGS) {
      for (const stride of [1, 2]) {
        test(`${op} pool equals tf.${op}Pool, padding ${padding}, stride ${stride}`, async () => {
          await expectNoLeak(async () => {
            const rand = mulberry32(stride * 3 + (padding === 'same' ? 7 : 0) + (op === 'max' ? 11 : 0));
            for (const [h, w, c] of [[8, 8, 1], [7, 9, 3], [5, 4, 2]] as const) {
              const x = randomGrid(rand, h, w, c);
              const ours = pool2d(x, op, 2, stride, padding);
              const theirs = tf.tidy(() => {
                const t = tf.tensor3d(x.values, [h, w, c]);
                return op === 'max' ? tf.maxPool(t, 2, stride, padding) : tf.avgPool(t, 2, stride, padding);
              });
              expect([ours.h, ours.w, ours.c]).toEqual(theirs.shape);
              expectClose(ours.values, await theirs.data(), `${op} ${h}×${w}×${c}`);
              theirs.dispose();
            }
          });
        });
      }
    }
  }

  test('ReLU then 2×2 max pooling, by hand', () => {
    const g: Grid = { h: 2, w: 4, c: 1, values: Float32Array.from([-1, 2, 0.5, -3, 4, -2, -1, -0.5]) };
    expect(Array.from(pool2d(relu(g), 'max', 2, 2, 'valid').values)).toEqual([4, 0.5]);
    expect(Array.from(pool2d(g, 'avg', 2, 2, 'valid').values)).toEqual([0.75, -1]);
  });
});

describe('the documents\' example, done as a sliding window', () => {
  test('a 3×3 image and a 2×2 kernel give a 2×2 map: rows (6, 8) and (12, 14)', () => {
    const image: Grid = { h: 3, w: 3, c: 1, values: Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]) };
    const z = conv2d(image, { k: 2, cin: 1, cout: 1, weights: [0, 1, 1, 0], bias: [0] }, 1, 'valid');
    expect([z.h, z.w]).toEqual([2, 2]);
    expect(Array.from(z.values)).toEqual([6, 8, 12, 14]);
  });
});

describe('the convolution figure\'s view', async () => {
  const { computeConvolution } = await import('../../src/figures/convolution/compute.ts');
  const { applyPreset, convolutionSchema } = await import('../../src/figures/convolution/state.ts');
  const { defaults } = await import('../../src/state/url-state.ts');
  const base = defaults(convolutionSchema);

  test('the cell under the window is the bias plus its nine products, before and after ReLU', () => {
    for (const pad of ['valid', 'same']) {
      for (const stride of ['1', '2']) {
        const v = computeConvolution({ ...base, pad, stride, pos: 13, bias: -0.5 });
        const k = v.position.i * v.z.w + v.position.j;
        expect(v.terms).toHaveLength(9);
        expect(v.cell.z).toBeCloseTo(v.z.values[k]!, 6);
        expect(v.a.values[k]).toBeCloseTo(Math.max(0, v.cell.z), 6);
      }
    }
  });

  test('sizes follow padding and stride; a position past the end is clamped', () => {
    const size = (pad: string, stride: string) => {
      const v = computeConvolution({ ...base, pad, stride, pos: 99 });
      return [v.z.h, v.z.w, v.position.index, v.pooled?.h];
    };
    expect(size('valid', '1')).toEqual([8, 8, 63, 4]);
    expect(size('same', '1')).toEqual([10, 10, 99, 5]);
    expect(size('valid', '2')).toEqual([4, 4, 15, 2]);
    expect(size('same', '2')).toEqual([5, 5, 24, 2]);
  });

  test('a named preset in a link sets the weights', () => {
    const s = applyPreset({ ...base, preset: 'identity' });
    const v = computeConvolution({ ...s, act: 'none', pool: 'none', pad: 'same' });
    expect(Array.from(v.z.values)).toEqual(Array.from(v.input.values));
    expect(v.pooled).toBeNull();
  });
});
