import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { expectNoLeak } from '../helpers/tf.ts';
import { kernelShap } from '../../src/explain/kernel-shap.ts';

/** A small nonlinear model with interactions, d = 4, two outputs; the same function in JS and in tf. */
const fJs = (v: number[]) => [v[0]! * v[1]! + Math.tanh(v[2]! * v[3]!) + 0.5 * v[3]! ** 2, Math.sin(v[0]!) - v[2]!];
const fTf = (x: tf.Tensor) =>
  tf.tidy(() => {
    const c = tf.split(x, 4, 1) as tf.Tensor2D[];
    const [a, b, e, g] = c as [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, tf.Tensor2D];
    const y0 = tf.add(tf.add(tf.mul(a, b), tf.tanh(tf.mul(e, g))), tf.mul(0.5, tf.square(g)));
    const y1 = tf.sub(tf.sin(a), e);
    return tf.concat([y0, y1], 1);
  });

/** Shapley values by the definition, v(S) = mean over background rows of f(x_S, b_rest). */
function bruteForceShapley(x: number[], bg: number[][], target: number): number[] {
  const d = x.length;
  const v = (S: number) => bg.reduce((s, b) => s + fJs(b.map((bj, j) => ((S >> j) & 1 ? x[j]! : bj)))[target]!, 0) / bg.length;
  const fact = (n: number): number => (n <= 1 ? 1 : n * fact(n - 1));
  return x.map((_, i) => {
    let phi = 0;
    for (let S = 0; S < 1 << d; S++) {
      if ((S >> i) & 1) continue;
      let size = 0;
      for (let j = 0; j < d; j++) size += (S >> j) & 1;
      phi += ((fact(size) * fact(d - size - 1)) / fact(d)) * (v(S | (1 << i)) - v(S));
    }
    return phi;
  });
}

describe('KernelSHAP', () => {
  const x = [0.8, -1.2, 0.5, 1.5];
  const bg = [
    [0, 0.5, -0.3, 0.2],
    [1.1, -0.4, 0.9, -0.6],
    [-0.7, 0.3, 0.1, 0.4],
  ];

  it('enumerates every coalition and equals brute-force Shapley values (d = 4, nonlinear)', async () => {
    for (const target of [0, 1]) {
      const r = await expectNoLeak(() => kernelShap(fTf, x, bg, { target, seed: 1 }));
      expect(r.exact).toBe(true);
      expect(r.coalitions).toBe(14);
      const want = bruteForceShapley(x, bg, target);
      want.forEach((w, i) => expect(r.values[i]).toBeCloseTo(w, 5));
      const base = bg.reduce((s, b) => s + fJs(b)[target]!, 0) / bg.length;
      expect(r.baseValue).toBeCloseTo(base, 5);
      const sum = r.values.reduce((s, v) => s + v, 0);
      expect(Math.abs(sum - (r.fx - r.baseValue))).toBeLessThan(1e-9);
    }
  });

  it('gives φ = w·(x − E[x]) for a linear model, also when coalitions are sampled (d = 12)', async () => {
    const d = 12;
    const w = Array.from({ length: d }, (_, j) => (j % 3) - 1 + 0.25 * j);
    const predict = (z: tf.Tensor) => tf.tidy(() => tf.matMul(z as tf.Tensor2D, tf.tensor2d(w, [d, 1])));
    const xi = Array.from({ length: d }, (_, j) => Math.cos(j));
    const background = Array.from({ length: 5 }, (_, r) => Array.from({ length: d }, (_, j) => Math.sin(r * d + j)));
    const mean = xi.map((_, j) => background.reduce((s, b) => s + b[j]!, 0) / background.length);
    const bgT = tf.tensor2d(background);
    const r = await expectNoLeak(() => kernelShap(predict, xi, bgT, { target: 0, nsamples: 300, seed: 7 }));
    expect(r.exact).toBe(false);
    w.forEach((wj, j) => expect(r.values[j]).toBeCloseTo(wj * (xi[j]! - mean[j]!), 4));
    const sum = r.values.reduce((s, v) => s + v, 0);
    expect(Math.abs(sum - (r.fx - r.baseValue))).toBeLessThan(1e-9);
    bgT.dispose();
  });

  it('keeps efficiency to 1e-5 on a sampled nonlinear problem and gives φ = 0 to features that never vary', async () => {
    const predict = (z: tf.Tensor) => tf.tidy(() => tf.reshape(tf.sum(tf.tanh(tf.mul(z, tf.range(1, 11).div(5))), 1), [-1, 1]));
    const xi = Array.from({ length: 10 }, (_, j) => (j === 4 ? 0.3 : 1 - j / 7));
    const background = Array.from({ length: 4 }, (_, r) => Array.from({ length: 10 }, (_, j) => (j === 4 ? 0.3 : Math.sin(r + j))));
    const r = await expectNoLeak(() => kernelShap(predict, xi, background, { target: 0, nsamples: 200, seed: 3 }));
    expect(r.values[4]).toBe(0);
    const sum = r.values.reduce((s, v) => s + v, 0);
    expect(Math.abs(sum - (r.fx - r.baseValue))).toBeLessThan(1e-5);
  });

  it('names the argument in its errors', async () => {
    await expectNoLeak(async () => {
      await expect(kernelShap(fTf, x, [[1, 2, 3]], { target: 0 })).rejects.toThrow(/background has 3 columns but instance has 4/);
      await expect(kernelShap(fTf, x, bg, { target: 5 })).rejects.toThrow(/target.*\[0, 1\]/);
      await expect(kernelShap(fTf, [1, 2, NaN, 4], bg, { target: 0 })).rejects.toThrow(/instance contains a non-finite/);
      await expect(kernelShap(fTf, x, bg, { target: 0, nsamples: 0 })).rejects.toThrow(/options.nsamples/);
    });
  });
});
