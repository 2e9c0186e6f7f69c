import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { expectNoLeak } from '../helpers/tf.ts';
import { saliency } from '../../src/explain/saliency.ts';
import { gradientTimesInput } from '../../src/explain/gradient-times-input.ts';
import { smoothGrad } from '../../src/explain/smooth-grad.ts';
import { integratedGradients } from '../../src/explain/integrated-gradients.ts';
import { gaussLegendre, quadrature } from '../../src/explain/quadrature.ts';
import { toPlain } from '../../src/explain/plain.ts';

const W = [
  [0.5, -1.0, 2.0],
  [1.5, 0.25, -0.5],
]; // 2 classes × 3 inputs
const X = [0.3, -0.7, 1.1];

function softmaxModel(Wt: tf.Tensor2D) {
  return (x: tf.Tensor) => tf.softmax(tf.matMul(x as tf.Tensor2D, Wt, false, true));
}

/** Analytic ∂ softmax(Wx)_c / ∂x = p_c (w_c − Σ_k p_k w_k). */
function softmaxGrad(x: number[], c: number): number[] {
  const z = W.map((w) => w.reduce((s, wi, i) => s + wi * x[i]!, 0));
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const p = e.map((v) => v / e.reduce((a, b) => a + b, 0));
  return x.map((_, i) => p[c]! * (W[c]![i]! - p.reduce((s, pk, k) => s + pk * W[k]![i]!, 0)));
}

/** A smooth two-layer tanh network with fixed weights: 4 inputs → 5 → 3. */
function smallNet() {
  const w1 = tf.tensor2d([0.4, -0.3, 0.8, 0.1, -0.6, 0.2, 0.5, -0.9, 0.3, 0.7, -0.2, 0.6, 0.1, -0.4, 0.9, 0.2, -0.5, 0.3, 0.4, -0.1], [4, 5]);
  const w2 = tf.tensor2d([0.6, -0.2, 0.3, -0.7, 0.5, 0.1, 0.2, 0.8, -0.4, 0.3, -0.6, 0.9, 0.5, 0.1, -0.3], [5, 3]);
  const predict = (x: tf.Tensor) => tf.softmax(tf.matMul(tf.tanh(tf.matMul(x as tf.Tensor2D, w1)), w2));
  return { predict, dispose: () => tf.dispose([w1, w2]) };
}

describe('saliency', () => {
  it('equals the analytic derivative of softmax(Wx), signed and absolute', async () => {
    const Wt = tf.tensor2d(W);
    const x = tf.tensor2d([X]);
    const predict = softmaxModel(Wt);
    for (const c of [0, 1]) {
      const g = await expectNoLeak(async () => {
        const s = await saliency(predict, x, c, { abs: false });
        const a = await saliency(predict, x, c);
        const out = [toPlain(s), toPlain(a)];
        tf.dispose([s, a]);
        return out;
      });
      const want = softmaxGrad(X, c);
      expect(g[0]!.shape).toEqual([1, 3]);
      g[0]!.values.forEach((v, i) => expect(v).toBeCloseTo(want[i]!, 5));
      g[1]!.values.forEach((v, i) => expect(v).toBeCloseTo(Math.abs(want[i]!), 5));
    }
    tf.dispose([Wt, x]);
  });

  it('matches central finite differences on a tanh network', async () => {
    const net = smallNet();
    const xs = [0.2, -0.4, 0.9, -0.1];
    const x = tf.tensor2d([xs]);
    const g = await expectNoLeak(async () => {
      const s = await saliency(net.predict, x, 2, { abs: false });
      const v = Array.from(await s.data());
      s.dispose();
      return v;
    });
    const f = (v: number[]) => tf.tidy(() => net.predict(tf.tensor2d([v])).dataSync()[2]!);
    const h = 1e-2;
    xs.forEach((_, i) => {
      const up = xs.slice();
      const dn = xs.slice();
      up[i]! += h;
      dn[i]! -= h;
      expect(g[i]!).toBeCloseTo((f(up) - f(dn)) / (2 * h), 3);
    });
    net.dispose();
    x.dispose();
  });

  it('names the argument in its errors', async () => {
    const Wt = tf.tensor2d(W);
    const predict = softmaxModel(Wt);
    const x = tf.tensor2d([X]);
    const two = tf.tensor2d([X, X]);
    const bad = tf.tensor2d([[0, NaN, 1]]);
    await expectNoLeak(async () => {
      await expect(saliency(predict, x, 2)).rejects.toThrow(/target.*\[0, 1\]/);
      await expect(saliency(predict, x, -1)).rejects.toThrow(/target/);
      await expect(saliency(predict, two, 0)).rejects.toThrow(/x must be one example.*\[2, 3\]/);
      await expect(saliency(predict, bad, 0)).rejects.toThrow(/x contains non-finite/);
      await expect(saliency('nope' as never, x, 0)).rejects.toThrow(/predict must be a function/);
    });
    tf.dispose([Wt, x, two, bad]);
  });
});

describe('gradient × input', () => {
  it('is w ⊙ x for a linear model', async () => {
    const w = tf.tensor2d([[2, -3, 0.5]]);
    const x = tf.tensor2d([[1, 2, -4]]);
    const predict = (z: tf.Tensor) => tf.matMul(z as tf.Tensor2D, w, false, true);
    const v = await expectNoLeak(async () => {
      const a = await gradientTimesInput(predict, x, 0);
      const out = Array.from(await a.data());
      a.dispose();
      return out;
    });
    expect(v).toEqual([2, -6, -2]);
    tf.dispose([w, x]);
  });
});

describe('SmoothGrad', () => {
  it('averages to the analytic gradient 2x of f = Σx² (σ-noise cancels in expectation)', async () => {
    const xs = [0.5, -1, 2, 0];
    const x = tf.tensor2d([xs]);
    const predict = (z: tf.Tensor) => tf.sum(tf.square(z), 1, true);
    const v = await expectNoLeak(async () => {
      const a = await smoothGrad(predict, x, 0, { samples: 400, sigma: 0.1, seed: 3, batchSize: 128 });
      const out = Array.from(await a.data());
      a.dispose();
      return out;
    });
    // σ = 0.1·(2 − (−1)) = 0.3; the mean of 2ε over 400 draws has sd 0.03.
    xs.forEach((xi, i) => expect(Math.abs(v[i]! - 2 * xi)).toBeLessThan(0.12));
    tf.dispose(x);
  });

  it('is reproducible for a seed and equals the plain gradient of a linear model', async () => {
    const w = tf.tensor2d([[1, -2, 3]]);
    const x = tf.tensor2d([[0.1, 0.2, 0.3]]);
    const predict = (z: tf.Tensor) => tf.matMul(z as tf.Tensor2D, w, false, true);
    const [a, b] = await expectNoLeak(async () => {
      const r1 = await smoothGrad(predict, x, 0, { samples: 10, sigma: 0.2, seed: 1 });
      const r2 = await smoothGrad(predict, x, 0, { samples: 10, sigma: 0.2, seed: 1, abs: true });
      const out = [Array.from(await r1.data()), Array.from(await r2.data())];
      tf.dispose([r1, r2]);
      return out;
    });
    a!.forEach((v, i) => expect(v).toBeCloseTo([1, -2, 3][i]!, 5));
    b!.forEach((v, i) => expect(v).toBeCloseTo([1, 2, 3][i]!, 5));
    await expect(smoothGrad(predict, x, 0, { sigma: -1 })).rejects.toThrow(/options.sigma/);
    await expect(smoothGrad(predict, x, 0, { samples: 0 })).rejects.toThrow(/options.samples/);
    tf.dispose([w, x]);
  });
});

describe('quadrature', () => {
  it('Gauss–Legendre matches numpy leggauss and integrates degree 2m−1 exactly', () => {
    const { nodes, weights } = gaussLegendre(3);
    expect(nodes[0]).toBeCloseTo(-Math.sqrt(3 / 5), 12);
    expect(nodes[1]).toBeCloseTo(0, 12);
    expect(weights[0]).toBeCloseTo(5 / 9, 12);
    expect(weights[1]).toBeCloseTo(8 / 9, 12);
    const q = quadrature('gauss-legendre', 4);
    const integral = q.alphas.reduce((s, a, k) => s + q.weights[k]! * (7 * a ** 7 - 3 * a ** 2 + 1), 0);
    expect(integral).toBeCloseTo(7 / 8 - 1 + 1, 12);
    const t = quadrature('trapezoid', 5);
    expect(Array.from(t.alphas)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(Array.from(t.weights)).toEqual([0.125, 0.25, 0.25, 0.25, 0.125]);
    expect(Array.from(quadrature('riemann-right', 4).alphas)).toEqual([0.25, 0.5, 0.75, 1]);
    expect(() => quadrature('simpson' as never, 4)).toThrow(/options.rule/);
  });
});

describe('integrated gradients', () => {
  it('on a linear model equals (x − baseline)·w exactly, for every rule', async () => {
    const w = tf.tensor2d([[0.5, -2, 3, 1]]);
    const x = tf.tensor2d([[1, 2, -1, 0.5]]);
    const baseline = tf.tensor2d([[0.5, -1, 0, 0.5]]);
    const predict = (z: tf.Tensor) => tf.matMul(z as tf.Tensor2D, w, false, true);
    for (const rule of ['gauss-legendre', 'trapezoid', 'riemann-left', 'riemann-right', 'riemann-middle'] as const) {
      const r = await expectNoLeak(async () => {
        const res = await integratedGradients(predict, x, 0, { baseline, steps: 7, rule });
        const v = Array.from(await res.attributions.data());
        res.attributions.dispose();
        return { ...res, v };
      });
      [0.25, -6, -3, 0].forEach((want, i) => expect(r.v[i]).toBeCloseTo(want, 5));
      expect(r.gap).toBeLessThan(1e-5);
      expect(r.fx - r.fBaseline).toBeCloseTo(-8.75, 5);
    }
    tf.dispose([w, x, baseline]);
  });

  it('is complete on a smooth network: gap < 1e-3 relative with 16 Gauss–Legendre points', async () => {
    const net = smallNet();
    const x = tf.tensor2d([[1.5, -2, 2.5, 0.8]]);
    const r = await expectNoLeak(async () => {
      const gl = await integratedGradients(net.predict, x, 1, { steps: 16, rule: 'gauss-legendre' });
      const rr = await integratedGradients(net.predict, x, 1, { steps: 16, rule: 'riemann-right', baseline: 0 });
      gl.attributions.dispose();
      rr.attributions.dispose();
      return { gl, rr };
    });
    const delta = Math.abs(r.gl.fx - r.gl.fBaseline);
    expect(delta).toBeGreaterThan(0.05);
    expect(r.gl.gap / delta).toBeLessThan(1e-3);
    expect(r.gl.gap).toBeLessThan(r.rr.gap);
    net.dispose();
    x.dispose();
  });

  it('rejects a baseline of the wrong shape and a bad steps count', async () => {
    const w = tf.tensor2d([[1, 1]]);
    const x = tf.tensor2d([[1, 2]]);
    const b = tf.tensor2d([[1, 2, 3]]);
    const predict = (z: tf.Tensor) => tf.matMul(z as tf.Tensor2D, w, false, true);
    await expectNoLeak(async () => {
      await expect(integratedGradients(predict, x, 0, { baseline: b })).rejects.toThrow(/options.baseline/);
      await expect(integratedGradients(predict, x, 0, { steps: 0 })).rejects.toThrow(/options.steps/);
      await expect(integratedGradients(predict, x, 3)).rejects.toThrow(/target.*\[0, 0\]/);
    });
    tf.dispose([w, x, b]);
  });
});
