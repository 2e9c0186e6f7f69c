// The worked example: x = [1, 2], w = [0.2, 0.8], b = 0.3, sigmoid activation.
import * as tf from '@tensorflow/tfjs-core';
import { neuron, weightedSum } from '../math/neuron.ts';

const x = [1, 2];
const w = [0.2, 0.8];
const b = 0.3;

const z = weightedSum(x, w, b);
print(`z = w·x + b = ${z.toFixed(4)}`);
print(`y = σ(z) = ${neuron(x, w, b, 'sigmoid').toFixed(4)}`);

// The same neuron in TF.js: one dot product, one bias, one sigmoid.
const y = tf.sigmoid(tf.add(tf.dot(tf.tensor1d(w), tf.tensor1d(x)), b));
print(`TF.js: y = ${(await y.data())[0]!.toFixed(4)}`);

// Try another activation: 'tanh' or 'relu'.
print(`tanh: ${neuron(x, w, b, 'tanh').toFixed(4)}, relu: ${neuron(x, w, b, 'relu').toFixed(4)}`);
