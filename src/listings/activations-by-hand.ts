// An activation map is just the layer's output: the book's `activations` against
// a⁽¹⁾ = ReLU(W⁽¹⁾x + b⁽¹⁾) computed by hand, for a 3 → 4 → 2 network with set weights.
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { activations } from '../explain/activations.ts';

const W1 = [[0.5, -1, 0.2, 1], [0.3, 0.8, -0.5, 0], [-0.7, 0.1, 0.9, 0.4]]; // 3 inputs × 4 neurons
const b1 = [0.1, 0, -0.2, 0.05];
const model = tfl.sequential({
  layers: [
    tfl.layers.dense({ name: 'hidden', units: 4, activation: 'relu', inputShape: [3] }),
    tfl.layers.dense({ name: 'output', units: 2, activation: 'softmax' }),
  ],
});
model.layers[0]!.setWeights([tf.tensor2d(W1), tf.tensor1d(b1)]);

const x = [1, 0.5, -1];
const maps = await activations(model, tf.tensor2d([x]));
const byHand = b1.map((b, j) => Math.max(0, x.reduce((s, xi, i) => s + xi * W1[i]![j]!, b)));
print(`hidden by the book: ${Array.from(maps[0]!.values, (v) => v.toFixed(3)).join(' ')}`);
print(`hidden by hand:     ${byHand.map((v) => v.toFixed(3)).join(' ')}`);
show.heatmap([Array.from(maps[0]!.values)], { title: 'activation map of the hidden layer', colLabels: ['h1', 'h2', 'h3', 'h4'] });
