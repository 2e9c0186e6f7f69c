/**
 * A CART decision tree (Breiman et al., 1984; Gini impurity) on tabular data such as
 * src/data/tabular.ts, wrapped so a page can show it: its rules, its structure
 * and its impurity-based feature importance, which a chapter compares with the
 * known informative features and with attributions of a neural network.
 *
 * Training is done by `ml-cart`; we then copy its tree into plain objects
 * ({@link TreeNode}), route the training rows through it to count samples and
 * classes per node (ml-cart does not keep these at leaves), and compute
 * importance from those counts as scikit-learn does:
 *
 *   importance_j ∝ Σ_{splits on j} [ n_t·G(t) − n_l·G(l) − n_r·G(r) ],  normalised to sum 1,
 *
 * where G is the Gini impurity 1 − Σ_c p_c² and n the number of training rows.
 */
import { DecisionTreeClassifier, type CartNode } from 'ml-cart';

/** A node of the fitted tree, ready for rendering. */
export type TreeNode = TreeSplit | TreeLeaf;

interface NodeStats {
  /** Training rows reaching this node. */
  samples: number;
  /** Training rows of each class reaching this node. */
  classCounts: number[];
  /** Gini impurity of those rows. */
  gini: number;
}

export interface TreeSplit extends NodeStats {
  kind: 'split';
  /** Rows with x[feature] < threshold go left, the rest right. */
  feature: number;
  threshold: number;
  left: TreeNode;
  right: TreeNode;
}

export interface TreeLeaf extends NodeStats {
  kind: 'leaf';
  /** Predicted class. */
  prediction: number;
}

export interface TrainTreeOptions {
  /** Maximum depth (root = depth 0); default 4, small enough to read. */
  maxDepth?: number;
  /** Nodes with at most this many rows become leaves (ml-cart's default 3). */
  minNumSamples?: number;
  /**
   * Unused: CART is deterministic given the data. Accepted so a figure can pass
   * the same options to every model builder.
   */
  seed?: number;
}

export interface TrainedTree {
  root: TreeNode;
  nFeatures: number;
  nClasses: number;
  depth: number;
  /** Class per row of a row-major n×nFeatures matrix. */
  predict(x: Float32Array): Int32Array;
  /** Fraction of rows whose prediction equals y. */
  accuracy(x: Float32Array, y: Int32Array): number;
  /**
   * One readable rule per leaf, left to right, e.g.
   * "if x3 < 0.52 and x7 ≥ -1.2 then class 1 (94 % of 120 samples)".
   */
  rules(featureNames?: string[]): string[];
  /** Impurity-based importance per feature, summing to 1 (all 0 for a single leaf). */
  featureImportance(): Float64Array;
}

function rowsOf(x: Float32Array, nFeatures: number): number[][] {
  const n = x.length / nFeatures;
  if (!Number.isInteger(n)) throw new Error(`tree: x has ${x.length} values, not a multiple of nFeatures = ${nFeatures}`);
  const rows: number[][] = [];
  for (let i = 0; i < n; i++) rows.push(Array.from(x.subarray(i * nFeatures, (i + 1) * nFeatures)));
  return rows;
}

function argmax(v: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < v.length; i++) if (v[i]! > v[best]!) best = i;
  return best;
}

/** Copies ml-cart's tree into plain nodes (statistics filled in later). */
function convert(node: CartNode, nClasses: number): TreeNode {
  const empty = (): NodeStats => ({ samples: 0, classCounts: new Array<number>(nClasses).fill(0), gini: 0 });
  if (node.left && node.right && node.splitColumn !== undefined && node.splitValue !== undefined) {
    return {
      kind: 'split',
      feature: node.splitColumn,
      threshold: node.splitValue,
      left: convert(node.left, nClasses),
      right: convert(node.right, nClasses),
      ...empty(),
    };
  }
  if (!node.distribution) throw new Error('tree: ml-cart leaf without a class distribution');
  return { kind: 'leaf', prediction: argmax(node.distribution.to1DArray()), ...empty() };
}

function leafFor(root: TreeNode, x: ArrayLike<number>, offset: number): TreeLeaf {
  let node = root;
  while (node.kind === 'split') node = x[offset + node.feature]! < node.threshold ? node.left : node.right;
  return node;
}

function fillStats(root: TreeNode, x: Float32Array, y: Int32Array, nFeatures: number): void {
  for (let i = 0; i < y.length; i++) {
    let node = root;
    for (;;) {
      node.samples++;
      node.classCounts[y[i]!]!++;
      if (node.kind === 'leaf') break;
      node = x[i * nFeatures + node.feature]! < node.threshold ? node.left : node.right;
    }
  }
  const visit = (node: TreeNode) => {
    node.gini = node.samples ? 1 - node.classCounts.reduce((s, c) => s + (c / node.samples) ** 2, 0) : 0;
    if (node.kind === 'split') {
      visit(node.left);
      visit(node.right);
    }
  };
  visit(root);
}

function depthOf(node: TreeNode): number {
  return node.kind === 'leaf' ? 0 : 1 + Math.max(depthOf(node.left), depthOf(node.right));
}

/**
 * Fits a CART tree to a row-major n×nFeatures matrix `x` and labels `y` (0…k-1).
 * Thresholds are midpoints between neighbouring training values.
 */
export function trainTree(x: Float32Array, y: Int32Array, nFeatures: number, opts: TrainTreeOptions = {}): TrainedTree {
  const { maxDepth = 4, minNumSamples = 3 } = opts;
  const rows = rowsOf(x, nFeatures);
  if (rows.length !== y.length) throw new Error(`tree: ${rows.length} rows but ${y.length} labels`);
  const nClasses = y.reduce((m, v) => Math.max(m, v + 1), 0);
  const cart = new DecisionTreeClassifier({ maxDepth, minNumSamples });
  cart.train(rows, Array.from(y));
  const root = convert(cart.root, nClasses);
  fillStats(root, x, y, nFeatures);

  const predict = (xs: Float32Array): Int32Array => {
    const n = xs.length / nFeatures;
    const out = new Int32Array(n);
    for (let i = 0; i < n; i++) out[i] = leafFor(root, xs, i * nFeatures).prediction;
    return out;
  };

  return {
    root,
    nFeatures,
    nClasses,
    depth: depthOf(root),
    predict,
    accuracy(xs, ys) {
      const p = predict(xs);
      let right = 0;
      for (let i = 0; i < p.length; i++) if (p[i] === ys[i]) right++;
      return p.length ? right / p.length : 0;
    },
    rules(featureNames) {
      const name = (j: number) => featureNames?.[j] ?? `x${j}`;
      const fmt = (v: number) => Number(v.toPrecision(3)).toString();
      const out: string[] = [];
      const walk = (node: TreeNode, conds: string[]) => {
        if (node.kind === 'split') {
          walk(node.left, [...conds, `${name(node.feature)} < ${fmt(node.threshold)}`]);
          walk(node.right, [...conds, `${name(node.feature)} ≥ ${fmt(node.threshold)}`]);
          return;
        }
        const share = node.samples ? Math.round((100 * (node.classCounts[node.prediction] ?? 0)) / node.samples) : 0;
        const test = conds.length ? `if ${conds.join(' and ')} then ` : '';
        out.push(`${test}class ${node.prediction} (${share} % of ${node.samples} samples)`);
      };
      walk(root, []);
      return out;
    },
    featureImportance() {
      const imp = new Float64Array(nFeatures);
      const walk = (node: TreeNode) => {
        if (node.kind === 'leaf') return;
        imp[node.feature]! += node.samples * node.gini - node.left.samples * node.left.gini - node.right.samples * node.right.gini;
        walk(node.left);
        walk(node.right);
      };
      walk(root);
      const total = imp.reduce((a, b) => a + b, 0);
      if (total > 0) for (let j = 0; j < nFeatures; j++) imp[j]! /= total;
      return imp;
    },
  };
}
