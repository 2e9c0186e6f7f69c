import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { describe, expect, test } from 'vitest';
import { expectNoLeak } from '../helpers/tf.ts';
import { tokenAfterMarker } from '../../src/data/sequences.ts';
import { seededLstm, buildLstmClassifier } from '../../src/models/lstm.ts';
import { traceLstm } from '../../src/models/lstm-trace.ts';
import { mulberry32 } from '../../src/engine/random.ts';

const STEPS = 12;
const FEATURES = 12;

/** The layer's own h_t for every step (returnSequences), as numbers. */
async function layerSequence(layer: tfl.layers.Layer, x: Float32Array): Promise<Float32Array> {
  const out = tf.tidy(() => layer.apply(tf.tensor3d(x, [1, STEPS, FEATURES])) as tf.Tensor);
  const v = (await out.data()) as Float32Array;
  out.dispose();
  return v;
}

/** Moves every weight off its initial value, so bias and gate order matter. */
function scramble(layer: tfl.layers.Layer, seed: number): void {
  const rng = mulberry32(seed);
  tf.tidy(() => layer.setWeights(layer.getWeights().map((w) => tf.add(w, tf.mul(tf.tensor(Float32Array.from({ length: w.size }, () => rng() - 0.5), w.shape), 0.6)))));
}

describe('traceLstm', () => {
  const data = tokenAfterMarker({ n: 2, steps: STEPS, seed: 4 });
  const seq = data.x.slice(0, STEPS * FEATURES);

  test.each([
    ['sigmoid gates (the book’s LSTM)', 'sigmoid'],
    ['hard-sigmoid gates (tfjs default)', 'hardSigmoid'],
  ] as const)('h_t equals the layer’s own output at every step: %s', async (_, act) => {
    const layer =
      act === 'sigmoid'
        ? seededLstm({ name: 'lstm', units: 16, seed: 3, returnSequences: true, inputShape: [STEPS, FEATURES] })
        : tfl.layers.lstm({ units: 16, returnSequences: true, inputShape: [STEPS, FEATURES], kernelInitializer: 'glorotUniform', recurrentInitializer: 'glorotUniform' });
    tfl.sequential({ layers: [layer] });
    scramble(layer, 11);
    const { trace, expected } = await expectNoLeak(async () => ({ trace: await traceLstm(layer, seq, STEPS), expected: await layerSequence(layer, seq) }));
    expect(trace.h.length).toBe(STEPS * 16);
    let maxDiff = 0;
    for (let k = 0; k < expected.length; k++) maxDiff = Math.max(maxDiff, Math.abs(trace.h[k]! - expected[k]!));
    expect(maxDiff).toBeLessThan(1e-5);
    // The trace is not trivially small: h moves.
    expect(Math.max(...trace.h.map(Math.abs))).toBeGreaterThan(0.05);
    for (const gate of [trace.i, trace.f, trace.o]) for (const v of gate) expect(v >= 0 && v <= 1).toBe(true);
    for (const v of trace.g) expect(Math.abs(v)).toBeLessThanOrEqual(1);
    // c_t = f_t c_{t-1} + i_t g_t and h_t = o_t tanh(c_t), element by element.
    for (let t = 1; t < STEPS; t++) {
      for (let u = 0; u < 16; u++) {
        const k = t * 16 + u;
        expect(trace.c[k]).toBeCloseTo(trace.f[k]! * trace.c[k - 16]! + trace.i[k]! * trace.g[k]!, 5);
        expect(trace.h[k]).toBeCloseTo(trace.o[k]! * Math.tanh(trace.c[k]!), 5);
      }
    }
    layer.dispose();
  });

  test('the last h_T is what the classifier’s LSTM hands to its dense layer', async () => {
    const model = buildLstmClassifier({ steps: STEPS, features: FEATURES, units: 8, seed: 2 });
    const trace = await traceLstm(model.getLayer('lstm'), seq, STEPS);
    const hT = tf.tidy(() => model.getLayer('lstm').apply(tf.tensor3d(seq, [1, STEPS, FEATURES])) as tf.Tensor);
    const v = await hT.data();
    hT.dispose();
    for (let u = 0; u < 8; u++) expect(trace.h[(STEPS - 1) * 8 + u]).toBeCloseTo(v[u]!, 5);
    await expect(traceLstm(model.getLayer('lstm'), seq.slice(1), STEPS)).rejects.toThrow(/values/);
    await expect(traceLstm(model.getLayer('output'), seq, STEPS)).rejects.toThrow();
    model.dispose();
  });
});
