// LIME on a small model whose answer we know: f(x) = σ(3·x₀ − 2·x₁); x₂ is ignored.
import * as tf from '@tensorflow/tfjs-core';
import { limeTabular } from '../explain/lime-tabular.ts';
import { mulberry32, normal } from '../engine/random.ts';

const predict = (x: tf.Tensor) => tf.tidy(() => {
  const [x0, x1] = tf.split(x, [1, 1, 1], 1) as tf.Tensor[];
  return tf.sigmoid(tf.sub(tf.mul(x0!, 3), tf.mul(x1!, 2)));
});

// Training data: 500 rows of three standard-normal features (LIME standardises with their mean and std).
const gauss = normal(mulberry32(1));
const trainingData = Array.from({ length: 500 }, () => [gauss(), gauss(), gauss()]);

const instance = [0.5, -0.5, 1.2];
const result = await limeTabular(predict, instance, { trainingData, target: 0, numSamples: 2000, seed: 0, discretize: false });
result.labels.forEach((label, j) => print(`${label.padEnd(20)} ${result.weights[j]!.toFixed(3)}`));
print(`surrogate R² = ${result.score.toFixed(2)}; f(x) = ${result.prediction.toFixed(3)}, surrogate ${result.localPrediction.toFixed(3)}`);
show.bars(result.labels, Array.from(result.weights, Math.abs), { title: '|LIME weight| per feature' });
