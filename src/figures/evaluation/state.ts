/** The evaluation figure's link state: the model, the digits, and the seeds of the random parts. */
import type { Schema, StateOf } from '../../state/url-state.ts';

/** Epochs with a pre-trained fast-CNN checkpoint of seed 1 (public/checkpoints/). */
export const EVAL_CHECKPOINTS = ['1', '2', '3', '5', '10'] as const;

export const evaluationSchema = {
  /** The checkpoint (seed 1) whose explanations are judged. */
  ckpt: { kind: 'enum', default: '10', options: EVAL_CHECKPOINTS, label: 'checkpoint' },
  /** The first test digit; the curves and agreements average it and the next n − 1. */
  digit: { kind: 'int', default: 0, min: 0, max: 1999, label: 'first test digit' },
  /** How many consecutive test digits the curves and agreements average. */
  n: { kind: 'int', default: 4, min: 1, max: 16, label: 'digits averaged' },
  /** Points of each deletion / insertion curve, minus one. */
  steps: { kind: 'int', default: 20, min: 4, max: 56, label: 'curve steps' },
  /** Seed of the random ranking and of the re-initialised weights. */
  seed: { kind: 'int', default: 0, min: 0, max: 9999, label: 'random seed' },
  /** The similarity the randomisation chart draws (the table shows all four). */
  sim: { kind: 'enum', default: 'abs', options: ['abs', 'signed', 'ssim', 'top'], label: 'similarity measure' },
  /** Whether to compare each method's maps across checkpoints and seeds (slow: it explains every digit again per checkpoint). */
  cmp: { kind: 'enum', default: 'off', options: ['off', 'on'], label: 'checkpoint comparison' },
} satisfies Schema;

export const SIMILARITY_LABELS: Record<string, string> = {
  abs: 'Spearman ρ of |map|',
  signed: 'Spearman ρ of the signed map',
  ssim: 'SSIM of normalised |map|',
  top: 'top-10% overlap of |map|',
};

export type EvaluationState = StateOf<typeof evaluationSchema>;

/** What the worker computes for: every number in the view follows from it and the checkpoint. */
export interface EvaluationSelection {
  /** The checkpoint judged (seed 1): switching it swaps the weights, the digits stay loaded. */
  ckpt: number;
  digit: number;
  n: number;
  steps: number;
  seed: number;
  /** Also compare each method across checkpoints and seeds. */
  compare: boolean;
  /** Increases with every request, so the page can drop answers to requests it has superseded. */
  request: number;
}

export function selectionOf(s: EvaluationState, request = 0): EvaluationSelection {
  return { ckpt: Number(s.ckpt), digit: s.digit, n: s.n, steps: s.steps, seed: s.seed, compare: s.cmp === 'on', request };
}

/** The attribution methods judged, plus a random ranking as the floor every method must beat. */
export const EVAL_METHODS = ['saliency', 'gxi', 'smoothgrad', 'ig', 'gradcam', 'lime', 'random'] as const;
export type EvalMethodId = (typeof EVAL_METHODS)[number];

export const EVAL_LABELS: Record<EvalMethodId | 'input', string> = {
  saliency: 'Saliency |∂y/∂x|',
  gxi: 'Gradient × input',
  smoothgrad: 'SmoothGrad |·|',
  ig: 'Integrated gradients',
  gradcam: 'Grad-CAM',
  lime: 'LIME (4×4 superpixels)',
  random: 'Random ranking',
  input: 'Control: the digit itself',
};

/** The methods that depend on the model at all; the randomisation check runs these and the control. */
export const RANDOMISED = ['saliency', 'gxi', 'smoothgrad', 'ig', 'gradcam', 'lime', 'input'] as const;
export type RandomisedId = (typeof RANDOMISED)[number];
