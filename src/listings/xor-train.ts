// Build the 2 → 4 → 1 XOR network, train it 200 epochs, show its activation map.
import * as tf from '@tensorflow/tfjs-core';
import { buildMlp } from '../models/mlp.ts';
import { xorData } from '../data/xor.ts';
import { activations } from '../explain/activations.ts';

const { x, y } = xorData();
const xs = tf.tensor2d(x, [4, 2]);
const ys = tf.tensor2d(Float32Array.from(y), [4, 1]);

const model = buildMlp({ inputs: 2, hidden: [4], outputs: 1, activation: 'tanh', seed: 1 });
model.compile({ optimizer: tf.train.adam(0.1), loss: 'binaryCrossentropy' });
const losses: number[] = [];
await model.fit(xs, ys, {
  epochs: 200, batchSize: 4, verbose: 0,
  callbacks: { onEpochEnd: async (epoch, logs) => { losses.push(logs!.loss as number); progress(epoch + 1, 200, 'epochs'); } },
});
print(`loss after 200 epochs: ${losses.at(-1)!.toFixed(4)}`);
show.line(losses, { title: 'training loss', yLabel: 'loss', log: true });

// One row per input, one column per neuron: h₁…h₄ (tanh) and the output ŷ.
const [hidden, output] = await activations(model, xs);
const rows = [0, 1, 2, 3].map((i) => [...hidden!.values.slice(4 * i, 4 * i + 4), output!.values[i]!]);
show.heatmap(rows, { title: 'activation map', rowLabels: ['(0,0)', '(0,1)', '(1,0)', '(1,1)'], colLabels: ['h₁', 'h₂', 'h₃', 'h₄', 'ŷ'] });
print('predictions:', rows.map((r) => r[4]!.toFixed(3)).join(' '));
