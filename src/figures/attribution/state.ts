/** The attribution figure's link state: the model, the checkpoint, the digit, the class and every method option. */
import type { Schema, StateOf } from '../../state/url-state.ts';

export const MODELS = ['fast', 'documents'] as const;
export type ModelId = (typeof MODELS)[number];

/**
 * Epochs with a pre-trained checkpoint of seed 1 (public/checkpoints/, written by
 * scripts/train-checkpoints.ts), plus 0: the same seed's untrained weights.
 */
export const MODEL_CHECKPOINTS: Record<ModelId, readonly string[]> = {
  fast: ['0', '1', '2', '3', '5', '10'],
  documents: ['0', '1', '2', '3'],
};
/** Every epoch some model has a checkpoint for: what a link may name. */
export const CHECKPOINT_EPOCHS = ['0', '1', '2', '3', '5', '10'] as const;
/** Checkpoint file names and index entries call the models this. */
export const CHECKPOINT_MODEL_ID: Record<ModelId, string> = { fast: 'fast-cnn', documents: 'documents-cnn' };
export const BASELINES = ['black', 'mean', 'blur'] as const;
export const IG_RULES = ['gauss-legendre', 'riemann-middle', 'riemann-left', 'trapezoid'] as const;

export const attributionSchema = {
  /** The network explained: the fast CNN (GAP, so CAM applies) or the documents' CNN. */
  model: { kind: 'enum', default: 'fast', options: MODELS, label: 'model' },
  /** The pre-trained checkpoint the weights start from (seed 1); must be one of MODEL_CHECKPOINTS[model]. */
  ckpt: { kind: 'enum', default: '10', options: CHECKPOINT_EPOCHS, label: 'checkpoint' },
  /** Extra epochs the reader may train beyond the checkpoint. */
  more: { kind: 'int', default: 2, min: 1, max: 20, label: 'extra epochs' },
  /** The epoch shown: a link loads the checkpoint, then replays training up to this epoch. */
  epoch: { kind: 'int', default: 0, min: 0, max: 30, label: 'training epoch' },
  /** Index of the test digit explained. */
  digit: { kind: 'int', default: 0, min: 0, max: 1999, label: 'test digit' },
  /** The class explained: the predicted one, or a digit 0–9. */
  target: { kind: 'enum', default: 'pred', options: ['pred', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9'], label: 'class' },
  /** Saliency as the signed gradient or its absolute value (the paper's choice). */
  sal: { kind: 'enum', default: 'signed', options: ['signed', 'abs'], label: 'saliency sign' },
  /** SmoothGrad: number of noisy copies and noise σ as a fraction of the input range. */
  sgn: { kind: 'int', default: 25, min: 1, max: 200, label: 'SmoothGrad samples' },
  sgs: { kind: 'number', default: 0.15, min: 0, max: 1, label: 'SmoothGrad noise σ' },
  /** Integrated gradients: baseline, number of path points, quadrature rule. */
  base: { kind: 'enum', default: 'black', options: BASELINES, label: 'IG baseline' },
  steps: { kind: 'int', default: 50, min: 1, max: 300, label: 'IG steps' },
  rule: { kind: 'enum', default: 'gauss-legendre', options: IG_RULES, label: 'IG rule' },
  /** Colour limits: each map its own largest |value|, or shared by the maps in the same units. */
  scale: { kind: 'enum', default: 'each', options: ['each', 'shared'], label: 'colour scale' },
  /** Draw the digit's strokes over the maps. */
  overlay: { kind: 'enum', default: 'on', options: ['on', 'off'], label: 'overlay' },
} satisfies Schema;

export type AttributionState = StateOf<typeof attributionSchema>;

/**
 * A state whose checkpoint exists for its model; otherwise the model's last
 * checkpoint and a sentence for the reader (a link may name epoch 10 of the
 * documents' CNN, which has checkpoints up to epoch 3 only).
 */
export function checkedCheckpoint(s: AttributionState): { state: AttributionState; notice: string | null } {
  const model = s.model as ModelId;
  const epochs = MODEL_CHECKPOINTS[model];
  if (epochs.includes(s.ckpt)) return { state: s, notice: null };
  const last = epochs[epochs.length - 1]!;
  return {
    state: { ...s, ckpt: last, epoch: 0 },
    notice: `The ${model === 'documents' ? "documents' CNN" : 'fast CNN'} has checkpoints after ${epochs.join(', ')} epochs only; showing epoch ${last}.`,
  };
}

/** What the reader is looking at; every map is recomputed from it. */
export interface AttributionSelection {
  digit: number;
  /** -1: the predicted class. */
  target: number;
  saliencyAbs: boolean;
  smoothSamples: number;
  smoothSigma: number;
  baseline: (typeof BASELINES)[number];
  steps: number;
  rule: (typeof IG_RULES)[number];
}

export function selectionOf(s: AttributionState): AttributionSelection {
  return {
    digit: s.digit,
    target: s.target === 'pred' ? -1 : Number(s.target),
    saliencyAbs: s.sal === 'abs',
    smoothSamples: s.sgn,
    smoothSigma: s.sgs,
    baseline: s.base as AttributionSelection['baseline'],
    steps: s.steps,
    rule: s.rule as AttributionSelection['rule'],
  };
}

export type MethodId = 'saliency' | 'gxi' | 'smoothgrad' | 'ig' | 'gradcam' | 'cam';

export const METHOD_LABELS: Record<MethodId, string> = {
  saliency: 'Saliency ∂y_c/∂x',
  gxi: 'Gradient × input',
  smoothgrad: 'SmoothGrad',
  ig: 'Integrated gradients',
  gradcam: 'Grad-CAM',
  cam: 'CAM',
};


/**
 * The units each map is in; with the shared colour scale, maps in the same units are
 * drawn with one limit. Saliency and SmoothGrad are gradients ∂p/∂x; gradient × input
 * and IG are shares of a probability; Grad-CAM and CAM each have their own.
 */
export const METHOD_UNITS: Record<MethodId, string> = {
  saliency: 'gradient',
  smoothgrad: 'gradient',
  gxi: 'contribution',
  ig: 'contribution',
  gradcam: 'gradcam',
  cam: 'cam',
};
