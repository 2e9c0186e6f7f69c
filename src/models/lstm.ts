/**
 * LSTM classifier for the sequence tasks in src/data/sequences.ts.
 *
 * Input [batch, steps, features] → LSTM(units) (last hidden state) → Dense(classes, softmax).
 * Parameters: 4·units·(features + units + 1) for the LSTM (Keras counts the same:
 * four gates, each with input weights, recurrent weights and a bias) plus
 * units·classes + classes for the output layer.
 *
 * We use the sigmoid gate activation of current Keras rather than tfjs's default
 * hard sigmoid: gradients of a hard sigmoid are exactly zero when saturated, which
 * blanks gradient-based saliency over time.
 */
import * as tfl from '@tensorflow/tfjs-layers';
import { glorot, seedRecurrentKernel } from './seeds.ts';
import { tidyBuild } from './tidy-build.ts';

export interface LstmClassifierOptions {
  /** Sequence length T. */
  steps: number;
  /** Features per time step. */
  features: number;
  /** LSTM width (default 64). */
  units?: number;
  /** Output classes (default 10). */
  classes?: number;
  /** Seed for the initial weights; same seed → identical weights. */
  seed: number;
}

/** Creates an LSTM layer with seeded kernels (orthogonal recurrent kernel, forget-gate bias 1). */
export function seededLstm(opts: {
  name: string;
  units: number;
  seed: number;
  returnSequences?: boolean;
  inputShape?: number[];
}): tfl.layers.Layer {
  return tfl.layers.lstm({
    name: opts.name,
    units: opts.units,
    returnSequences: opts.returnSequences ?? false,
    ...(opts.inputShape ? { inputShape: opts.inputShape } : {}),
    recurrentActivation: 'sigmoid',
    kernelInitializer: glorot(opts.seed, opts.name),
    // Placeholder, overwritten by seedRecurrentKernel once the layer is built.
    recurrentInitializer: 'zeros',
    unitForgetBias: true,
  });
}

export function buildLstmClassifier(opts: LstmClassifierOptions): tfl.Sequential {
  // Built inside a tidy: tfjs's unit-forget-bias initialiser leaves temporaries behind.
  return tidyBuild(() => {
    const { steps, features, units = 64, classes = 10, seed } = opts;
    const model = tfl.sequential({ name: 'lstm_classifier' });
    const lstm = seededLstm({ name: 'lstm', units, seed, inputShape: [steps, features] });
    model.add(lstm);
    model.add(tfl.layers.dense({ name: 'output', units: classes, activation: 'softmax', kernelInitializer: glorot(seed, 'output') }));
    seedRecurrentKernel(lstm, seed);
    return model;
  });
}
