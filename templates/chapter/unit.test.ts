import { describe, expect, it } from 'vitest';
import { LOGITS, softmaxWithTemperature } from '../../src/figures/__ID__/compute.ts';

describe('__TITLE__: softmax with temperature', () => {
  it('is a probability distribution that keeps the order of the logits', () => {
    const p = softmaxWithTemperature(LOGITS, 1);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect([...p]).toEqual([...p].sort((a, b) => b - a));
  });
  it('sharpens as T falls and flattens as T grows', () => {
    expect(softmaxWithTemperature(LOGITS, 0.1)[0]).toBeGreaterThan(0.99);
    expect(Math.max(...softmaxWithTemperature(LOGITS, 100)) - 0.25).toBeLessThan(0.01);
  });
  it('refuses a temperature that is not positive', () => {
    expect(() => softmaxWithTemperature(LOGITS, 0)).toThrow(/positive/);
  });
});
