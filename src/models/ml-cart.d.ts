/**
 * Types for the parts of `ml-cart` (CART decision trees, no bundled types) that
 * src/models/tree.ts uses. Node fields as in ml-cart 2.1 src/TreeNode.js.
 */
declare module 'ml-cart' {
  export interface CartNode {
    /** Feature index tested at a split node. */
    splitColumn?: number;
    /** Threshold: rows with x[splitColumn] < splitValue go left. */
    splitValue?: number;
    /** Gini gain of the split, relative to this node's samples. */
    gain?: number;
    numberSamples?: number;
    left?: CartNode;
    right?: CartNode;
    /** At leaves: a 1×k ml-matrix row of class frequencies. */
    distribution?: { to1DArray(): number[] };
  }

  export interface DecisionTreeClassifierOptions {
    gainFunction?: 'gini';
    splitFunction?: 'mean';
    minNumSamples?: number;
    maxDepth?: number;
    gainThreshold?: number;
  }

  export class DecisionTreeClassifier {
    constructor(options?: DecisionTreeClassifierOptions);
    root: CartNode;
    train(trainingSet: number[][], trainingLabels: number[]): void;
    predict(toPredict: number[][]): number[];
  }
}
