import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { describe, expect, it } from 'vitest';
import { expectNoLeak } from '../helpers/tf.ts';
import { mulberry32 } from '../../src/engine/random.ts';
import { permutationImportance } from '../../src/explain/permutation-importance.ts';
import { deletionCurve, insertionCurve, trapezoidAuc } from '../../src/explain/deletion-insertion.ts';
import { rankAgreement, spearman } from '../../src/explain/rank-agreement.ts';
import { randomisationCheck } from '../../src/explain/randomisation-check.ts';
import { saliency } from '../../src/explain/saliency.ts';
import { modelPredict } from '../../src/explain/model-graph.ts';
import { toPlain, toPlainAsync } from '../../src/explain/plain.ts';

describe('permutation importance', () => {
  it('ranks the only used feature first and gives the others exactly 0', async () => {
    const rng = mulberry32(9);
    const X = Array.from({ length: 200 }, () => [rng() - 0.5, rng() - 0.5, rng() - 0.5]);
    const y = X.map((r) => (r[0]! > 0 ? 1 : 0));
    const predict = (x: tf.Tensor) => tf.tidy(() => {
      const x0 = tf.slice(x, [0, 0], [-1, 1]);
      return tf.concat([tf.neg(x0), x0], 1);
    });
    const r = await expectNoLeak(() => permutationImportance(predict, X, y, { repeats: 4, seed: 1 }));
    expect(r.baseline).toBe(1);
    expect(r.mean[0]).toBeGreaterThan(0.3);
    expect(r.mean[1]).toBe(0);
    expect(r.mean[2]).toBe(0);
    expect(r.std[1]).toBe(0);
    expect(r.importances[0]!.length).toBe(4);
    const m = r.importances[0]!.reduce((s, v) => s + v, 0) / 4;
    expect(r.mean[0]).toBeCloseTo(m, 12);
    expect(r.std[0]).toBeCloseTo(Math.sqrt(r.importances[0]!.reduce((s, v) => s + (v - m) ** 2, 0) / 4), 12);
    const reg = await expectNoLeak(() => permutationImportance((x) => tf.tidy(() => tf.slice(x, [0, 0], [-1, 1])), X, X.map((r) => r[0]!), { metric: 'r2', repeats: 2 }));
    expect(reg.baseline).toBeCloseTo(1, 6);
    expect(reg.mean[0]).toBeGreaterThan(1);
    await expect(permutationImportance(predict, X, y.slice(1))).rejects.toThrow(/y has 199 entries but X has 200 rows/);
    await expect(permutationImportance(predict, X, y, { metric: 'f1' as never })).rejects.toThrow(/options.metric/);
    await expect(permutationImportance(predict, X, y.map(() => 7))).rejects.toThrow(/y must hold integer class labels in \[0, 1\]/);
  });
});

describe('deletion and insertion curves', () => {
  it('for a model summing pixels fall (rise) faster with the true attribution than a random one', async () => {
    const h = 8, w = 8;
    const rng = mulberry32(4);
    const pixels = Float32Array.from({ length: h * w }, () => rng() ** 3);
    const x = tf.tensor4d(pixels, [1, h, w, 1]);
    const predict = (z: tf.Tensor) => tf.tidy(() => tf.reshape(tf.sum(z, [1, 2, 3]), [-1, 1]));
    const random = Float32Array.from({ length: h * w }, () => rng());
    const [dt, dr, it, ir] = await expectNoLeak(async () => [
      await deletionCurve(predict, x, pixels, 0, { steps: 16 }),
      await deletionCurve(predict, x, random, 0, { steps: 16 }),
      await insertionCurve(predict, x, pixels, 0, { steps: 16 }),
      await insertionCurve(predict, x, random, 0, { steps: 16 }),
    ]);
    const total = pixels.reduce((s, v) => s + v, 0);
    expect(dt!.fractions.length).toBe(17);
    expect(dt!.scores[0]).toBeCloseTo(total, 4);
    expect(dt!.scores[16]).toBeCloseTo(0, 5);
    expect(it!.scores[0]).toBeCloseTo(0, 5);
    expect(it!.scores[16]).toBeCloseTo(total, 4);
    expect(dt!.auc).toBeLessThan(dr!.auc);
    expect(it!.auc).toBeGreaterThan(ir!.auc);
    for (let k = 1; k <= 16; k++) expect(dt!.scores[k]!).toBeLessThanOrEqual(dt!.scores[k - 1]! + 1e-5);
    expect(trapezoidAuc([0, 0.5, 1], [1, 1, 0])).toBeCloseTo(0.75, 12);
    await expect(deletionCurve(predict, x, new Float32Array(5), 0)).rejects.toThrow(/attribution must have x's 64 entries/);
    await expect(deletionCurve(predict, x, pixels, 2)).rejects.toThrow(/target.*\[0, 0\]/);
    x.dispose();
  });
});

describe('rank agreement', () => {
  it('computes Spearman with average ranks for ties and top-k overlap', async () => {
    expect(spearman([1, 2, 2, 3], [1, 2, 3, 4])).toBeCloseTo(4.5 / Math.sqrt(22.5), 12);
    expect(spearman([1, 2, 3], [30, 20, 10])).toBeCloseTo(-1, 12);
    const a = tf.tensor1d([0.9, 0.1, 0.5, 0.3]);
    const r = await expectNoLeak(() => rankAgreement(a, [0.8, 0.2, 0.1, 0.6], { k: 2 }));
    expect(r.topKOverlap).toBe(0.5); // {0, 2} vs {0, 3}
    expect(r.spearman).toBeCloseTo(0.4, 12);
    await expect(rankAgreement([1, 2], [1, 2, 3])).rejects.toThrow(/b must have as many values as a/);
    a.dispose();
  });
});

describe('model-parameter randomisation check', () => {
  it('decorrelates saliency layer by layer from the top, leaves the model intact, and passes a model-blind control', async () => {
    const model = tfl.sequential({
      layers: [
        tfl.layers.conv2d({ inputShape: [6, 6, 1], filters: 3, kernelSize: 3, activation: 'tanh', name: 'conv', kernelInitializer: tfl.initializers.glorotUniform({ seed: 1 }) }),
        tfl.layers.flatten({ name: 'flat' }),
        tfl.layers.dense({ units: 8, activation: 'tanh', name: 'hidden', kernelInitializer: tfl.initializers.glorotUniform({ seed: 2 }) }),
        tfl.layers.dense({ units: 2, name: 'out', kernelInitializer: tfl.initializers.glorotUniform({ seed: 3 }) }),
      ],
    });
    const x = tf.tensor4d(Array.from({ length: 36 }, (_, i) => Math.cos(i / 3)), [1, 6, 6, 1]);
    const before = model.getWeights().map((t) => Array.from(t.dataSync()));
    const method = (m: tfl.LayersModel, xx: tf.Tensor, t: number) => saliency(modelPredict(m), xx, t, { abs: false });
    const r = await expectNoLeak(() => randomisationCheck(model, x, 1, method, { seed: 5 }));
    expect(r.steps.map((s) => s.layer)).toEqual(['out', 'hidden', 'conv']);
    expect(r.steps[r.steps.length - 1]!.spearman).toBeLessThan(0.9);
    for (const s of r.steps) expect(Number.isFinite(s.spearmanAbs)).toBe(true);
    model.getWeights().forEach((t, i) => expect(Array.from(t.dataSync())).toEqual(before[i]));
    const control = await expectNoLeak(() => randomisationCheck(model, x, 1, (_m, xx) => tf.abs(xx), { seed: 5 }));
    for (const s of control.steps) expect(s.spearman).toBeCloseTo(1, 12);
    await expect(randomisationCheck(model, x, 7, method)).rejects.toThrow(/target.*\[0, 1\]/);
    model.dispose();
    x.dispose();
  });
});

describe('toPlain', () => {
  it('copies values and shape and disposes nothing', async () => {
    const t = tf.tensor2d([[1, 2, 3]]);
    const p = await expectNoLeak(() => toPlain(t));
    const q = await expectNoLeak(() => toPlainAsync(t));
    expect(p).toEqual({ values: Float32Array.from([1, 2, 3]), shape: [1, 3] });
    expect(q).toEqual(p);
    expect(t.isDisposed).toBe(false);
    t.dispose();
  });
});
