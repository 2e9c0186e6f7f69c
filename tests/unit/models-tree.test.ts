import { describe, expect, test } from 'vitest';
import { makeClassification, trainTestSplit } from '../../src/data/tabular.ts';
import { DecisionTreeClassifier } from 'ml-cart';
import { trainTree, type TreeNode } from '../../src/models/tree.ts';
import { trainForest } from '../../src/models/forest.ts';

describe('trainTree on makeClassification data', () => {
  const data = makeClassification({ nSamples: 600, seed: 1 });
  const { train, test: held } = trainTestSplit(data, 0.25, 1);
  const tree = trainTree(train.x, train.y, data.nFeatures, { maxDepth: 3, seed: 1 });

  test('learns well above chance', () => {
    expect(tree.accuracy(train.x, train.y)).toBeGreaterThan(0.8);
    expect(tree.accuracy(held.x, held.y)).toBeGreaterThan(0.7);
    expect(tree.depth).toBeLessThanOrEqual(3);
    expect(tree.predict(held.x)).toHaveLength(held.nSamples);
  });

  test('predictions equal ml-cart’s own', () => {
    const rows = Array.from({ length: held.nSamples }, (_, i) => Array.from(held.x.subarray(i * 20, (i + 1) * 20)));
    const rowsTrain = Array.from({ length: train.nSamples }, (_, i) => Array.from(train.x.subarray(i * 20, (i + 1) * 20)));
    const cart = new DecisionTreeClassifier({ maxDepth: 3, minNumSamples: 3 });
    cart.train(rowsTrain, Array.from(train.y));
    expect(Array.from(tree.predict(held.x))).toEqual(cart.predict(rows));
  });

  test('node statistics are consistent', () => {
    const check = (node: TreeNode): void => {
      expect(node.classCounts.reduce((a, b) => a + b, 0)).toBe(node.samples);
      if (node.kind === 'split') {
        expect(node.left.samples + node.right.samples).toBe(node.samples);
        check(node.left);
        check(node.right);
      }
    };
    expect(tree.root.samples).toBe(train.nSamples);
    check(tree.root);
  });

  test('importance sums to 1 and points at the signal-carrying columns', () => {
    const imp = tree.featureImportance();
    expect(imp).toHaveLength(20);
    expect(imp.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
    const signal = [...data.informative, ...data.redundant];
    const onSignal = signal.reduce((s, j) => s + imp[j]!, 0);
    expect(onSignal).toBeGreaterThan(0.6);
    const top = Array.from(imp).indexOf(Math.max(...imp));
    expect(signal).toContain(top);
  });

  test('rules render with feature names', () => {
    const names = data.featureNames.map((n) => `feature ${n}`);
    const rules = tree.rules(names);
    let leaves = 0;
    const count = (n: TreeNode): void => {
      if (n.kind === 'leaf') leaves++;
      else {
        count(n.left);
        count(n.right);
      }
    };
    count(tree.root);
    expect(rules).toHaveLength(leaves);
    for (const r of rules) expect(r).toMatch(/^if feature x\d+ (<|≥) -?[\d.e+-]+( and feature x\d+ (<|≥) -?[\d.e+-]+)* then class [01] \(\d+ % of \d+ samples\)$/);
  });

  test('a pure data set gives a single leaf', () => {
    const t = trainTree(new Float32Array([0, 1, 2, 3, 4, 5, 6, 7]), new Int32Array([1, 1, 1, 1]), 2);
    expect(t.root.kind).toBe('leaf');
    expect(t.rules()).toEqual(['class 1 (100 % of 4 samples)']);
    expect(Array.from(t.featureImportance())).toEqual([0, 0]);
  });
});

describe('trainForest', () => {
  const data = makeClassification({ nSamples: 600, seed: 1 });
  const { train, test: held } = trainTestSplit(data, 0.25, 2);

  test('learns, is seeded, and its importance finds the signal', () => {
    const f = trainForest(train.x, train.y, 20, { nEstimators: 10, maxDepth: 4, seed: 1 });
    expect(f.trees).toHaveLength(10);
    expect(f.accuracy(held.x, held.y)).toBeGreaterThan(0.75);
    const again = trainForest(train.x, train.y, 20, { nEstimators: 10, maxDepth: 4, seed: 1 });
    expect(Array.from(again.predict(held.x))).toEqual(Array.from(f.predict(held.x)));
    expect(again.trees.map((t) => t.columns)).toEqual(f.trees.map((t) => t.columns));
    const other = trainForest(train.x, train.y, 20, { nEstimators: 10, maxDepth: 4, seed: 2 });
    expect(other.trees.map((t) => t.columns)).not.toEqual(f.trees.map((t) => t.columns));
    const imp = f.featureImportance();
    expect(imp.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
    const signal = [...data.informative, ...data.redundant];
    const onSignal = signal.reduce((s, j) => s + imp[j]!, 0);
    const perNoise = (1 - onSignal) / data.noise.length;
    expect(onSignal / signal.length).toBeGreaterThan(5 * perNoise);
  });
});
