import { describe, expect, it } from 'vitest';
import { confusionMatrix, perClassMetrics, scoreProbabilities } from '../../src/train/metrics.ts';

describe('classification metrics', () => {
  it('counts a confusion matrix and derives precision, recall and F1 as scikit-learn does', () => {
    const truth = [0, 0, 0, 1, 1, 2];
    const pred = [0, 0, 1, 1, 2, 2];
    const cm = confusionMatrix(truth, pred, 3);
    expect(Array.from(cm)).toEqual([2, 1, 0, 0, 1, 1, 0, 0, 1]);
    const m = perClassMetrics(cm, 3);
    // class 0: TP 2, FP 0, FN 1 → P 1, R 2/3, F1 0.8
    expect(m.precision[0]).toBeCloseTo(1);
    expect(m.recall[0]).toBeCloseTo(2 / 3);
    expect(m.f1[0]).toBeCloseTo(0.8);
    // class 1: TP 1, FP 1, FN 1 → 0.5 each
    expect(m.f1[1]).toBeCloseTo(0.5);
    expect(m.accuracy).toBeCloseTo(4 / 6);
    expect(Array.from(m.support)).toEqual([3, 2, 1]);
  });

  it('gives 0, not NaN, for a class that is never predicted', () => {
    const m = perClassMetrics(confusionMatrix([0, 1], [0, 0], 2), 2);
    expect(m.precision[1]).toBe(0);
    expect(m.f1[1]).toBe(0);
  });
});

describe('scoreProbabilities', () => {
  it('takes the most probable class (the first on a tie), the accuracy and the clipped mean cross-entropy', () => {
    const probs = [
      0.7, 0.2, 0.1, // predicts 0, true 0
      0.1, 0.3, 0.6, // predicts 2, true 1
      0.5, 0.5, 0, // tie → 0, true 2: p = 0 is clipped to 1e-7
    ];
    const s = scoreProbabilities(probs, [0, 1, 2], 3, 3);
    expect(Array.from(s.predicted)).toEqual([0, 2, 0]);
    expect(s.accuracy).toBeCloseTo(1 / 3);
    expect(s.loss).toBeCloseTo((-Math.log(0.7) - Math.log(0.3) - Math.log(1e-7)) / 3, 10);
  });

  it('scores only the first n rows', () => {
    const s = scoreProbabilities([0.9, 0.1, 0.2, 0.8], [1, 1], 1, 2);
    expect(Array.from(s.predicted)).toEqual([0]);
    expect(s.accuracy).toBe(0);
    expect(s.loss).toBeCloseTo(-Math.log(0.1), 10);
  });
});
