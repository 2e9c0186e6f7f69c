import { describe, expect, it } from 'vitest';
import { confusionMatrix, perClassMetrics } from '../../src/train/metrics.ts';

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
