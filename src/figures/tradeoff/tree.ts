/**
 * The white box of the transparency–performance figure: a CART tree (src/models/tree.ts)
 * fitted to the toy data, its accuracy, its decision boundary, and its rules written
 * out as nested if/else code a reader can follow by hand. Pure and fast (a few
 * milliseconds for 300 points), so the page refits it on every move of the depth slider.
 */
import { trainTree, type TreeNode, type TrainedTree } from '../../models/tree.ts';
import { GRID, type TradeoffData } from './data.ts';

export interface TreeResult {
  depth: number;
  /** Depth the tree actually reached (smaller when the leaves became pure). */
  actualDepth: number;
  leaves: number;
  trainAccuracy: number;
  testAccuracy: number;
  /** Share of training rows of class 1 in the leaf each grid point falls in. */
  boundary: Float32Array;
  /** The tree as nested if/else code. */
  code: string;
  /** One rule per leaf. */
  rules: string[];
  /** Milliseconds the fit took. */
  millis: number;
}

const NAMES = ['x₁', 'x₂'];

export function countLeaves(node: TreeNode): number {
  return node.kind === 'leaf' ? 1 : countLeaves(node.left) + countLeaves(node.right);
}

/** The tree as code: `if (x₁ < 0.52) { … } else { … }` with `return class` at the leaves. */
export function treeToCode(root: TreeNode, names: string[] = NAMES): string {
  const fmt = (v: number) => Number(v.toPrecision(3)).toString();
  const lines: string[] = [];
  const walk = (node: TreeNode, indent: string) => {
    if (node.kind === 'leaf') {
      const share = node.samples ? Math.round((100 * (node.classCounts[node.prediction] ?? 0)) / node.samples) : 0;
      lines.push(`${indent}return ${node.prediction}  // ${share} % of ${node.samples} training points`);
      return;
    }
    lines.push(`${indent}if (${names[node.feature] ?? `x${node.feature}`} < ${fmt(node.threshold)}) {`);
    walk(node.left, `${indent}  `);
    lines.push(`${indent}} else {`);
    walk(node.right, `${indent}  `);
    lines.push(`${indent}}`);
  };
  walk(root, '');
  return lines.join('\n');
}

function classOneShare(tree: TrainedTree, x: Float32Array): Float32Array {
  const out = new Float32Array(x.length / 2);
  for (let i = 0; i < out.length; i++) {
    let node = tree.root;
    while (node.kind === 'split') node = x[2 * i + node.feature]! < node.threshold ? node.left : node.right;
    out[i] = node.samples ? (node.classCounts[1] ?? 0) / node.samples : node.prediction;
  }
  return out;
}

export function fitTree(data: TradeoffData, depth: number): TreeResult {
  const t0 = performance.now();
  const tree = trainTree(data.train.x, data.train.y, 2, { maxDepth: depth, minNumSamples: 3 });
  const millis = performance.now() - t0;
  const boundary = classOneShare(tree, data.grid);
  if (boundary.length !== GRID * GRID) throw new Error('tree: grid size mismatch');
  return {
    depth,
    actualDepth: tree.depth,
    leaves: countLeaves(tree.root),
    trainAccuracy: tree.accuracy(data.train.x, data.train.y),
    testAccuracy: tree.accuracy(data.test.x, data.test.y),
    boundary,
    code: treeToCode(tree.root),
    rules: tree.rules(NAMES),
    millis,
  };
}

/**
 * The exercise's answer: the smallest depth (1–8) whose test accuracy is within
 * `points` percentage points of `target`, or null when none is.
 */
export function smallestDepthWithin(data: TradeoffData, target: number, points = 2): { depth: number; accuracy: number } | null {
  for (let depth = 1; depth <= 8; depth++) {
    const acc = fitTree(data, depth).testAccuracy;
    if (acc >= target - points / 100 - 1e-9) return { depth, accuracy: acc };
  }
  return null;
}
