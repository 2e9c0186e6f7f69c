/** The CNN inspector's link state: the checkpoint, the test digit, or the reader's drawing. */
import type { Schema, StateOf } from '../../state/url-state.ts';
import { MASK_WORD_BITS } from './drawing.ts';

/** Epochs with a pre-trained fast-CNN checkpoint (public/checkpoints/), plus 0: untrained. */
export const INSPECTOR_EPOCHS = ['0', '1', '2', '3', '5', '10'] as const;

const word = (n: number) => ({ kind: 'int', default: 0, min: 0, max: 2 ** MASK_WORD_BITS - 1, label: `drawing, part ${n + 1}` }) as const;

export const inspectorSchema = {
  ckpt: { kind: 'enum', default: '10', options: INSPECTOR_EPOCHS, label: 'checkpoint' },
  /** What the model looks at: a test digit, or the reader's drawing. */
  src: { kind: 'enum', default: 'test', options: ['test', 'drawn'], label: 'input' },
  digit: { kind: 'int', default: 0, min: 0, max: 1999, label: 'test digit' },
  /** The drawing: a 14×14 on/off grid packed into four whole numbers of 49 bits (see drawing.ts). */
  d0: word(0),
  d1: word(1),
  d2: word(2),
  d3: word(3),
} satisfies Schema;

export type InspectorState = StateOf<typeof inspectorSchema>;

/** What the worker needs to compute a view: a test index, or the drawing's 28×28 pixels. */
export interface InspectorSelection {
  digit: number;
  drawing: Float32Array | null;
}
