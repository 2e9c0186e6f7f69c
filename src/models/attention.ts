/**
 * LSTM with dot-product attention pooling, for the sequence tasks in
 * src/data/sequences.ts, whose attention weights can be read out and compared
 * with the ground-truth important time steps.
 *
 * Input [batch, steps, features] → LSTM(units, returnSequences) giving h_1 … h_T ∈ ℝ^d
 * → DotAttention → Dense(classes, softmax). The attention layer learns one query
 * vector q ∈ ℝ^d and computes
 *
 *   s_t = h_tᵀ q / √d,   α = softmax(s_1, …, s_T),   c = Σ_t α_t h_t,
 *
 * so the classifier sees only the context c, and α (non-negative, summing to 1
 * over time) says how much each step contributed to it. This is attention
 * pooling with a learned context vector (as in Yang et al., 2016, without their
 * extra tanh projection). Dividing by √d keeps the scores' scale independent of
 * the width, as in Vaswani et al. (2017).
 *
 * tfjs-layers has no attention layer, so {@link DotAttention} is a custom layer,
 * registered for serialisation; {@link attentionWeights} recomputes α for inputs.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { subSeed } from '../engine/random.ts';
import { glorot, seedRecurrentKernel } from './seeds.ts';
import { tidyBuild } from './tidy-build.ts';
import { seededLstm } from './lstm.ts';

/** s = hq/√d, α = softmax_t(s), c = Σ_t α_t h_t for h [n, T, d] and q [d]. Pure tensor maths. */
export function attend(h: tf.Tensor3D, q: tf.Tensor1D): { context: tf.Tensor2D; alpha: tf.Tensor2D } {
  return tf.tidy(() => {
    const d = h.shape[2];
    const scores = tf.div(tf.sum(tf.mul(h, q), -1), Math.sqrt(d)) as tf.Tensor2D;
    const alpha = tf.softmax(scores, -1);
    const context = tf.sum(tf.mul(h, tf.expandDims(alpha, -1)), 1) as tf.Tensor2D;
    return { context, alpha };
  });
}

export interface DotAttentionArgs {
  name?: string;
  /** Seed of the query vector's initial value. */
  seed?: number;
}

/**
 * Attention pooling over time: [batch, steps, d] → [batch, d] with a learned
 * query q (weight 'query', shape [d]). q starts as N(0, 1) draws, so ‖q‖ ≈ √d and
 * the scaled scores have the scale of one coordinate of h: attention starts
 * nearly uniform and sharpens as q is learned.
 */
export class DotAttention extends tfl.layers.Layer {
  static className = 'DotAttention';
  private query: tfl.LayerVariable | null = null;
  private readonly seed: number | undefined;

  constructor(args: DotAttentionArgs = {}) {
    super(args);
    this.seed = args.seed;
  }

  override build(inputShape: tfl.Shape | tfl.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tfl.Shape;
    const d = shape[shape.length - 1];
    if (shape.length !== 3 || typeof d !== 'number') {
      throw new Error(`DotAttention expects input [batch, steps, features], got [${shape.join(', ')}]`);
    }
    const init = tfl.initializers.randomNormal({ mean: 0, stddev: 1, ...(this.seed !== undefined ? { seed: this.seed } : {}) });
    this.query = this.addWeight('query', [d], 'float32', init);
    this.built = true;
  }

  override computeOutputShape(inputShape: tfl.Shape | tfl.Shape[]): tfl.Shape {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tfl.Shape;
    return [shape[0] ?? null, shape[2] ?? null];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const h = (Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor3D;
      return attend(h, this.queryTensor()).context;
    });
  }

  /** The current query vector q (owned by the layer: do not dispose). */
  queryTensor(): tf.Tensor1D {
    if (!this.query) throw new Error('DotAttention: layer is not built yet');
    return this.query.read() as tf.Tensor1D;
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), ...(this.seed !== undefined ? { seed: this.seed } : {}) };
  }
}
tf.serialization.registerClass(DotAttention);

export interface AttentionClassifierOptions {
  steps: number;
  features: number;
  /** LSTM width d (default 64). */
  units?: number;
  classes?: number;
  seed: number;
}

/** Layer names, for explainers that look layers up. */
export const ATTENTION_LAYERS = { lstm: 'lstm', attention: 'attention', output: 'output' } as const;

/**
 * LSTM(units, returnSequences) → DotAttention → Dense(classes, softmax).
 * Parameters: 4·units·(features + units + 1) + units + (units·classes + classes).
 */
export function buildAttentionClassifier(opts: AttentionClassifierOptions): tfl.Sequential {
  // Built inside a tidy: tfjs's unit-forget-bias initialiser leaves temporaries behind.
  return tidyBuild(() => {
    const { steps, features, units = 64, classes = 10, seed } = opts;
    const model = tfl.sequential({ name: 'lstm_attention' });
    const lstm = seededLstm({ name: ATTENTION_LAYERS.lstm, units, seed, returnSequences: true, inputShape: [steps, features] });
    model.add(lstm);
    model.add(new DotAttention({ name: ATTENTION_LAYERS.attention, seed: subSeed(seed, 'attention/query') }));
    model.add(
      tfl.layers.dense({
        name: ATTENTION_LAYERS.output,
        units: classes,
        activation: 'softmax',
        kernelInitializer: glorot(seed, ATTENTION_LAYERS.output),
      }),
    );
    seedRecurrentKernel(lstm, seed);
    return model;
  });
}

const hiddenModels = new WeakMap<tfl.LayersModel, tfl.LayersModel>();

/**
 * The attention weights α, shape [n, steps], of a model built by
 * {@link buildAttentionClassifier} for inputs x [n, steps, features]. Each row is
 * non-negative and sums to 1. The caller owns (and disposes) the result.
 */
export function attentionWeights(model: tfl.LayersModel, x: tf.Tensor): tf.Tensor2D {
  const layer = model.getLayer(ATTENTION_LAYERS.attention);
  if (!(layer instanceof DotAttention)) {
    throw new Error(`attentionWeights: layer '${ATTENTION_LAYERS.attention}' is not a DotAttention layer`);
  }
  let hidden = hiddenModels.get(model);
  if (!hidden) {
    // Shares the LSTM layer (and its weights) with `model`; owns no tensors of its own.
    const h = model.getLayer(ATTENTION_LAYERS.lstm).output as tfl.SymbolicTensor;
    hidden = tfl.model({ inputs: model.inputs, outputs: h });
    hiddenModels.set(model, hidden);
  }
  const sub = hidden;
  return tf.tidy(() => attend(sub.predict(x) as tf.Tensor3D, layer.queryTensor()).alpha);
}
