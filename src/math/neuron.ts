/**
 * One artificial neuron in plain TypeScript: y = f(Σᵢ wᵢxᵢ + b).
 * No TF.js here: the neuron chapter draws these on first paint, before any engine loads.
 */

export type ActivationName = 'sigmoid' | 'tanh' | 'relu';

export interface ActivationFn {
  /** f(z) */
  f: (z: number) => number;
  /** f′(z), the slope backpropagation multiplies by. */
  df: (z: number) => number;
  /** The formula as TeX, for labels. */
  tex: string;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export const ACTIVATIONS: Record<ActivationName, ActivationFn> = {
  // σ′(z) = σ(z)(1 − σ(z)): at most 1/4, which is why deep sigmoid stacks learn slowly.
  sigmoid: { f: sigmoid, df: (z) => sigmoid(z) * (1 - sigmoid(z)), tex: '\\sigma(z) = \\frac{1}{1 + e^{-z}}' },
  // tanh′(z) = 1 − tanh²(z): zero-centred, slope 1 at the origin.
  tanh: { f: Math.tanh, df: (z) => 1 - Math.tanh(z) ** 2, tex: '\\tanh(z) = \\frac{e^{z} - e^{-z}}{e^{z} + e^{-z}}' },
  // ReLU′ is 1 for z > 0 and 0 for z < 0; at 0 we take 0, as TF.js and PyTorch do.
  relu: { f: (z) => Math.max(0, z), df: (z) => (z > 0 ? 1 : 0), tex: '\\operatorname{ReLU}(z) = \\max(0, z)' },
};

/** z = Σᵢ wᵢxᵢ + b, the neuron's pre-activation. */
export function weightedSum(x: readonly number[], w: readonly number[], b: number): number {
  if (x.length !== w.length) throw new RangeError(`x has ${x.length} entries but w has ${w.length}`);
  return x.reduce((s, xi, i) => s + xi * w[i]!, b);
}

/** y = f(z): the neuron's output. */
export function neuron(x: readonly number[], w: readonly number[], b: number, activation: ActivationName): number {
  return ACTIVATIONS[activation].f(weightedSum(x, w, b));
}
