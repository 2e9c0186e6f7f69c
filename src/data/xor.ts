/**
 * The XOR problem: the four corners of the unit square, labelled 1 where exactly
 * one coordinate is 1. No straight line separates the classes, which is why it is
 * the classic first example of what a hidden layer buys.
 *
 * Shape: `x` is a row-major Float32Array of 4×2 in {0, 1}; `y` is Int32Array(4) in {0, 1}.
 * Source: hand-written, deterministic (no seed).
 */
export interface XorData {
  /** Row-major 4×2 inputs. */
  x: Float32Array;
  /** Labels: x₀ XOR x₁. */
  y: Int32Array;
  n: 4;
}

export function xorData(): XorData {
  return {
    x: Float32Array.from([0, 0, 0, 1, 1, 0, 1, 1]),
    y: Int32Array.from([0, 1, 1, 0]),
    n: 4,
  };
}
