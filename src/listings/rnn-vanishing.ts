// How a gradient fades through time: a one-unit RNN h_t = tanh(u·h_{t−1} + w·x_t).
// ∂h_T/∂h_0 by TF.js autodiff, against the product of the per-step factors u·(1 − h_t²).
import * as tf from '@tensorflow/tfjs-core';

const u = 0.9;
const w = 0.5;
const T = 20;
const xs = Array.from({ length: T }, (_, t) => Math.sin(t));

const lastState = (h0: tf.Tensor): tf.Tensor => {
  let h = h0;
  for (const x of xs) h = tf.tanh(tf.add(tf.mul(u, h), w * x));
  return h;
};
const autodiff = (await tf.grad(lastState)(tf.scalar(0.1)).data())[0]!;

let h = 0.1;
let product = 1;
const perStep: number[] = [];
for (const x of xs) {
  h = Math.tanh(u * h + w * x);
  product *= u * (1 - h * h);
  perStep.push(Math.abs(product));
}
print(`∂h_T/∂h_0 by autodiff: ${autodiff.toExponential(3)}`);
print(`product of u·(1 − h_t²): ${product.toExponential(3)}`);
show.line(perStep, { title: '|∂h_t/∂h_0| after t steps', xLabel: 'time step t', log: true });
