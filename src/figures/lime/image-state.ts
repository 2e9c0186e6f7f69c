/** The image LIME figure's link state: the checkpoint, the digit and LIME's settings. */
import type { Schema, StateOf } from '../../state/url-state.ts';
import { CHECKPOINT_EPOCHS } from '../attribution/state.ts';

export const limeImageSchema = {
  /** The pre-trained fast-CNN checkpoint (seed 1) the weights come from. */
  ckpt: { kind: 'enum', default: '10', options: CHECKPOINT_EPOCHS, label: 'checkpoint' },
  /** Extra epochs the reader may train beyond the checkpoint. */
  more: { kind: 'int', default: 1, min: 1, max: 10, label: 'extra epochs' },
  epoch: { kind: 'int', default: 0, min: 0, max: 30, label: 'training epoch' },
  digit: { kind: 'int', default: 0, min: 0, max: 1999, label: 'test digit' },
  /** Superpixels: SLIC regions or a 4×4-pixel grid. */
  seg: { kind: 'enum', default: 'slic', options: ['slic', 'grid'], label: 'segmentation' },
  n: { kind: 'int', default: 500, min: 10, max: 5000, label: 'number of samples' },
  ls: { kind: 'int', default: 0, min: 0, max: 99_999, label: 'LIME seed' },
  /** Superpixels kept in the "only the top superpixels" image. */
  top: { kind: 'int', default: 4, min: 1, max: 49, label: 'top superpixels' },
} satisfies Schema;

export type LimeImageState = StateOf<typeof limeImageSchema>;

export interface LimeImageSelection {
  digit: number;
  seg: 'slic' | 'grid';
  numSamples: number;
  limeSeed: number;
  top: number;
}

export function limeImageSelectionOf(s: LimeImageState): LimeImageSelection {
  return { digit: s.digit, seg: s.seg as LimeImageSelection['seg'], numSamples: s.n, limeSeed: s.ls, top: s.top };
}
