import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { describe, expect, test } from 'vitest';
import { expectNoLeak } from '../helpers/tf.ts';
import { addingProblem, tokenAfterMarker } from '../../src/data/sequences.ts';
import { buildLstmClassifier } from '../../src/models/lstm.ts';
import { attend, attentionWeights, buildAttentionClassifier, DotAttention } from '../../src/models/attention.ts';
import { orthogonalMatrix } from '../../src/models/seeds.ts';
import { modelSummary } from '../../src/models/summary.ts';

function weightsOf(model: tfl.LayersModel): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const w of model.weights) out[w.originalName] = Array.from(w.read().dataSync());
  return out;
}

const lstmParams = (f: number, u = 64) => 4 * u * (f + u + 1);

describe('orthogonalMatrix', () => {
  test('wide matrices have orthonormal rows, tall ones orthonormal columns', () => {
    for (const [r, c] of [[8, 32], [32, 8]] as const) {
      const m = orthogonalMatrix(r, c, 3);
      const k = Math.min(r, c);
      for (let a = 0; a < k; a++) {
        for (let b = 0; b < k; b++) {
          let dot = 0;
          for (let j = 0; j < Math.max(r, c); j++) {
            dot += r < c ? m[a * c + j]! * m[b * c + j]! : m[j * c + a]! * m[j * c + b]!;
          }
          expect(dot).toBeCloseTo(a === b ? 1 : 0, 5);
        }
      }
    }
    expect(orthogonalMatrix(4, 8, 1)).toEqual(orthogonalMatrix(4, 8, 1));
  });
});

describe('buildLstmClassifier', () => {
  test('parameter counts equal Keras and output is [n, 10]', async () => {
    const data = addingProblem({ n: 4, steps: 10, seed: 1 });
    const model = buildLstmClassifier({ steps: 10, features: 2, seed: 1 });
    const s = modelSummary(model);
    expect(s.rows.map((r) => [r.name, r.type, r.outputShape, r.params])).toEqual([
      ['lstm', 'LSTM', [null, 64], lstmParams(2)],
      ['output', 'Dense', [null, 10], 650],
    ]);
    expect(s.totalParams).toBe(lstmParams(2) + 650);
    const shape = await expectNoLeak(() => {
      const x = tf.tensor3d(data.x, [4, 10, 2]);
      const y = model.predict(x) as tf.Tensor;
      const shape = y.shape;
      tf.dispose([x, y]);
      return shape;
    });
    expect(shape).toEqual([4, 10]);
    model.dispose();
  });

  test('seeded: same seed identical, different seed different; forget bias 1; recurrent kernel orthogonal', () => {
    const [a, b, c] = [1, 1, 2].map((seed) => buildLstmClassifier({ steps: 5, features: 12, units: 16, seed }));
    const wa = weightsOf(a!);
    expect(weightsOf(b!)).toEqual(wa);
    const wc = weightsOf(c!);
    expect(wc['lstm/kernel']).not.toEqual(wa['lstm/kernel']);
    expect(wc['lstm/recurrent_kernel']).not.toEqual(wa['lstm/recurrent_kernel']);
    expect(wc['output/kernel']).not.toEqual(wa['output/kernel']);
    expect(modelSummary(a!).totalParams).toBe(lstmParams(12, 16) + 170);
    // Gate order i, f, c, o: the forget-gate bias starts at 1.
    expect(wa['lstm/bias']!.slice(16, 32)).toEqual(new Array(16).fill(1));
    const rk = wa['lstm/recurrent_kernel']!; // 16 × 64, orthonormal rows
    let dot01 = 0;
    let norm0 = 0;
    for (let j = 0; j < 64; j++) {
      dot01 += rk[j]! * rk[64 + j]!;
      norm0 += rk[j]! ** 2;
    }
    expect(norm0).toBeCloseTo(1, 5);
    expect(dot01).toBeCloseTo(0, 5);
    [a, b, c].forEach((m) => m!.dispose());
  });
});

describe('attention classifier', () => {
  test('parameters, output and attention weights', async () => {
    const data = tokenAfterMarker({ n: 3, steps: 8, seed: 2 });
    const model = buildAttentionClassifier({ steps: 8, features: 12, seed: 1 });
    const s = modelSummary(model);
    expect(s.rows.map((r) => [r.name, r.type, r.outputShape, r.params])).toEqual([
      ['lstm', 'LSTM', [null, 8, 64], lstmParams(12)],
      ['attention', 'DotAttention', [null, 64], 64],
      ['output', 'Dense', [null, 10], 650],
    ]);
    expect(s.totalParams).toBe(lstmParams(12) + 64 + 650);
    const { shape, alpha, manual } = await expectNoLeak(() => {
      const x = tf.tensor3d(data.x, [3, 8, 12]);
      const y = model.predict(x) as tf.Tensor;
      const a = attentionWeights(model, x);
      // Recompute by hand: softmax(h·q/√d) from the LSTM's sequence output.
      const hidden = tfl.model({ inputs: model.inputs, outputs: model.getLayer('lstm').output as tfl.SymbolicTensor });
      const manual = tf.tidy(() => {
        const h = hidden.predict(x) as tf.Tensor3D;
        const q = model.getLayer('attention').getWeights()[0]!;
        return tf.softmax(tf.div(tf.sum(tf.mul(h, q), -1), 8));
      });
      const out = { shape: [y.shape, a.shape], alpha: a.arraySync(), manual: manual.arraySync() as number[][] };
      tf.dispose([x, y, a, manual]);
      return out;
    });
    expect(shape).toEqual([[3, 10], [3, 8]]);
    for (let i = 0; i < 3; i++) {
      expect(alpha[i]!.reduce((p, q) => p + q, 0)).toBeCloseTo(1, 5);
      for (let t = 0; t < 8; t++) {
        expect(alpha[i]![t]).toBeGreaterThan(0);
        expect(alpha[i]![t]).toBeCloseTo(manual[i]![t]!, 6);
      }
    }
    model.dispose();
  });

  test('attend: context is the α-weighted sum of hidden states', () => {
    const h = tf.tensor3d([[[1, 0], [0, 1], [1, 1]]]);
    const q = tf.tensor1d([2, 0]);
    const { context, alpha } = attend(h, q);
    const s = [2, 0, 2].map((v) => v / Math.SQRT2);
    const z = s.reduce((p, v) => p + Math.exp(v), 0);
    const a = s.map((v) => Math.exp(v) / z);
    expect(Array.from(alpha.dataSync())).toEqual(a.map((v) => expect.closeTo(v, 6)));
    expect(Array.from(context.dataSync())).toEqual([a[0]! + a[2]!, a[1]! + a[2]!].map((v) => expect.closeTo(v, 6)));
    tf.dispose([h, q, context, alpha]);
  });

  test('seeded, trainable (the query receives gradients) and serialisable', async () => {
    const [a, b, c] = [5, 5, 6].map((seed) => buildAttentionClassifier({ steps: 6, features: 2, units: 8, seed }));
    expect(weightsOf(b!)).toEqual(weightsOf(a!));
    expect(weightsOf(c!)['attention/query']).not.toEqual(weightsOf(a!)['attention/query']);
    const before = weightsOf(a!)['attention/query'];
    const data = addingProblem({ n: 8, steps: 6, seed: 1 });
    a!.compile({ optimizer: 'adam', loss: 'sparseCategoricalCrossentropy' });
    const x = tf.tensor3d(data.x, [8, 6, 2]);
    const y = tf.tensor1d(data.y, 'float32');
    await a!.fit(x, y, { epochs: 1, batchSize: 8, verbose: 0 });
    expect(weightsOf(a!)['attention/query']).not.toEqual(before);
    tf.dispose([x, y]);
    const config = a!.getLayer('attention').getConfig();
    const revived = tf.serialization.SerializationMap.getMap().classNameMap['DotAttention'];
    expect(revived?.[0]).toBe(DotAttention);
    expect(config).toMatchObject({ name: 'attention' });
    [a, b, c].forEach((m) => m!.dispose());
  });
});

describe('building recurrent models leaves no tensor behind', () => {
  test('LSTM and LSTM + attention classifiers: disposing the model frees everything building made', () => {
    const before = tf.memory().numTensors;
    for (const build of [buildLstmClassifier, buildAttentionClassifier]) build({ steps: 5, features: 3, units: 4, seed: 1 }).dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
