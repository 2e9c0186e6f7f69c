import { describe, expect, test } from 'vitest';
import { makeClassification, standardize, trainTestSplit } from '../../src/data/tabular.ts';

/** |mean(class 1) − mean(class 0)| / pooled std of column j. */
function separation(x: Float32Array, y: Int32Array, d: number, j: number): number {
  const sum = [0, 0];
  const sq = [0, 0];
  const n = [0, 0];
  for (let i = 0; i < y.length; i++) {
    const c = y[i]!;
    const v = x[i * d + j]!;
    sum[c]! += v;
    sq[c]! += v * v;
    n[c]!++;
  }
  const m0 = sum[0]! / n[0]!;
  const m1 = sum[1]! / n[1]!;
  const v = (sq[0]! + sq[1]! - n[0]! * m0 * m0 - n[1]! * m1 * m1) / (n[0]! + n[1]!);
  return Math.abs(m1 - m0) / Math.sqrt(v);
}

describe('makeClassification', () => {
  test('shapes, names and ground-truth bookkeeping', () => {
    const d = makeClassification({ seed: 1 });
    expect(d.x).toBeInstanceOf(Float32Array);
    expect(d.x.length).toBe(1000 * 20);
    expect(d.y.length).toBe(1000);
    expect(d.nSamples).toBe(1000);
    expect(d.nFeatures).toBe(20);
    expect(d.informative).toHaveLength(2);
    expect(d.redundant).toHaveLength(2);
    expect(d.repeated).toHaveLength(0);
    expect(d.noise).toHaveLength(16);
    expect(new Set([...d.informative, ...d.redundant, ...d.noise]).size).toBe(20);
    expect(d.featureNames).toEqual(Array.from({ length: 20 }, (_, j) => `x${j}`));
    const ones = d.y.reduce((a, b) => a + b, 0);
    expect(Math.abs(ones - 500)).toBeLessThan(30); // balanced up to label noise
  });

  test('same seed → same data, different seed → different data and columns', () => {
    expect(makeClassification({ seed: 5 })).toEqual(makeClassification({ seed: 5 }));
    const a = makeClassification({ seed: 5 });
    const b = makeClassification({ seed: 6 });
    expect(a.x).not.toEqual(b.x);
  });

  test('informative columns carry the signal, noise columns do not', () => {
    // Several seeds, so a lucky draw cannot pass the test.
    for (const seed of [1, 2, 3]) {
      const d = makeClassification({ nSamples: 2000, nInformative: 3, nRedundant: 2, nClustersPerClass: 1, classSep: 1.5, seed });
      const sepInf = Math.max(...d.informative.map((j) => separation(d.x, d.y, 20, j)));
      const sepNoise = Math.max(...d.noise.map((j) => separation(d.x, d.y, 20, j)));
      expect(sepInf).toBeGreaterThan(0.5);
      expect(sepNoise).toBeLessThan(0.15);
    }
  });

  test('noise columns are N(0, 1), redundant columns are linear in the informative ones', () => {
    const d = makeClassification({ nSamples: 3000, seed: 11 });
    for (const j of d.noise) {
      let m = 0;
      let s = 0;
      for (let i = 0; i < d.nSamples; i++) m += d.x[i * 20 + j]! / d.nSamples;
      for (let i = 0; i < d.nSamples; i++) s += (d.x[i * 20 + j]! - m) ** 2 / d.nSamples;
      expect(Math.abs(m)).toBeLessThan(0.1);
      expect(Math.abs(Math.sqrt(s) - 1)).toBeLessThan(0.1);
    }
    // Fit r = a·x_i0 + b·x_i1 by least squares on 2 rows' worth of equations and check the rest.
    const [i0, i1] = d.informative as [number, number];
    for (const r of d.redundant) {
      let a11 = 0, a12 = 0, a22 = 0, b1 = 0, b2 = 0;
      for (let i = 0; i < d.nSamples; i++) {
        const u = d.x[i * 20 + i0]!, v = d.x[i * 20 + i1]!, t = d.x[i * 20 + r]!;
        a11 += u * u; a12 += u * v; a22 += v * v; b1 += u * t; b2 += v * t;
      }
      const det = a11 * a22 - a12 * a12;
      const ca = (b1 * a22 - b2 * a12) / det;
      const cb = (a11 * b2 - a12 * b1) / det;
      let maxErr = 0;
      for (let i = 0; i < d.nSamples; i++) {
        const pred = ca * d.x[i * 20 + i0]! + cb * d.x[i * 20 + i1]!;
        maxErr = Math.max(maxErr, Math.abs(pred - d.x[i * 20 + r]!));
      }
      expect(maxErr).toBeLessThan(1e-4);
    }
  });

  test('no shuffle keeps informative columns first; flipY = 0 gives cluster labels; multi-class works', () => {
    const d = makeClassification({ nSamples: 300, nFeatures: 6, nInformative: 3, nRedundant: 1, nRepeated: 1, nClasses: 3, flipY: 0, shuffle: false, seed: 2 });
    expect(d.informative).toEqual([0, 1, 2]);
    expect(d.redundant).toEqual([3]);
    expect(d.repeated).toEqual([4]);
    expect(d.noise).toEqual([5]);
    expect(new Set(d.y)).toEqual(new Set([0, 1, 2]));
    // The repeated column is an exact copy of an earlier one.
    const copies = [0, 1, 2, 3].filter((j) => Array.from({ length: 300 }, (_, i) => d.x[i * 6 + j] === d.x[i * 6 + 4]).every(Boolean));
    expect(copies).toHaveLength(1);
  });

  test('rejects impossible settings', () => {
    expect(() => makeClassification({ nFeatures: 3, nInformative: 2, nRedundant: 2, seed: 1 })).toThrow(/≤ nFeatures/);
    expect(() => makeClassification({ nInformative: 1, nClasses: 2, nClustersPerClass: 2, seed: 1 })).toThrow(/2\^nInformative/);
  });
});

describe('trainTestSplit and standardize', () => {
  test('split is a seeded partition of the rows', () => {
    const d = makeClassification({ nSamples: 200, seed: 3 });
    const { train, test } = trainTestSplit(d, 0.25, 7);
    expect(test.nSamples).toBe(50);
    expect(train.nSamples).toBe(150);
    expect(train.x.length).toBe(150 * 20);
    // Every original row appears exactly once (identify rows by their first two values).
    const key = (x: Float32Array, i: number) => `${x[i * 20]},${x[i * 20 + 1]}`;
    const all = new Set(Array.from({ length: 200 }, (_, i) => key(d.x, i)));
    const seen = [...Array.from({ length: 150 }, (_, i) => key(train.x, i)), ...Array.from({ length: 50 }, (_, i) => key(test.x, i))];
    expect(new Set(seen)).toEqual(all);
    expect(trainTestSplit(d, 0.25, 7)).toEqual({ train, test });
    expect(trainTestSplit(d, 0.25, 8).test.x).not.toEqual(test.x);
    expect(() => trainTestSplit(d, 1, 7)).toThrow(/testFraction/);
  });

  test('standardize uses train statistics only', () => {
    const d = makeClassification({ nSamples: 400, seed: 4 });
    const { train, test } = trainTestSplit(d, 0.5, 1);
    const s = standardize(train, test);
    for (let j = 0; j < 20; j++) {
      let m = 0;
      let v = 0;
      for (let i = 0; i < 200; i++) m += s.train.x[i * 20 + j]! / 200;
      for (let i = 0; i < 200; i++) v += (s.train.x[i * 20 + j]! - m) ** 2 / 200;
      expect(Math.abs(m)).toBeLessThan(1e-5);
      expect(Math.abs(v - 1)).toBeLessThan(1e-4);
      expect(s.test.x[j]).toBeCloseTo((test.x[j]! - s.mean[j]!) / s.std[j]!, 5);
    }
    expect(s.test.y).toEqual(test.y);
  });
});
