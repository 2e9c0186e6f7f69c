import { describe, expect, test } from 'vitest';
import { xorData } from '../../src/data/xor.ts';
import { circles, gaussians, moons, spirals, type Toy2d } from '../../src/data/toy2d.ts';

describe('xor', () => {
  test('four corners labelled by XOR', () => {
    const { x, y, n } = xorData();
    expect(n).toBe(4);
    expect(x.length).toBe(8);
    for (let i = 0; i < 4; i++) expect(y[i]).toBe(x[2 * i]! ^ x[2 * i + 1]!);
  });
});

const generators: [string, (seed: number) => Toy2d][] = [
  ['circles', (seed) => circles({ n: 200, seed })],
  ['moons', (seed) => moons({ n: 200, seed })],
  ['spirals', (seed) => spirals({ n: 300, classes: 3, seed })],
  ['gaussians', (seed) => gaussians({ n: 300, seed })],
];

describe.each(generators)('%s', (_name, make) => {
  test('shapes, labels and classes', () => {
    const d = make(1);
    expect(d.x).toBeInstanceOf(Float32Array);
    expect(d.y).toBeInstanceOf(Int32Array);
    expect(d.x.length).toBe(d.n * 2);
    expect(d.y.length).toBe(d.n);
    const counts = new Array(d.classes).fill(0);
    for (const c of d.y) counts[c]++;
    for (const c of counts) expect(Math.abs(c - d.n / d.classes)).toBeLessThanOrEqual(1);
    for (const v of d.x) expect(Number.isFinite(v)).toBe(true);
  });
  test('same seed → same data, different seed → different data', () => {
    expect(make(3)).toEqual(make(3));
    expect(make(3).x).not.toEqual(make(4).x);
  });
});

test('circles: inner class has the smaller radius', () => {
  const d = circles({ n: 400, noise: 0.02, seed: 9 });
  for (let i = 0; i < d.n; i++) {
    const r = Math.hypot(d.x[2 * i]!, d.x[2 * i + 1]!);
    expect(d.y[i] === 1 ? r < 0.75 : r > 0.75).toBe(true);
  }
});
