/**
 * A random forest (Breiman, 2001) of the CART trees in ./tree.ts: each tree sees a
 * bootstrap sample of the rows and a random subset of the columns, and the forest
 * predicts by majority vote. Used to contrast a single tree's brittle importance
 * with an averaged one.
 *
 * We build it ourselves rather than with `ml-random-forest` so all randomness comes
 * from src/engine/random.ts (one seed reproduces the forest in Node and every
 * browser). Like ml-random-forest, columns are drawn once per tree, not per split
 * (ml-cart has no per-split sampling), which decorrelates trees a little less than
 * scikit-learn's forests.
 *
 * Importance is the mean of the trees' impurity-based importances (each mapped
 * back to the original columns), normalised to sum to 1, as in scikit-learn.
 */
import { mulberry32, permutation, subSeed } from '../engine/random.ts';
import { trainTree, type TrainedTree } from './tree.ts';

export interface TrainForestOptions {
  /** Number of trees (default 25). */
  nEstimators?: number;
  /** Depth limit of each tree (default 6). */
  maxDepth?: number;
  /** Fraction of columns each tree sees (default 0.5; at least one column). */
  maxFeatures?: number;
  seed: number;
}

export interface TrainedForest {
  trees: { tree: TrainedTree; columns: number[] }[];
  nFeatures: number;
  nClasses: number;
  /** Majority vote per row of a row-major n×nFeatures matrix (ties → lowest class). */
  predict(x: Float32Array): Int32Array;
  accuracy(x: Float32Array, y: Int32Array): number;
  /** Mean impurity-based importance per feature, summing to 1. */
  featureImportance(): Float64Array;
}

function selectColumns(x: Float32Array, nFeatures: number, columns: number[], rows?: ArrayLike<number>): Float32Array {
  const n = rows ? rows.length : x.length / nFeatures;
  const out = new Float32Array(n * columns.length);
  for (let i = 0; i < n; i++) {
    const r = rows ? rows[i]! : i;
    for (let j = 0; j < columns.length; j++) out[i * columns.length + j] = x[r * nFeatures + columns[j]!]!;
  }
  return out;
}

export function trainForest(x: Float32Array, y: Int32Array, nFeatures: number, opts: TrainForestOptions): TrainedForest {
  const { nEstimators = 25, maxDepth = 6, maxFeatures = 0.5, seed } = opts;
  const n = y.length;
  const nClasses = y.reduce((m, v) => Math.max(m, v + 1), 0);
  const k = Math.max(1, Math.min(nFeatures, Math.round(nFeatures * maxFeatures)));
  const trees: TrainedForest['trees'] = [];
  for (let t = 0; t < nEstimators; t++) {
    const rng = mulberry32(subSeed(seed, `forest/tree-${t}`));
    const columns = Array.from(permutation(nFeatures, rng).subarray(0, k)).sort((a, b) => a - b);
    const rows = Int32Array.from({ length: n }, () => Math.floor(rng() * n));
    const yb = Int32Array.from(rows, (r) => y[r]!);
    trees.push({ tree: trainTree(selectColumns(x, nFeatures, columns, rows), yb, k, { maxDepth }), columns });
  }

  const predict = (xs: Float32Array): Int32Array => {
    const m = xs.length / nFeatures;
    const votes = new Int32Array(m * nClasses);
    for (const { tree, columns } of trees) {
      const p = tree.predict(selectColumns(xs, nFeatures, columns));
      for (let i = 0; i < m; i++) votes[i * nClasses + p[i]!]!++;
    }
    const out = new Int32Array(m);
    for (let i = 0; i < m; i++) {
      let best = 0;
      for (let c = 1; c < nClasses; c++) if (votes[i * nClasses + c]! > votes[i * nClasses + best]!) best = c;
      out[i] = best;
    }
    return out;
  };

  return {
    trees,
    nFeatures,
    nClasses,
    predict,
    accuracy(xs, ys) {
      const p = predict(xs);
      let right = 0;
      for (let i = 0; i < p.length; i++) if (p[i] === ys[i]) right++;
      return p.length ? right / p.length : 0;
    },
    featureImportance() {
      const imp = new Float64Array(nFeatures);
      for (const { tree, columns } of trees) {
        const ti = tree.featureImportance();
        columns.forEach((c, j) => (imp[c]! += ti[j]!));
      }
      const total = imp.reduce((a, b) => a + b, 0);
      if (total > 0) for (let j = 0; j < nFeatures; j++) imp[j]! /= total;
      return imp;
    },
  };
}
