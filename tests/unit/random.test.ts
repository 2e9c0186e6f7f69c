import { describe, expect, it } from 'vitest';
import { mulberry32, normal, permutation, subSeed } from '../../src/engine/random.ts';

describe('seeded randomness', () => {
  it('gives the same stream for the same seed and a different one for another seed', () => {
    const a = mulberry32(42), b = mulberry32(42), c = mulberry32(43);
    const xa = Array.from({ length: 5 }, a), xb = Array.from({ length: 5 }, b), xc = Array.from({ length: 5 }, c);
    expect(xa).toEqual(xb);
    expect(xa).not.toEqual(xc);
    for (const x of xa) expect(x >= 0 && x < 1).toBe(true);
  });

  it('draws normals with mean near 0 and variance near 1', () => {
    const n = normal(mulberry32(1));
    const xs = Array.from({ length: 20000 }, n);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
  });

  it('permutes every index exactly once', () => {
    const p = permutation(100, mulberry32(3));
    expect([...p].sort((x, y) => x - y)).toEqual([...Array(100).keys()]);
  });

  it('derives independent sub-seeds per stream', () => {
    expect(subSeed(1, 'weights')).toBe(subSeed(1, 'weights'));
    expect(subSeed(1, 'weights')).not.toBe(subSeed(1, 'shuffle'));
    expect(subSeed(1, 'weights')).not.toBe(subSeed(2, 'weights'));
  });
});
