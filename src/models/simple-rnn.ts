/**
 * The plain (Elman) recurrent classifier, h_t = tanh(x_t W + h_{t−1} U + b), the
 * LSTM's baseline in the recurrent-networks chapter:
 * Input [batch, steps, features] → SimpleRNN(units) (last hidden state) → Dense(classes, softmax).
 * Initialised as Keras does (Glorot-uniform input kernel, orthogonal recurrent
 * kernel, zero bias), seeded like every model in the book.
 */
import * as tfl from '@tensorflow/tfjs-layers';
import { glorot, seedRecurrentKernel } from './seeds.ts';
import type { LstmClassifierOptions } from './lstm.ts';

export function buildSimpleRnnClassifier(opts: LstmClassifierOptions): tfl.Sequential {
  const { steps, features, units = 64, classes = 10, seed } = opts;
  const model = tfl.sequential({ name: 'rnn_classifier' });
  const rnn = tfl.layers.simpleRNN({
    name: 'rnn',
    units,
    inputShape: [steps, features],
    activation: 'tanh',
    kernelInitializer: glorot(seed, 'rnn'),
    // Placeholder, overwritten by seedRecurrentKernel once the layer is built.
    recurrentInitializer: 'zeros',
  });
  model.add(rnn);
  model.add(tfl.layers.dense({ name: 'output', units: classes, activation: 'softmax', kernelInitializer: glorot(seed, 'output') }));
  seedRecurrentKernel(rnn, seed);
  return model;
}
