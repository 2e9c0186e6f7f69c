/**
 * Integrated gradients.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Predict } from './types.ts';
import { quadrature, type QuadratureRule } from './quadrature.ts';
import { targetGradient, targetScores } from './target-gradient.ts';
import { assertFiniteTensor, assertInt, assertPredict, assertSingleExample, assertTarget, assertTensor, outputClasses } from './validate.ts';

export interface IntegratedGradientsOptions {
  /** Baseline x′: a tensor of x's shape or a number filled everywhere (default 0, the black image). */
  baseline?: tf.Tensor | number;
  /** Number of path points m (default 50, as captum). */
  steps?: number;
  /** Quadrature rule (default 'gauss-legendre', as captum's default 'gausslegendre'). */
  rule?: QuadratureRule;
  /** Most path points differentiated in one batch (default 64). */
  batchSize?: number;
}

export interface IntegratedGradientsResult {
  /** IG_i, the same shape as x; the caller owns (and disposes) it. */
  attributions: tf.Tensor;
  /** Completeness gap |Σ_i IG_i − (f(x) − f(x′))|. */
  gap: number;
  /** Σ_i IG_i. */
  sum: number;
  /** f_target(x). */
  fx: number;
  /** f_target(x′). */
  fBaseline: number;
}

/**
 * Integrated gradients
 *   IG_i(x) = (x_i − x′_i) ∫₀¹ ∂f_c(x′ + α(x − x′)) / ∂x_i dα
 *          ≈ (x_i − x′_i) Σ_k w_k ∂f_c(x′ + α_k(x − x′)) / ∂x_i,
 * with completeness Σ_i IG_i = f_c(x) − f_c(x′) up to quadrature error; the
 * result reports that `gap`.
 *
 * Reference: Sundararajan, Taly & Yan, "Axiomatic Attribution for Deep Networks",
 * ICML 2017, arXiv:1703.01365. Defaults follow captum's `IntegratedGradients`
 * (50 steps, Gauss–Legendre, zero baseline). The paper itself used a Riemann sum
 * with 20–300 steps; Gauss–Legendre reaches the same gap with far fewer steps
 * on smooth networks. All path points are differentiated in batches.
 */
export async function integratedGradients(
  predict: Predict,
  x: tf.Tensor,
  target: number,
  options: IntegratedGradientsOptions = {},
): Promise<IntegratedGradientsResult> {
  assertPredict(predict);
  assertSingleExample('x', x);
  const steps = options.steps ?? 50;
  const rule = options.rule ?? 'gauss-legendre';
  const batchSize = options.batchSize ?? 64;
  assertInt('options.steps', steps, 1);
  assertInt('options.batchSize', batchSize, 1);
  const { alphas, weights } = quadrature(rule, steps);
  const b = options.baseline ?? 0;
  if (typeof b !== 'number') {
    assertTensor('options.baseline', b);
    if (b.size !== x.size || (b.shape.length !== x.shape.length && b.shape.length !== x.shape.length - 1)) {
      throw new Error(`options.baseline must have the shape of x [${x.shape.join(', ')}], got [${b.shape.join(', ')}]`);
    }
    await assertFiniteTensor('options.baseline', b);
  } else if (!Number.isFinite(b)) {
    throw new Error(`options.baseline must be a finite number or a tensor, got ${b}`);
  }
  await assertFiniteTensor('x', x);
  assertTarget(target, outputClasses(predict, x));

  const baseline = typeof b === 'number' ? tf.fill(x.shape, b) : tf.reshape(b, x.shape);
  const diff = tf.sub(x, baseline);
  const inner = x.shape.slice(1);
  let total = tf.zerosLike(x);
  try {
    for (let start = 0; start < steps; start += batchSize) {
      const m = Math.min(batchSize, steps - start);
      const next = tf.tidy(() => {
        const a = tf.tensor(Float32Array.from(alphas.subarray(start, start + m)), [m, ...inner.map(() => 1)], 'float32');
        const w = tf.tensor(Float32Array.from(weights.subarray(start, start + m)), [m, ...inner.map(() => 1)], 'float32');
        const points = tf.add(baseline, tf.mul(a, diff));
        const g = targetGradient(predict, points, target);
        return tf.add(total, tf.sum(tf.mul(g, w), 0, true));
      });
      total.dispose();
      total = next;
    }
    const attributions = tf.tidy(() => tf.mul(total, diff));
    const stats = tf.tidy(() => tf.concat([tf.reshape(tf.sum(attributions), [1]), targetScores(predict, x, target), targetScores(predict, baseline, target)]));
    const [sum, fx, fBaseline] = Array.from(await stats.data());
    stats.dispose();
    return { attributions, sum: sum!, fx: fx!, fBaseline: fBaseline!, gap: Math.abs(sum! - (fx! - fBaseline!)) };
  } finally {
    total.dispose();
    baseline.dispose();
    diff.dispose();
  }
}
