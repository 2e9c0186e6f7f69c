import { describe, expect, it } from 'vitest';
import { trainTree, type TreeNode } from '../../src/models/tree.ts';

/**
 * Impurity-decrease importance checked by hand (Breiman et al. 1984; scikit-learn's
 * feature_importances_): importance_j ∝ Σ_{splits on j} n_t G(t) − n_l G(l) − n_r G(r).
 */
describe('decision-tree impurity importance', () => {
  // y = a AND b, two copies of each of the four (a, b) rows; c is constant (never split on)
  const rows = [[0, 0, 7], [0, 1, 7], [1, 0, 7], [1, 1, 7]].flatMap((r) => [r, r]);
  const x = Float32Array.from(rows.flat());
  const y = Int32Array.from(rows, ([a, b]) => (a! && b! ? 1 : 0));

  it('equals the hand-computed Gini decreases: root 8·0.375 − 4·0 − 4·0.5 = 1, second split 4·0.5 = 2', () => {
    const tree = trainTree(x, y, 3, { maxDepth: 3, minNumSamples: 1 });
    const root = tree.root as Extract<TreeNode, { kind: 'split' }>;
    expect(root.kind).toBe('split');
    expect(root.gini).toBeCloseTo(0.375, 12);
    const first = root.feature;
    const other = 1 - first;
    const imp = tree.featureImportance();
    expect(imp[first]).toBeCloseTo(1 / 3, 12);
    expect(imp[other]).toBeCloseTo(2 / 3, 12);
    expect(imp[2]).toBe(0);
    expect(tree.accuracy(x, y)).toBe(1);
  });

  it('weights a split by the rows reaching it, not by depth', () => {
    // 90 rows decided by a at the root; the 10 with a = 1 split perfectly on b
    const r: number[][] = [];
    for (let i = 0; i < 90; i++) r.push([0, i % 2]);
    for (let i = 0; i < 10; i++) r.push([1, i % 2]);
    const xs = Float32Array.from(r.flat());
    const ys = Int32Array.from(r, ([a, b]) => (a === 1 ? (b === 1 ? 1 : 2) : 0));
    const tree = trainTree(xs, ys, 2, { maxDepth: 3, minNumSamples: 1 });
    // root: G = 1 − (0.9² + 0.05² + 0.05²) = 0.185, n·G = 18.5; children 0 and 10·0.5 = 5 → Δ = 13.5
    // second: 10·0.5 − 0 − 0 = 5; shares 13.5/18.5 and 5/18.5
    const imp = tree.featureImportance();
    expect(imp[0]).toBeCloseTo(13.5 / 18.5, 10);
    expect(imp[1]).toBeCloseTo(5 / 18.5, 10);
  });
});
