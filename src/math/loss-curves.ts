/**
 * Mean squared error and binary cross-entropy for one example with a sigmoid output
 * ŷ = σ(z), and their gradients with respect to the pre-activation z. Plain numbers,
 * so the chapter's loss figure can draw them without TF.js.
 *
 *   MSE: L = (ŷ − y)²,                      ∂L/∂z = 2(ŷ − y) · ŷ(1 − ŷ)
 *   CE:  L = −[y log ŷ + (1 − y) log(1 − ŷ)], ∂L/∂z = ŷ − y
 *
 * Averaged over n examples, each is divided by n.
 */
export function mse(yHat: number, y: number): number {
  return (yHat - y) ** 2;
}

export function crossEntropy(yHat: number, y: number): number {
  return -(y * Math.log(yHat) + (1 - y) * Math.log(1 - yHat));
}

export function mseGradZ(yHat: number, y: number): number {
  return 2 * (yHat - y) * yHat * (1 - yHat);
}

export function crossEntropyGradZ(yHat: number, y: number): number {
  return yHat - y;
}
