import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { describe, expect, test } from 'vitest';
import { expectNoLeak } from '../helpers/tf.ts';
import { buildDocumentsCnn, buildFastCnn, FAST_CNN_LAST_CONV } from '../../src/models/cnn.ts';
import { modelSummary } from '../../src/models/summary.ts';

/** All weights of a model by name (tfjs's unique-name suffixes removed), as plain arrays. */
function weightsOf(model: tfl.LayersModel): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const w of model.weights) out[w.originalName] = Array.from(w.read().dataSync());
  return out;
}

function predictShape(model: tfl.LayersModel, n: number): Promise<number[]> {
  return expectNoLeak(() => {
    const x = tf.randomUniform([n, 28, 28, 1], 0, 1, 'float32', 1);
    const y = model.predict(x) as tf.Tensor;
    const shape = y.shape;
    const total = tf.sum(y, 1);
    for (const s of total.dataSync()) expect(s).toBeCloseTo(1, 5);
    tf.dispose([x, y, total]);
    return shape;
  });
}

describe('buildDocumentsCnn', () => {
  test('Keras layer sizes and parameter counts (225,034)', async () => {
    const model = buildDocumentsCnn({ seed: 1 });
    const s = modelSummary(model);
    expect(s.rows.map((r) => [r.name, r.type, r.outputShape, r.params])).toEqual([
      ['conv1', 'Conv2D', [null, 26, 26, 32], 320],
      ['pool1', 'MaxPooling2D', [null, 13, 13, 32], 0],
      ['conv2', 'Conv2D', [null, 11, 11, 64], 18496],
      ['pool2', 'MaxPooling2D', [null, 5, 5, 64], 0],
      ['flatten', 'Flatten', [null, 1600], 0],
      ['dense1', 'Dense', [null, 128], 204928],
      ['output', 'Dense', [null, 10], 1290],
    ]);
    expect(s.totalParams).toBe(225034);
    expect(s.trainableParams).toBe(225034);
    expect(await predictShape(model, 3)).toEqual([3, 10]);
    model.dispose();
  });

  test('same seed → identical initial weights, different seed → different', () => {
    const [a, b, c] = [buildDocumentsCnn({ seed: 7 }), buildDocumentsCnn({ seed: 7 }), buildDocumentsCnn({ seed: 8 })];
    const wa = weightsOf(a);
    expect(weightsOf(b)).toEqual(wa);
    const wc = weightsOf(c);
    // Every kernel differs (biases start at zero in both).
    for (const [name, w] of Object.entries(wa)) if (name.includes('kernel')) expect(wc[name]).not.toEqual(w);
    // Layers draw from their own streams: conv1 and conv2 kernels are not prefixes of each other.
    expect(wa['conv1/kernel']!.slice(0, 10)).not.toEqual(wa['conv2/kernel']!.slice(0, 10));
    [a, b, c].forEach((m) => m.dispose());
  });
});

describe('buildFastCnn', () => {
  test('small, ends conv → GAP → dense, last conv exported', async () => {
    const model = buildFastCnn({ seed: 1 });
    const s = modelSummary(model);
    expect(s.totalParams).toBe(6218);
    expect(s.rows.map((r) => r.type)).toEqual(['Conv2D', 'MaxPooling2D', 'Conv2D', 'MaxPooling2D', 'Conv2D', 'GlobalAveragePooling2D', 'Dense']);
    expect(s.rows[4]).toMatchObject({ name: FAST_CNN_LAST_CONV, outputShape: [null, 7, 7, 32] });
    expect(model.getLayer(FAST_CNN_LAST_CONV)).toBeDefined();
    expect(await predictShape(model, 2)).toEqual([2, 10]);
    model.dispose();
  });

  test('filters option and seeding', () => {
    const m = buildFastCnn({ seed: 2, filters: [4, 8, 16] });
    expect(modelSummary(m).totalParams).toBe(40 + 296 + 1168 + 170);
    const [a, b, c] = [buildFastCnn({ seed: 3 }), buildFastCnn({ seed: 3 }), buildFastCnn({ seed: 4 })];
    expect(weightsOf(a)).toEqual(weightsOf(b));
    expect(weightsOf(a)['last_conv/kernel']).not.toEqual(weightsOf(c)['last_conv/kernel']);
    [m, a, b, c].forEach((x) => x.dispose());
  });
});
