// Gradient saliency of a one-neuron model, against the closed form ∂σ(w·x+b)/∂x = σ′(z)·w.
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { saliency } from '../explain/saliency.ts';

const w = [1.5, -2, 0.5];
const b = 0.1;
const model = tfl.sequential({ layers: [tfl.layers.dense({ units: 1, inputShape: [3], activation: 'sigmoid' })] });
model.setWeights([tf.tensor2d(w, [3, 1]), tf.tensor1d([b])]);

const x = tf.tensor2d([[0.4, 0.3, -1]]);
const predict = (input: tf.Tensor) => model.predict(input) as tf.Tensor;
const s = await saliency(predict, x, 0, { abs: false });
const grad = Array.from(await s.data());

const z = 0.4 * w[0]! + 0.3 * w[1]! - 1 * w[2]! + b;
const sig = 1 / (1 + Math.exp(-z));
const closed = w.map((wj) => sig * (1 - sig) * wj);
print(`saliency (tf): ${grad.map((v) => v.toFixed(4)).join(' ')}`);
print(`σ′(z)·w (hand): ${closed.map((v) => v.toFixed(4)).join(' ')}`);
show.bars(['x₁', 'x₂', 'x₃'], grad.map(Math.abs), { title: '|saliency| per input feature' });
