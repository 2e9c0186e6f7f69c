/**
 * Model-parameter randomisation test ("sanity checks for saliency maps").
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { mulberry32, subSeed } from '../engine/random.ts';
import { spearman } from './rank-agreement.ts';
import { assertFiniteTensor, assertInt, assertSingleExample } from './validate.ts';

/** An explanation method under test: model, input, class → attribution map (any shape, fixed size). */
export type ExplainMethod = (model: tfl.LayersModel, x: tf.Tensor, target: number) => tf.Tensor | Promise<tf.Tensor>;

export interface RandomisationCheckOptions {
  /** Seed of the re-initialised weights (default 0). */
  seed?: number;
}

export interface RandomisationStep {
  /** The layer re-initialised at this step (all layers above it are already random). */
  layer: string;
  /** Spearman ρ between the original and the randomised map. */
  spearman: number;
  /** Spearman ρ between their absolute values. */
  spearmanAbs: number;
}

export interface RandomisationCheckResult {
  /** One step per layer with weights, from the output layer down to the first. */
  steps: RandomisationStep[];
}

/** Fresh values for one weight: Glorot-uniform for kernels, Keras defaults (1 or 0) for vectors. */
function reinitValue(w: tfl.LayersModel['weights'][number], rng: () => number): tf.Tensor {
  const shape = w.shape as number[];
  const size = shape.reduce((a, b) => a * b, 1);
  if (shape.length < 2) {
    const one = /gamma|variance/i.test(w.originalName ?? w.name);
    return tf.fill(shape, one ? 1 : 0);
  }
  const receptive = shape.slice(0, -2).reduce((a, b) => a * b, 1);
  const fanIn = shape[shape.length - 2]! * receptive;
  const fanOut = shape[shape.length - 1]! * receptive;
  const limit = Math.sqrt(6 / (fanIn + fanOut));
  const v = new Float32Array(size);
  for (let i = 0; i < size; i++) v[i] = (2 * rng() - 1) * limit;
  return tf.tensor(v, shape);
}

/**
 * Cascading model-parameter randomisation: on a clone of `model`, re-initialise the
 * layers with weights one at a time from the output down (cumulatively), recompute
 * E′ = method(clone, x, target) after each, and report Spearman ρ(E, E′) and
 * ρ(|E|, |E′|) against the original map E. A method that depends on the learned
 * weights shows ρ falling towards 0; one that does not (e.g. an edge detector) stays high.
 *
 * Reference: Adebayo, Gilmer, Muelly, Goodfellow, Hardt & Kim, "Sanity Checks for
 * Saliency Maps", NeurIPS 2018, arXiv:1810.03292. Similarity here is Spearman
 * rank correlation only (the paper also reports SSIM and HOG similarity).
 * Re-initialisation: kernels (rank ≥ 2) Glorot-uniform from the seeded generator,
 * vectors reset to Keras defaults (gamma/moving variance 1, others 0); the paper
 * draws from each layer's own initialiser. The clone is made by
 * `model.toJSON` → `tf.models.modelFromJSON` (custom layers must be registered)
 * and disposed at the end; `model` itself is never modified.
 */
export async function randomisationCheck(model: tfl.LayersModel, x: tf.Tensor, target: number, method: ExplainMethod, options: RandomisationCheckOptions = {}): Promise<RandomisationCheckResult> {
  if (!(model instanceof tfl.LayersModel)) throw new Error('model must be a tf.LayersModel (tfjs-layers Sequential or functional model)');
  assertSingleExample('x', x);
  await assertFiniteTensor('x', x);
  if (typeof method !== 'function') throw new Error('method must be a function (model, x, target) => tf.Tensor');
  const out = model.outputs[0]!.shape;
  const classes = out[out.length - 1];
  if (typeof classes === 'number' && (!Number.isInteger(target) || target < 0 || target >= classes)) {
    throw new Error(`target must be an integer class index in [0, ${classes - 1}] (the model has ${classes} outputs), got ${target}`);
  }
  const seed = options.seed ?? 0;
  assertInt('options.seed', seed, -(2 ** 31), 2 ** 32);

  const original = await method(model, x, target);
  const e0 = Float64Array.from((await original.data()) as ArrayLike<number>);
  original.dispose();
  const clone = await tfl.models.modelFromJSON({ modelTopology: model.toJSON(null, false) as unknown as tf.io.ModelJSON['modelTopology'] } as tf.io.ModelJSON);
  try {
    clone.setWeights(model.getWeights());
    const a0 = e0.map(Math.abs);
    const steps: RandomisationStep[] = [];
    const layers = clone.layers.filter((l) => l.weights.length > 0);
    for (let i = layers.length - 1; i >= 0; i--) {
      const layer = layers[i]!;
      const rng = mulberry32(subSeed(seed, layer.name));
      const fresh = layer.weights.map((w) => reinitValue(w, rng));
      layer.setWeights(fresh);
      tf.dispose(fresh);
      const e = await method(clone, x, target);
      const v = Float64Array.from((await e.data()) as ArrayLike<number>);
      e.dispose();
      if (v.length !== e0.length) throw new Error(`method returned ${v.length} values after randomising ${layer.name} but ${e0.length} before`);
      steps.push({ layer: layer.name, spearman: spearman(e0, v), spearmanAbs: spearman(a0, v.map(Math.abs)) });
    }
    return { steps };
  } finally {
    clone.dispose();
  }
}
