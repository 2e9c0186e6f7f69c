// Exact Shapley values of a 3-feature function, by enumerating all 2³ coalitions.
import * as tf from '@tensorflow/tfjs-core';
import { exactShapley } from '../explain/exact-shapley.ts';

// f(x) = x₀ + 2·x₁·x₂: x₀ acts alone, x₁ and x₂ only together.
const predict = (x: tf.Tensor) => tf.tidy(() => {
  const [x0, x1, x2] = tf.split(x, 3, 1) as tf.Tensor[];
  return tf.add(x0!, tf.mul(2, tf.mul(x1!, x2!)));
});

const instance = [1, 1, 1];
const background = [[0, 0, 0]]; // the reference input: features "absent" take these values
const r = await exactShapley(predict, instance, background, { target: 0 });
print(`φ = [${Array.from(r.values, (v) => v.toFixed(3)).join(', ')}]`);
// Efficiency: the values add up to f(x) − E[f(background)].
const sum = r.values.reduce((a, b) => a + b, 0);
print(`Σφ = ${sum.toFixed(3)} = f(x) − v(∅) = ${r.fx.toFixed(3)} − ${r.baseValue.toFixed(3)}`);
print(`coalitions evaluated: ${r.coalitions}`);
show.bars(['x₀', 'x₁', 'x₂'], r.values, { title: 'Shapley values φⱼ' });
