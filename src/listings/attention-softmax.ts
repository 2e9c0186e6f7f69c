// Attention weights α = softmax(h·q / √d), by hand and with the book's attend().
import * as tf from '@tensorflow/tfjs-core';
import { attend } from '../models/attention.ts';

// Four hidden states h_t (d = 2) and a query q.
const h = [[1, 0], [0, 1], [1, 1], [-1, 0]];
const q = [2, 1];
const d = q.length;

// By hand: score, exponentiate, normalise.
const scores = h.map((ht) => (ht[0]! * q[0]! + ht[1]! * q[1]!) / Math.sqrt(d));
const exps = scores.map(Math.exp);
const total = exps.reduce((a, b) => a + b, 0);
const byHand = exps.map((e) => e / total);

// TF.js, as the attention layer computes it.
const { alpha, context } = attend(tf.tensor3d([h], [1, 4, 2]), tf.tensor1d(q));
const tfAlpha = Array.from(await alpha.data());
print(`α by hand: ${byHand.map((a) => a.toFixed(4)).join(' ')}`);
print(`α by tf:   ${tfAlpha.map((a) => a.toFixed(4)).join(' ')}`);
print(`Σα = ${tfAlpha.reduce((a, b) => a + b, 0).toFixed(4)}; context =`, context);
show.bars(['h₁', 'h₂', 'h₃', 'h₄'], tfAlpha, { title: 'attention weights α_t' });
