import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { expectNoLeak } from '../helpers/tf.ts';
import { gradientNormsPerStep, massOnImportant, meanPerStep } from '../../src/figures/recurrent/gradients.ts';
import { VanishSession, VANISH_PROBE } from '../../src/figures/recurrent/vanish-session.ts';
import { LstmSession, LSTM_STEPS, LSTM_UNITS } from '../../src/figures/recurrent/lstm-session.ts';
import { defaults } from '../../src/state/url-state.ts';
import { lstmSchema, vanishSchema } from '../../src/figures/recurrent/state.ts';
import { buildSimpleRnnClassifier } from '../../src/models/simple-rnn.ts';
import { tokenAfterMarker } from '../../src/data/sequences.ts';
import { buildLstmClassifier } from '../../src/models/lstm.ts';
import { tidyBuild } from '../../src/models/tidy-build.ts';

// tfjs-layers keeps a tensor alive for good after the first recurrent layer runs
// (a cached constant); run one of each first, so a leak test sees only our own tensors.
beforeAll(() => {
  for (const build of [buildLstmClassifier, buildSimpleRnnClassifier]) {
    const m = tidyBuild(() => build({ steps: 2, features: 12, units: 2, seed: 0 }));
    tf.tidy(() => m.predict(tf.zeros([1, 2, 12])));
    m.dispose();
  }
});

describe('gradient per time step', () => {
  test('is the norm of ∂z_c/∂x_t, checked by a finite difference, and leaks nothing', async () => {
    const d = tokenAfterMarker({ n: 2, steps: 6, seed: 3 });
    const model = buildSimpleRnnClassifier({ steps: 6, features: 12, units: 8, seed: 1 });
    const norms = await expectNoLeak(async () => {
      const x = tf.tensor3d(d.x, [2, 6, 12]);
      const g = await gradientNormsPerStep(model, x, d.y);
      x.dispose();
      return g;
    });
    expect(norms.length).toBe(12);
    // Central differences of sequence 0's true-class logit along each input coordinate
    // of step t give ∂z/∂x_t one entry at a time; their norm must match.
    const logit = (xs: Float32Array) =>
      tf.tidy(() => {
        const z = tf.add(tf.matMul(model.layers[0]!.apply(tf.tensor3d(xs, [2, 6, 12])) as tf.Tensor2D, model.layers[1]!.getWeights()[0] as tf.Tensor2D), model.layers[1]!.getWeights()[1]!);
        return z.arraySync() as number[][];
      });
    const eps = 1e-2;
    for (const t of [1, 5]) {
      let sq = 0;
      for (let k = 0; k < 12; k++) {
        const plus = d.x.slice();
        const minus = d.x.slice();
        plus[t * 12 + k]! += eps;
        minus[t * 12 + k]! -= eps;
        const dz = (logit(plus)[0]![d.y[0]!]! - logit(minus)[0]![d.y[0]!]!) / (2 * eps);
        sq += dz * dz;
      }
      expect(norms[t]).toBeCloseTo(Math.sqrt(sq), 3);
    }
    model.dispose();
  });

  test('meanPerStep and massOnImportant', () => {
    const g = Float32Array.from([1, 1, 2, 0, 3, 1]);
    expect(Array.from(meanPerStep(g, 2, 3))).toEqual([0.5, 2, 1.5]);
    // Row 0: step 2 holds 2 of 4; row 1: step 1 holds 3 of 4.
    expect(massOnImportant(g, Int32Array.from([2, 1]), 2, 3, 1)).toBeCloseTo(0.625, 6);
  });
});

describe('VanishSession', () => {
  test('reports finite gradients per step for both models, trains both, leaks nothing', async () => {
    const state = { ...defaults(vanishSchema), steps: 10 };
    await expectNoLeak(async () => {
      const s = new VanishSession(state);
      const v0 = await s.view();
      expect(v0.epoch).toBe(0);
      for (const m of [v0.rnn, v0.lstm]) {
        expect(m.norms.length).toBe(10);
        for (const g of m.norms) expect(Number.isFinite(g) && g > 0).toBe(true);
        // At initialisation the gradient falls off going back in time for both.
        expect(m.norms[0]!).toBeLessThan(m.norms[9]!);
      }
      const r = await s.trainEpoch();
      expect(r?.epoch).toBe(1);
      const v1 = await s.view();
      expect(v1.epoch).toBe(1);
      expect(Number.isFinite(v1.rnn.loss) && Number.isFinite(v1.lstm.loss)).toBe(true);
      expect(Array.from(v1.lstm.norms)).not.toEqual(Array.from(v0.lstm.norms));
      s.dispose();
    });
    expect(VANISH_PROBE).toBeGreaterThan(0);
  });

  test('a pause part-way resumes the same epoch', async () => {
    const s = new VanishSession({ ...defaults(vanishSchema), steps: 6, epochs: 2 });
    let calls = 0;
    expect(await s.trainEpoch({ shouldStop: () => ++calls > 3 })).toBeNull();
    expect(s.epoch).toBe(0);
    expect((await s.trainEpoch())?.epoch).toBe(1);
    s.dispose();
  });
});

describe('LstmSession', () => {
  test('view: tokens, gates, hidden states, gradient per step, all finite; no leak', async () => {
    await expectNoLeak(async () => {
      const s = new LstmSession(defaults(lstmSchema));
      const v = await s.view(3);
      expect(v.steps).toBe(LSTM_STEPS);
      const e = v.example;
      expect(e.tokens.filter((t) => t === 10).length).toBe(1); // one marker
      expect(e.tokens[e.important[0]! - 1]).toBe(10);
      expect(e.tokens[e.important[0]!]).toBe(e.label);
      for (const arr of [e.h, e.i, e.f, e.o]) {
        expect(arr.length).toBe(LSTM_STEPS * LSTM_UNITS);
        expect(arr.every(Number.isFinite)).toBe(true);
        expect(Math.max(...arr)).toBeGreaterThan(Math.min(...arr));
      }
      expect(e.gradient.length).toBe(LSTM_STEPS);
      expect(e.gradient.every((g) => Number.isFinite(g) && g >= 0)).toBe(true);
      expect(e.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
      expect(v.importantMass).toBeGreaterThan(0);
      expect(v.importantMass).toBeLessThan(1);
      expect(Number.isFinite(v.valLoss)).toBe(true);
      await expect(s.view(200)).rejects.toThrow(/0 to 199/);
      s.dispose();
    });
  });
});
