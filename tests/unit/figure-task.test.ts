import { describe, expect, it } from 'vitest';
import { conditionFromDataset, conditionMet, conditionProblems, conditionToDataset, validateCondition } from '../../src/figures/figure-task/condition.ts';
import catalogue from '../../src/i18n/figures/figure-task.ts';

describe('a figure task condition', () => {
  it('compares numbers above and below, never counting NaN or missing values', () => {
    const above = { op: 'above', value: 10 } as const;
    expect(conditionMet(above, '10.5')).toBe(true);
    expect(conditionMet(above, '10')).toBe(false);
    expect(conditionMet(above, 'Infinity')).toBe(true);
    expect(conditionMet(above, 'NaN')).toBe(false);
    expect(conditionMet(above, '')).toBe(false);
    expect(conditionMet(above, null)).toBe(false);
    expect(conditionMet(above, 'high')).toBe(false);
    const below = { op: 'below', value: 0.05 } as const;
    expect(conditionMet(below, '0.0499')).toBe(true);
    expect(conditionMet(below, '0.05')).toBe(false);
    expect(conditionMet(below, '-Infinity')).toBe(true);
    expect(conditionMet(below, 'NaN')).toBe(false);
  });

  it('tests equality as text, or as a number when the value is one', () => {
    expect(conditionMet({ op: 'equals', value: 'diverged' }, 'diverged')).toBe(true);
    expect(conditionMet({ op: 'equals', value: 'diverged' }, 'error')).toBe(false);
    expect(conditionMet({ op: 'equals', value: 'true' }, 'false')).toBe(false);
    expect(conditionMet({ op: 'equals', value: 300 }, '300')).toBe(true);
    expect(conditionMet({ op: 'equals', value: 300 }, '300.0')).toBe(true);
    expect(conditionMet({ op: 'equals', value: 0 }, '')).toBe(false);
    expect(conditionMet({ op: 'equals', value: 3 }, '30')).toBe(false);
  });

  it('finds a substring with includes', () => {
    expect(conditionMet({ op: 'includes', value: 'conv' }, 'block1_conv2')).toBe(true);
    expect(conditionMet({ op: 'includes', value: 'pool' }, 'block1_conv2')).toBe(false);
    expect(conditionMet({ op: 'includes', value: 'x' }, null)).toBe(false);
  });

  it('accepts a well-formed condition and round-trips it through the element attributes', () => {
    for (const c of [
      { figure: 'xor', attr: 'status', op: 'equals', value: 'diverged' },
      { figure: 'hans', attr: 'saliency-share', op: 'above', value: 0.5 },
      { figure: 'mnist', attr: 'epoch', op: 'equals', value: 3 },
    ] as const) {
      expect(conditionProblems(c)).toEqual([]);
      const attrs = conditionToDataset(validateCondition(c));
      // data-foo-bar → dataset.fooBar, as the browser does.
      const dataset = Object.fromEntries(Object.entries(attrs).map(([k, v]) => [k.slice(5).replace(/-(\w)/g, (_, ch: string) => ch.toUpperCase()), v]));
      expect(conditionFromDataset(dataset)).toEqual(c);
    }
  });

  it('refuses, with a message naming the problem, conditions that could never be tested', () => {
    const base = { figure: 'xor', attr: 'loss', op: 'below', value: 0.1 };
    expect(() => validateCondition({ ...base, op: 'under' }, 'FigureTask (x)')).toThrow(/FigureTask \(x\): condition must be one of equals, above, below, includes, got "under"/);
    expect(() => validateCondition({ ...base, value: '0.1' })).toThrow(/"below" needs a finite number as value, got "0.1"/);
    expect(() => validateCondition({ ...base, value: Number.NaN })).toThrow(/finite number/);
    expect(() => validateCondition({ ...base, attr: 'data-loss' })).toThrow(/leave out "data-": "loss"/);
    expect(() => validateCondition({ ...base, attr: 'savedLoss' })).toThrow(/kebab case/);
    expect(() => validateCondition({ ...base, figure: 'fig-XOR' })).toThrow(/figure must be a figure id/);
    expect(() => validateCondition({ ...base, op: 'includes', value: '' })).toThrow(/non-empty string/);
    expect(() => validateCondition({ ...base, op: 'equals', value: Infinity })).toThrow(/"equals" needs a string or a finite number/);
    // Every problem at once, not only the first.
    expect(conditionProblems({ figure: '', attr: '', op: 'near', value: 1 })).toHaveLength(3);
  });

  it('has its strings in English and Chinese', () => {
    expect(Object.keys(catalogue['zh-CN']).sort()).toEqual(Object.keys(catalogue.en).sort());
  });
});
