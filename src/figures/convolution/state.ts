/** The convolution figure's link state: image, kernel, padding, stride, pooling and the window's position. */
import type { Field, Schema, StateOf } from '../../state/url-state.ts';

export const KERNEL_PRESETS = {
  vertical: { label: 'vertical edge (Sobel)', weights: [-1, 0, 1, -2, 0, 2, -1, 0, 1] },
  horizontal: { label: 'horizontal edge (Sobel)', weights: [-1, -2, -1, 0, 0, 0, 1, 2, 1] },
  blur: { label: 'blur (Gaussian)', weights: [0.0625, 0.125, 0.0625, 0.125, 0.25, 0.125, 0.0625, 0.125, 0.0625] },
  sharpen: { label: 'sharpen', weights: [0, -1, 0, -1, 5, -1, 0, -1, 0] },
  identity: { label: 'identity', weights: [0, 0, 0, 0, 1, 0, 0, 0, 0] },
} as const;

export type PresetId = keyof typeof KERNEL_PRESETS;
export const PRESET_IDS = Object.keys(KERNEL_PRESETS) as PresetId[];

const weight = (i: number): Field => ({ kind: 'number', default: KERNEL_PRESETS.vertical.weights[i]!, min: -10, max: 10, label: `kernel weight w${i}` });

export const convolutionSchema = {
  img: { kind: 'enum', default: 'seven', options: ['seven', 'four', 'square'], label: 'image' },
  /** A named kernel, or 'custom' when the reader edited a weight; a named preset overrides w0…w8 in a link. */
  preset: { kind: 'enum', default: 'vertical', options: [...PRESET_IDS, 'custom'], label: 'kernel preset' },
  w0: weight(0), w1: weight(1), w2: weight(2),
  w3: weight(3), w4: weight(4), w5: weight(5),
  w6: weight(6), w7: weight(7), w8: weight(8),
  bias: { kind: 'number', default: 0, min: -10, max: 10, label: 'bias' },
  act: { kind: 'enum', default: 'relu', options: ['relu', 'none'], label: 'activation' },
  pad: { kind: 'enum', default: 'valid', options: ['valid', 'same'], label: 'padding' },
  stride: { kind: 'enum', default: '1', options: ['1', '2'], label: 'stride' },
  pool: { kind: 'enum', default: 'max', options: ['max', 'avg', 'none'], label: 'pooling' },
  /** The output cell the window is on, row-major (clamped to the output's size). */
  pos: { kind: 'int', default: 0, min: 0, max: 99, label: 'window position' },
} satisfies Schema;

export type ConvolutionState = StateOf<typeof convolutionSchema>;

export const WEIGHT_KEYS = ['w0', 'w1', 'w2', 'w3', 'w4', 'w5', 'w6', 'w7', 'w8'] as const;

export function kernelOf(s: ConvolutionState): number[] {
  return WEIGHT_KEYS.map((k) => s[k]);
}

/** A state whose weights are the preset's (for a named preset), so links with `preset=` alone work. */
export function applyPreset(s: ConvolutionState): ConvolutionState {
  if (s.preset === 'custom') return s;
  const w = KERNEL_PRESETS[s.preset as PresetId].weights;
  const out = { ...s };
  WEIGHT_KEYS.forEach((k, i) => (out[k] = w[i]!));
  return out;
}
