/**
 * Classification metrics from labels, in plain TypeScript: the confusion matrix and,
 * per class, precision = TP / (TP + FP), recall = TP / (TP + FN) and
 * F1 = 2·P·R / (P + R). A class never predicted gets precision 0 (scikit-learn's
 * `zero_division=0`), so the numbers are always finite.
 */

/** counts[t * k + p]: examples of true class t predicted as p. */
export function confusionMatrix(truth: ArrayLike<number>, predicted: ArrayLike<number>, k: number): Int32Array {
  if (truth.length !== predicted.length) throw new RangeError(`truth has ${truth.length} labels but predicted has ${predicted.length}`);
  const m = new Int32Array(k * k);
  for (let i = 0; i < truth.length; i++) {
    const t = truth[i]!;
    const p = predicted[i]!;
    if (t < 0 || t >= k || p < 0 || p >= k) throw new RangeError(`label out of range 0..${k - 1} at row ${i}`);
    m[t * k + p]!++;
  }
  return m;
}

export interface ClassMetrics {
  precision: Float64Array;
  recall: Float64Array;
  f1: Float64Array;
  support: Int32Array;
  accuracy: number;
}

export function perClassMetrics(cm: Int32Array, k: number): ClassMetrics {
  const precision = new Float64Array(k);
  const recall = new Float64Array(k);
  const f1 = new Float64Array(k);
  const support = new Int32Array(k);
  let correct = 0;
  let total = 0;
  for (let c = 0; c < k; c++) {
    let predictedAsC = 0;
    let trulyC = 0;
    for (let j = 0; j < k; j++) {
      predictedAsC += cm[j * k + c]!;
      trulyC += cm[c * k + j]!;
    }
    const tp = cm[c * k + c]!;
    precision[c] = predictedAsC ? tp / predictedAsC : 0;
    recall[c] = trulyC ? tp / trulyC : 0;
    f1[c] = precision[c]! + recall[c]! ? (2 * precision[c]! * recall[c]!) / (precision[c]! + recall[c]!) : 0;
    support[c] = trulyC;
    correct += tp;
    total += trulyC;
  }
  return { precision, recall, f1, support, accuracy: total ? correct / total : 0 };
}

export interface ProbabilityScores {
  /** The most probable class of each row (the first one on a tie). */
  predicted: Int32Array;
  /** Mean cross-entropy −log p(true class), with p clipped to [1e-7, 1 − 1e-7] like Keras. */
  loss: number;
  accuracy: number;
}

/**
 * Scores a classifier's softmax output: `probs` holds n rows of `classes`
 * probabilities (row-major), `labels` the true class of each row.
 */
export function scoreProbabilities(probs: ArrayLike<number>, labels: ArrayLike<number>, n: number, classes: number): ProbabilityScores {
  const predicted = new Int32Array(n);
  let loss = 0;
  let correct = 0;
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let c = 1; c < classes; c++) if (probs[i * classes + c]! > probs[i * classes + best]!) best = c;
    predicted[i] = best;
    const label = labels[i]!;
    if (best === label) correct++;
    loss -= Math.log(Math.min(1 - 1e-7, Math.max(1e-7, probs[i * classes + label]!)));
  }
  return { predicted, loss: loss / n, accuracy: correct / n };
}
