import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { buildMlp } from '../../src/models/mlp.ts';
import { activations } from '../../src/explain/activations.ts';
import { gradientMap } from '../../src/explain/gradient-map.ts';
import { LOSSES } from '../../src/train/losses.ts';
import { expectNoLeak } from '../helpers/tf.ts';

const X = tf.tensor2d([0, 0, 0, 1, 1, 0, 1, 1], [4, 2]);
const Y = tf.tensor2d([0, 1, 1, 0], [4, 1]);

function lossOf(model: ReturnType<typeof buildMlp>): number {
  return tf.tidy(() => LOSSES.binaryCrossentropy(Y, model.predict(X) as tf.Tensor).dataSync()[0]!);
}

describe('activation and gradient maps of the XOR network', () => {
  it('returns every layer’s activations, equal to a hand-written forward pass', async () => {
    const model = buildMlp({ inputs: 2, hidden: [3], outputs: 1, activation: 'tanh', seed: 5 });
    const acts = await expectNoLeak(() => activations(model, X));
    expect(acts.map((a) => a.name)).toEqual(['hidden1', 'output']);
    expect(acts[0]!.shape).toEqual([4, 3]);
    const [W1, b1] = model.getLayer('hidden1').getWeights().map((w) => w.arraySync() as number[][] | number[]);
    // Row 3 is the input (1, 1): a_j = tanh(W1[0][j] + W1[1][j] + b1[j]).
    for (let j = 0; j < 3; j++) {
      const z = (W1 as number[][])[0]![j]! + (W1 as number[][])[1]![j]! + (b1 as number[])[j]!;
      expect(acts[0]!.values[3 * 3 + j]).toBeCloseTo(Math.tanh(z), 5);
    }
    model.dispose();
  });

  it('gives ∂L/∂W equal to finite differences of the loss', async () => {
    const model = buildMlp({ inputs: 2, hidden: [3], outputs: 1, activation: 'tanh', seed: 5 });
    const map = await expectNoLeak(() => gradientMap(model, X, Y));
    expect(map.loss).toBeCloseTo(lossOf(model), 5);
    expect(map.weights.map((w) => w.shape)).toEqual([[2, 3], [3], [3, 1], [1]]);
    const originals = model.getWeights().map((w) => w.clone());
    const h = 1e-2;
    map.weights.forEach((g, wi) => {
      for (let k = 0; k < g.values.length; k++) {
        const shifted = (delta: number) => {
          const ws = originals.map((w, i) => {
            if (i !== wi) return w;
            const v = w.dataSync().slice();
            v[k]! += delta;
            return tf.tensor(v, w.shape);
          });
          model.setWeights(ws);
          const l = lossOf(model);
          tf.dispose(ws.filter((w, i) => i === wi));
          return l;
        };
        const numeric = (shifted(h) - shifted(-h)) / (2 * h);
        expect(g.values[k], `${g.name}[${k}]`).toBeCloseTo(numeric, 3);
      }
    });
    model.setWeights(originals);
    tf.dispose(originals);
    model.dispose();
  });

  it('gives ∂L/∂a of the output equal to the analytic cross-entropy gradient', async () => {
    const model = buildMlp({ inputs: 2, hidden: [3], outputs: 1, activation: 'tanh', seed: 9 });
    const map = await gradientMap(model, X, Y);
    const p = tf.tidy(() => (model.predict(X) as tf.Tensor).dataSync());
    const y = [0, 1, 1, 0];
    // L = −(1/n) Σ [y log p + (1 − y) log(1 − p)]  ⇒  ∂L/∂p = (p − y) / (n p (1 − p))
    y.forEach((yi, i) => {
      const analytic = (p[i]! - yi) / (4 * p[i]! * (1 - p[i]!));
      expect(map.layers[1]!.values[i]).toBeCloseTo(analytic, 4);
    });
    model.dispose();
  });

  it('refuses non-finite input', async () => {
    const model = buildMlp({ inputs: 2, hidden: [3], outputs: 1, activation: 'tanh', seed: 9 });
    const bad = tf.tensor2d([NaN, 0], [1, 2]);
    await expect(activations(model, bad)).rejects.toThrow(/x contains non-finite/);
    bad.dispose();
    model.dispose();
  });
});
