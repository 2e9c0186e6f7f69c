import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, neuron, weightedSum } from '../../src/math/neuron.ts';

describe('the neuron chapter', () => {
  it('computes the worked example: w = [0.2, 0.8], b = 0.3, x = [1, 2]', () => {
    expect(weightedSum([1, 2], [0.2, 0.8], 0.3)).toBeCloseTo(2.1, 12);
    // σ(2.1) = 1 / (1 + e^{-2.1})
    expect(neuron([1, 2], [0.2, 0.8], 0.3, 'sigmoid')).toBeCloseTo(0.8909031788, 9);
    expect(neuron([1, 2], [0.2, 0.8], 0.3, 'relu')).toBeCloseTo(2.1, 12);
    expect(neuron([1, 2], [0.2, 0.8], 0.3, 'tanh')).toBeCloseTo(Math.tanh(2.1), 12);
  });

  it('gives derivatives that match finite differences away from kinks', () => {
    for (const [name, act] of Object.entries(ACTIVATIONS)) {
      for (const z of [-2.5, -0.7, 0.3, 1.9]) {
        const h = 1e-5;
        const numeric = (act.f(z + h) - act.f(z - h)) / (2 * h);
        expect(act.df(z), `${name}'(${z})`).toBeCloseTo(numeric, 6);
      }
    }
  });

  it('refuses mismatched input and weights', () => {
    expect(() => weightedSum([1, 2, 3], [0.2, 0.8], 0)).toThrow(/3 entries but w has 2/);
  });
});
