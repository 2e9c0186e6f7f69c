import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MlpActivationsSession } from '../../src/figures/mlp-activations/session.ts';
import { mlpActivationsSchema } from '../../src/figures/mlp-activations/state.ts';
import { decodeMnist, type Mnist } from '../../src/data/mnist/load.ts';
import { MNIST_FILES, parseMnistManifest, type MnistFileName } from '../../src/data/mnist/manifest.ts';
import { defaults } from '../../src/state/url-state.ts';
import { ROOT } from '../helpers/mnist-sample.ts';
import { expectNoLeak } from '../helpers/tf.ts';

/** The MNIST subset the page downloads (public/generated/mnist/, written by npm run build). */
function mnist(): Mnist {
  const dir = join(ROOT, 'public', 'generated', 'mnist');
  const manifest = parseMnistManifest(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
  const files = Object.fromEntries(MNIST_FILES.map((f) => [f, new Uint8Array(readFileSync(join(dir, f)))])) as Record<MnistFileName, Uint8Array>;
  return decodeMnist(manifest, files);
}

describe('the MLP activation-map session', () => {
  const data = mnist();

  it('reports every layer’s activations and the first layer’s weight images, which change as it learns', async () => {
    const { before, after, other } = await expectNoLeak(async () => {
      const s = new MlpActivationsSession(defaults(mlpActivationsSchema), data);
      try {
        const before = await s.view(0);
        await s.trainEpoch();
        const after = await s.view(0);
        const other = await s.view(1);
        return { before, after, other };
      } finally {
        s.dispose();
      }
    });
    expect(before.layers.map((l) => [l.name, l.values.length])).toEqual([['hidden1', 64], ['hidden2', 32], ['output', 10]]);
    expect(before.weights.units).toBe(64);
    expect(before.weights.values).toHaveLength(64 * 784);
    // ReLU activations are never negative; the softmax sums to one.
    for (const v of [before, after]) {
      expect(v.layers[0]!.values.every((a) => a >= 0 && Number.isFinite(a))).toBe(true);
      expect(v.layers[2]!.values.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    }
    // One epoch of Adam moves the first layer's weights and makes the network useful.
    const moved = after.weights.values.reduce((m, w, i) => Math.max(m, Math.abs(w - before.weights.values[i]!)), 0);
    expect(moved).toBeGreaterThan(1e-3);
    // The initial weights travel with every view, unchanged by training.
    expect(after.weights.initial).toEqual(before.weights.values);
    expect(after.epoch).toBe(1);
    expect(after.testAccuracy).toBeGreaterThan(0.8);
    // Another digit, other activations; the weights do not depend on the digit.
    expect(Array.from(other.layers[0]!.values)).not.toEqual(Array.from(after.layers[0]!.values));
    expect(other.weights.values).toEqual(after.weights.values);
    // Weight image j is column j of the [784, 64] kernel: hidden1's pre-activation is W_j · x + b_j.
    const x = after.digit.pixels;
    for (const j of [0, 17, 63]) {
      let z = after.weights.bias[j]!;
      for (let p = 0; p < 784; p++) z += after.weights.values[j * 784 + p]! * x[p]!;
      expect(after.layers[0]!.values[j]!).toBeCloseTo(Math.max(0, z), 4);
    }
  }, 60_000);
});
