/** The attribution figure's link state: the checkpoint, the digit, the class and every method option. */
import type { Schema, StateOf } from '../../state/url-state.ts';

/** Epochs with a pre-trained fast-CNN checkpoint (public/checkpoints/), plus 0: untrained. */
export const CHECKPOINT_EPOCHS = ['0', '1', '2', '3', '5', '10'] as const;
export const BASELINES = ['black', 'mean', 'blur'] as const;
export const IG_RULES = ['gauss-legendre', 'riemann-middle', 'riemann-left', 'trapezoid'] as const;

export const attributionSchema = {
  /** The pre-trained checkpoint the weights start from (seed 1). */
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
  /** Draw the digit's strokes over the maps. */
  overlay: { kind: 'enum', default: 'on', options: ['on', 'off'], label: 'overlay' },
} satisfies Schema;

export type AttributionState = StateOf<typeof attributionSchema>;

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

