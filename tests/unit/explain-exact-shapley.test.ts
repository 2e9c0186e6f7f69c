import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { expectNoLeak } from '../helpers/tf.ts';
import { exactShapley } from '../../src/explain/exact-shapley.ts';
import { kernelShap } from '../../src/explain/kernel-shap.ts';

/** A nonlinear model with pairwise interactions on d inputs, two outputs. */
function model(d: number) {
  const W = tf.tensor2d(Array.from({ length: d * 6 }, (_, i) => Math.sin(1.7 * i + 0.3)), [d, 6]);
  const V = tf.tensor2d(Array.from({ length: 12 }, (_, i) => Math.cos(2.3 * i)), [6, 2]);
  const predict = (x: tf.Tensor) => tf.tidy(() => tf.matMul(tf.tanh(tf.matMul(x as tf.Tensor2D, W)), V));
  return { predict, dispose: () => tf.dispose([W, V]) };
}

describe('exactShapley', () => {
  it('gives φ = w·(x − E[b]) for a linear model (d = 6, two background rows)', async () => {
    const w = [1, -2, 0.5, 0, 3, -1];
    const W = tf.tensor2d(w, [6, 1]);
    const predict = (z: tf.Tensor) => tf.tidy(() => tf.matMul(z as tf.Tensor2D, W));
    const x = [1, 2, 3, 4, 5, 6];
    const bg = [[0, 0, 0, 0, 0, 0], [2, 1, -1, 0, 1, 2]];
    const r = await expectNoLeak(() => exactShapley(predict, x, bg, { target: 0 }));
    expect(r.coalitions).toBe(64);
    w.forEach((wj, j) => expect(r.values[j]).toBeCloseTo(wj * (x[j]! - (bg[0]![j]! + bg[1]![j]!) / 2), 4));
    W.dispose();
  });

  it('satisfies efficiency and symmetry, and gives a dummy feature 0', async () => {
    // f = tanh(x0 + x1) + 0·x2: x0 and x1 symmetric, x2 a dummy
    const predict = (z: tf.Tensor) => tf.tidy(() => {
      const [a, b] = tf.split(z, [1, 1, 1], 1) as tf.Tensor2D[];
      return tf.tanh(tf.add(a!, b!));
    });
    const r = await expectNoLeak(() => exactShapley(predict, [0.7, 0.7, 5], [[0, 0, 0]], { target: 0 }));
    expect(r.values[0]).toBeCloseTo(r.values[1]!, 6);
    expect(r.values[2]).toBeCloseTo(0, 6);
    expect(r.values.reduce((a, b) => a + b, 0)).toBeCloseTo(r.fx - r.baseValue, 6);
  });

  it('KernelSHAP with enough coalitions matches the exact values (d = 10, nonlinear)', async () => {
    const d = 10;
    const m = model(d);
    const x = Array.from({ length: d }, (_, j) => Math.cos(j) * 1.5);
    const bg = [Array.from({ length: d }, (_, j) => 0.2 * Math.sin(3 * j)), Array.from({ length: d }, () => -0.3)];
    for (const target of [0, 1]) {
      const ex = await expectNoLeak(() => exactShapley(m.predict, x, bg, { target }));
      expect(ex.values.reduce((a, b) => a + b, 0)).toBeCloseTo(ex.fx - ex.baseValue, 5);
      const scale = Math.max(...Array.from(ex.values, Math.abs));
      const errOf = async (nsamples: number) => {
        const ks = await expectNoLeak(() => kernelShap(m.predict, x, bg, { target, nsamples, seed: 3 }));
        expect(ks.exact).toBe(false);
        expect(ks.values.reduce((a, b) => a + b, 0)).toBeCloseTo(ks.fx - ks.baseValue, 6);
        expect(ks.baseValue).toBeCloseTo(ex.baseValue, 5);
        return Math.max(...Array.from(ex.values, (e, j) => Math.abs(ks.values[j]! - e))) / scale;
      };
      const fine = await errOf(900);
      expect(fine, `target ${target}`).toBeLessThan(0.05);
      expect(fine).toBeLessThan(await errOf(100));
      // with the whole budget (2^10 − 2) KernelSHAP enumerates and is exact
      const full = await kernelShap(m.predict, x, bg, { target, nsamples: 1022 });
      expect(full.exact).toBe(true);
      ex.values.forEach((e, j) => expect(full.values[j]).toBeCloseTo(e, 5));
    }
    m.dispose();
  });

  it('refuses more than 16 features', async () => {
    const predict = (z: tf.Tensor) => tf.tidy(() => tf.sum(z, 1, true));
    await expect(exactShapley(predict, new Array(17).fill(1), [new Array(17).fill(0)], { target: 0 })).rejects.toThrow(/instance length/);
  });
});
