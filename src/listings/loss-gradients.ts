// ∂L/∂z for a sigmoid output ŷ = σ(z) and target y = 1: MSE against cross-entropy.
import * as tf from '@tensorflow/tfjs-core';
import { mseGradZ, crossEntropyGradZ } from '../math/loss-curves.ts';

const y = 1;
const zs = [-6, -4, -2, 0, 2];
// Automatic differentiation of each loss with respect to z.
const dMse = tf.grad((z: tf.Tensor) => tf.square(tf.sub(tf.sigmoid(z), y)).sum());
const dCe = tf.grad((z: tf.Tensor) => tf.neg(tf.log(tf.sigmoid(z))).sum());

const rows: number[][] = [];
for (const z of zs) {
  const yHat = 1 / (1 + Math.exp(-z));
  const auto = [(await dMse(tf.scalar(z)).data())[0]!, (await dCe(tf.scalar(z)).data())[0]!];
  rows.push([yHat, auto[0]!, mseGradZ(yHat, y), auto[1]!, crossEntropyGradZ(yHat, y)]);
  print(`z = ${z}: MSE ${auto[0]!.toFixed(4)} (by hand ${mseGradZ(yHat, y).toFixed(4)}), cross-entropy ${auto[1]!.toFixed(4)} (by hand ${crossEntropyGradZ(yHat, y).toFixed(4)})`);
}
show.table(rows, { title: '∂L/∂z: autodiff and the closed forms', rowLabels: zs.map((z) => `z = ${z}`), colLabels: ['ŷ', 'MSE (tf.grad)', 'MSE 2(ŷ−y)ŷ(1−ŷ)', 'CE (tf.grad)', 'CE ŷ−y'] });
// The more wrong the output (z = −6), the smaller the MSE gradient: it stalls; cross-entropy does not.
show.line({ MSE: rows.map((r) => Math.abs(r[1]!)), 'cross-entropy': rows.map((r) => Math.abs(r[3]!)) }, { title: '|∂L/∂z| against z', yLabel: '|∂L/∂z|', xLabel: 'z', xs: zs });
