import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../components/views/format.ts';

describe('how figures print numbers', () => {
  it.each([
    [0, '0'],
    [8480, '8480'],
    [225034, '225034'],
    [0.8909031788, '0.8909'],
    [2.1, '2.1'],
    [-0.5, '-0.5'],
    [1234.567, '1234.6'],
    [0.0000123, '1.23e-5'],
    [NaN, 'NaN'],
  ])('%d → %s', (value, text) => {
    expect(formatNumber(value)).toBe(text);
  });
});

describe('chart tick labels', () => {
  it('use enough decimals that neighbouring ticks differ', async () => {
    const { tickLabels } = await import('../../components/views/line-chart.ts');
    expect(tickLabels([0.1, 0.105, 0.11])).toEqual(['0.1', '0.105', '0.11']);
    expect(tickLabels([0, 2, 4])).toEqual(['0', '2', '4']);
    // A falling loss on a log axis: below 0.001 the labels must not all read "0".
    const { logTickLabels } = await import('../../components/views/line-chart.ts');
    expect(logTickLabels([1e-5, null, 1e-4, 0.001, 0.01, 1])).toEqual(['1e-5', '', '1e-4', '0.001', '0.01', '1']);
    expect(tickLabels([0, 0.25, 0.5])).toEqual(['0', '0.25', '0.5']);
  });
});
