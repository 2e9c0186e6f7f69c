/** The MLP activation-map figure's link state: seed, hyperparameters, training epoch and the digit shown. */
import type { Schema, StateOf } from '../../state/url-state.ts';

export const mlpActivationsSchema = {
  seed: { kind: 'int', default: 1, min: 0, max: 99_999, label: 'seed' },
  lr: { kind: 'number', default: 0.001, min: 0.00001, max: 1, label: 'learning rate' },
  epochs: { kind: 'int', default: 10, min: 1, max: 50, label: 'epochs' },
  /** The training checkpoint shown: a link replays training up to this epoch. */
  epoch: { kind: 'int', default: 0, min: 0, max: 50, label: 'training epoch' },
  /** Index of the test digit whose activations are drawn. */
  digit: { kind: 'int', default: 0, min: 0, max: 1999, label: 'test digit' },
  /** The weight images show W⁽¹⁾ itself, or its change since initialisation W⁽¹⁾ − W⁽¹⁾₀. */
  wshow: { kind: 'enum', default: 'w', options: ['w', 'delta'], label: 'weights shown' },
} satisfies Schema;

export type MlpActivationsState = StateOf<typeof mlpActivationsSchema>;

/** The network: 784 inputs → 64 → 32 ReLU units → 10-way softmax. */
export const MLP_LAYERS = { inputs: 784, hidden: [64, 32], outputs: 10 } as const;
/** Mini-batch size (fixed: the figure is about what the network learns, not about batch size). */
export const MLP_BATCH = 64;
