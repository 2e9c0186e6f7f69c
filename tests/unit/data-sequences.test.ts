import { describe, expect, test } from 'vitest';
import { addingLabel, addingProblem, FILLER_TOKEN, MARKER_TOKEN, tokenAfterMarker } from '../../src/data/sequences.ts';

describe('addingProblem', () => {
  test('shapes and defaults', () => {
    const d = addingProblem({ n: 100, seed: 1 });
    expect(d.steps).toBe(20);
    expect(d.features).toBe(2);
    expect(d.k).toBe(2);
    expect(d.x.length).toBe(100 * 20 * 2);
    expect(d.y.length).toBe(100);
    expect(d.important.length).toBe(200);
  });

  test('exactly two markers, at the ground-truth positions, and the label recomputes', () => {
    const d = addingProblem({ n: 500, steps: 15, seed: 2 });
    for (let e = 0; e < d.n; e++) {
      const marked: number[] = [];
      for (let t = 0; t < d.steps; t++) {
        const v = d.x[(e * d.steps + t) * 2]!;
        expect(v >= 0 && v < 1).toBe(true);
        if (d.x[(e * d.steps + t) * 2 + 1] === 1) marked.push(t);
      }
      expect(marked).toEqual([d.important[2 * e], d.important[2 * e + 1]]);
      const [i, j] = marked as [number, number];
      const mean = (d.x[(e * d.steps + i) * 2]! + d.x[(e * d.steps + j) * 2]!) / 2;
      expect(d.y[e]).toBe(Math.min(9, Math.floor(mean * 10)));
    }
    const classes = new Set(d.y);
    expect(classes.size).toBeGreaterThanOrEqual(9);
    expect(addingLabel(1, 1)).toBe(9);
    expect(addingLabel(0, 0)).toBe(0);
  });

  test('seeded', () => {
    expect(addingProblem({ n: 50, seed: 3 })).toEqual(addingProblem({ n: 50, seed: 3 }));
    expect(addingProblem({ n: 50, seed: 3 }).x).not.toEqual(addingProblem({ n: 50, seed: 4 }).x);
  });
});

describe('tokenAfterMarker', () => {
  test('one-hot steps, one marker, label = token at the important position', () => {
    const d = tokenAfterMarker({ n: 400, steps: 12, seed: 5 });
    expect(d.features).toBe(12);
    expect(d.k).toBe(1);
    expect(d.x.length).toBe(400 * 12 * 12);
    const tokenAt = (e: number, t: number) => {
      const row = d.x.subarray((e * d.steps + t) * d.features, (e * d.steps + t + 1) * d.features);
      expect(row.reduce((a, b) => a + b, 0)).toBe(1);
      return row.indexOf(1);
    };
    let distractors = 0;
    let fillers = 0;
    for (let e = 0; e < d.n; e++) {
      const tokens = Array.from({ length: d.steps }, (_, t) => tokenAt(e, t));
      expect(tokens.filter((t) => t === MARKER_TOKEN)).toHaveLength(1);
      const pos = d.important[e]!;
      expect(tokens[pos - 1]).toBe(MARKER_TOKEN);
      expect(tokens[pos]).toBe(d.y[e]);
      expect(d.y[e]).toBeLessThan(10);
      distractors += tokens.filter((t, i) => t < 10 && i !== pos).length;
      fillers += tokens.filter((t) => t === FILLER_TOKEN).length;
    }
    // Distractor digits are present, so the label cannot be read off by counting.
    expect(distractors).toBeGreaterThan(d.n * 2);
    expect(new Set(d.y).size).toBe(10);
    // fillerRate 0.5: about half of the other steps are filler.
    expect(fillers / (d.n * (d.steps - 2))).toBeCloseTo(0.5, 1);
  });

  test('seeded', () => {
    expect(tokenAfterMarker({ n: 50, seed: 3 })).toEqual(tokenAfterMarker({ n: 50, seed: 3 }));
    expect(tokenAfterMarker({ n: 50, seed: 3 }).x).not.toEqual(tokenAfterMarker({ n: 50, seed: 4 }).x);
  });
});
