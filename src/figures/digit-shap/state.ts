/** Link state of the per-superpixel SHAP figure on an MNIST digit. */
import type { Schema, StateOf } from '../../state/url-state.ts';
import { CHECKPOINT_EPOCHS } from '../attribution/state.ts';

export const DIGIT_BACKGROUNDS = ['black', 'mean'] as const;
export const SEGMENTATIONS = ['grid', 'slic'] as const;

export const digitShapSchema = {
  /** The pre-trained fast-CNN checkpoint (seed 1) the weights start from. */
  ckpt: { kind: 'enum', default: '10', options: CHECKPOINT_EPOCHS, label: 'checkpoint' },
  more: { kind: 'int', default: 1, min: 1, max: 20, label: 'extra epochs' },
  epoch: { kind: 'int', default: 0, min: 0, max: 30, label: 'training epoch' },
  digit: { kind: 'int', default: 0, min: 0, max: 1999, label: 'test digit' },
  /** KernelSHAP coalition budget. */
  ns: { kind: 'int', default: 256, min: 16, max: 4096, label: 'coalition samples' },
  sseed: { kind: 'int', default: 0, min: 0, max: 99_999, label: 'sampling seed' },
  /** What an absent superpixel is replaced by: black, or the mean training digit. */
  bg: { kind: 'enum', default: 'black', options: DIGIT_BACKGROUNDS, label: 'background' },
  /** 7×7-pixel grid cells (16 superpixels) or SLIC superpixels (about 16). */
  seg: { kind: 'enum', default: 'grid', options: SEGMENTATIONS, label: 'superpixels' },
} satisfies Schema;

export type DigitShapState = StateOf<typeof digitShapSchema>;

export interface DigitShapSelection {
  digit: number;
  nsamples: number;
  seed: number;
  background: (typeof DIGIT_BACKGROUNDS)[number];
  segmentation: (typeof SEGMENTATIONS)[number];
}

export function digitShapSelection(s: DigitShapState): DigitShapSelection {
  return {
    digit: s.digit,
    nsamples: s.ns,
    seed: s.sseed,
    background: s.bg as DigitShapSelection['background'],
    segmentation: s.seg as DigitShapSelection['segmentation'],
  };
}
