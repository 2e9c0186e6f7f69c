import { describe, expect, it } from 'vitest';
import { tradeoffData, GRID } from '../../src/figures/tradeoff/data.ts';
import { fitTree, smallestDepthWithin, treeToCode } from '../../src/figures/tradeoff/tree.ts';
import { TradeoffSession } from '../../src/figures/tradeoff/session.ts';
import { tradeoffSchema, DATASETS } from '../../src/figures/tradeoff/state.ts';
import { defaults } from '../../src/state/url-state.ts';
import { expectNoLeak } from '../helpers/tf.ts';

describe('the transparency–performance figure', () => {
  it('builds the same data from the same state, with independent train and test halves', () => {
    for (const name of DATASETS) {
      const a = tradeoffData(name, 3);
      const b = tradeoffData(name, 3);
      expect(a.train.x).toEqual(b.train.x);
      expect(a.test.x).not.toEqual(a.train.x);
      expect(a.grid).toHaveLength(GRID * GRID * 2);
    }
    expect(() => tradeoffData('rings', 1)).toThrow(/moons, circles, spirals/);
  });

  it('fits trees fast whose code has one return per leaf and whose training accuracy grows with depth', () => {
    const data = tradeoffData('spirals', 1);
    let previous = 0;
    for (let depth = 1; depth <= 8; depth++) {
      const t = fitTree(data, depth);
      expect(t.actualDepth).toBeLessThanOrEqual(depth);
      expect(t.code.match(/return /g)).toHaveLength(t.leaves);
      expect(t.rules).toHaveLength(t.leaves);
      expect(t.trainAccuracy).toBeGreaterThanOrEqual(previous - 1e-9);
      previous = t.trainAccuracy;
      expect(t.boundary.every((p) => p >= 0 && p <= 1)).toBe(true);
      expect(t.millis).toBeLessThan(500); // a few ms on an idle machine; generous for shared CI
    }
    expect(fitTree(data, 1).code.split('\n')).toHaveLength(5);
    expect(smallestDepthWithin(data, 0)).toEqual({ depth: 1, accuracy: fitTree(data, 1).testAccuracy });
    expect(smallestDepthWithin(data, 2)).toBeNull();
  });

  it('writes a one-split tree as if/else', () => {
    const code = treeToCode({
      kind: 'split', feature: 1, threshold: 0.25, samples: 4, classCounts: [2, 2], gini: 0.5,
      left: { kind: 'leaf', prediction: 0, samples: 2, classCounts: [2, 0], gini: 0 },
      right: { kind: 'leaf', prediction: 1, samples: 2, classCounts: [1, 1], gini: 0.5 },
    });
    expect(code).toBe('if (x₂ < 0.25) {\n  return 0  // 100 % of 2 training points\n} else {\n  return 1  // 50 % of 2 training points\n}');
  });

  it('trains the network beyond a one-split tree on the moons, without leaking tensors', async () => {
    const state = defaults(tradeoffSchema);
    expect(state.data).toBe('moons');
    const view = await expectNoLeak(async () => {
      const s = new TradeoffSession(state);
      try {
        while (s.epoch < state.epochs) await s.trainEpoch();
        return await s.view(2);
      } finally {
        s.dispose();
      }
    });
    expect(view.boundary).toHaveLength(GRID * GRID);
    expect(view.tree.depth).toBe(2);
    expect(view.depths.map((d) => d.depth)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(view.depths[1]!.testAccuracy).toBe(view.tree.testAccuracy);
    const stump = fitTree(tradeoffData(state.data, state.seed), 1);
    expect(view.testAccuracy).toBeGreaterThan(stump.testAccuracy + 0.05);
    expect(view.testAccuracy).toBeGreaterThan(0.9);
  }, 120_000);
});
