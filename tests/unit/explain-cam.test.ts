import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { describe, expect, it } from 'vitest';
import { expectNoLeak } from '../helpers/tf.ts';
import { upsampleBilinear } from '../../src/explain/upsample.ts';
import { cam } from '../../src/explain/cam.ts';
import { gradCam } from '../../src/explain/grad-cam.ts';

const IMG = [0.1, 0.5, 0.9, 0.2, 0.7, 0.3, 0.0, 0.8, 0.4, 0.6, 1.0, 0.05, 0.25, 0.95, 0.35, 0.45]; // 4×4
const K1 = [1, -0.5, 0.25, 0.75]; // 2×2 kernel, filter 0 (row-major ky, kx)
const K2 = [-0.3, 0.6, 0.9, -0.2]; // filter 1
const WD = [
  [0.8, -0.4, 0.3],
  [-0.6, 0.9, 0.2],
]; // dense kernel [2 channels, 3 classes]

/** conv 2×2 valid, then ReLU, computed by hand: A[k][i][j]. */
function handActivations(): number[][][] {
  return [K1, K2].map((k) =>
    Array.from({ length: 3 }, (_, i) =>
      Array.from({ length: 3 }, (_, j) => Math.max(0, k[0]! * IMG[i * 4 + j]! + k[1]! * IMG[i * 4 + j + 1]! + k[2]! * IMG[(i + 1) * 4 + j]! + k[3]! * IMG[(i + 1) * 4 + j + 1]!)),
    ),
  );
}

function tinyGapNet(headActivation: 'softmax' | 'linear') {
  const model = tfl.sequential({
    layers: [
      tfl.layers.conv2d({ inputShape: [4, 4, 1], filters: 2, kernelSize: 2, activation: 'relu', useBias: false, name: 'conv' }),
      tfl.layers.globalAveragePooling2d({ name: 'gap' }),
      tfl.layers.dense({ units: 3, activation: headActivation, name: 'head' }),
    ],
  });
  const kernel = new Float32Array(8); // [2, 2, 1, 2]
  for (let p = 0; p < 4; p++) {
    kernel[p * 2] = K1[p]!;
    kernel[p * 2 + 1] = K2[p]!;
  }
  const ws = [tf.tensor4d(kernel, [2, 2, 1, 2]), tf.tensor2d(WD), tf.tensor1d([0.1, -0.2, 0.3])];
  model.setWeights(ws);
  tf.dispose(ws);
  return model;
}

describe('bilinear upsampling with half-pixel centres', () => {
  it('matches hand-computed values (PyTorch align_corners=False)', async () => {
    const m = tf.tensor2d([[1, 2], [3, 4]]);
    const row = tf.tensor2d([[0, 10, 20]]);
    const [a, b] = await expectNoLeak(() => {
      const u = upsampleBilinear(m, 4, 4);
      const v = upsampleBilinear(row, 1, 5);
      const out = [Array.from(u.dataSync()), Array.from(v.dataSync())];
      tf.dispose([u, v]);
      return out;
    });
    expect(a).toEqual([1, 1.25, 1.75, 2, 1.5, 1.75, 2.25, 2.5, 2.5, 2.75, 3.25, 3.5, 3, 3.25, 3.75, 4]);
    // x_src = (j + ½)·3/5 − ½ = −0.2, 0.4, 1.0, 1.6, 2.2 → clamp → 0, 4, 10, 16, 20
    b!.forEach((v, i) => expect(v).toBeCloseTo([0, 4, 10, 16, 20][i]!, 5));
    expect(() => upsampleBilinear(tf.zeros([2, 2, 2]), 4, 4)).toThrow(/map must be a 2-D map/);
    tf.dispose([m, row]);
  });
});

describe('CAM', () => {
  it('equals Σ_k w_k^c A_k computed by hand on a tiny GAP network', async () => {
    const model = tinyGapNet('softmax');
    const x = tf.tensor4d(IMG, [1, 4, 4, 1]);
    const A = handActivations();
    for (const c of [0, 1, 2]) {
      const got = await expectNoLeak(async () => {
        const m = await cam(model, x, c, { upsample: false });
        const v = Array.from(await m.data());
        expect(m.shape).toEqual([3, 3]);
        m.dispose();
        return v;
      });
      for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) expect(got[i * 3 + j]).toBeCloseTo(WD[0]![c]! * A[0]![i]![j]! + WD[1]![c]! * A[1]![i]![j]!, 5);
    }
    const full = await expectNoLeak(async () => {
      const m = await cam(model, x, 0);
      const s = m.shape;
      m.dispose();
      return s;
    });
    expect(full).toEqual([4, 4]);
    model.dispose();
    x.dispose();
  });
});

describe('Grad-CAM', () => {
  it('with a linear GAP head is CAM / (h·w) (α_k = w_k / Z)', async () => {
    const model = tinyGapNet('linear');
    const x = tf.tensor4d(IMG, [1, 4, 4, 1]);
    const A = handActivations();
    const c = 1;
    const got = await expectNoLeak(async () => {
      const g = await gradCam(model, x, c, { upsample: false, relu: false });
      const r = await gradCam(model, x, c, { upsample: false });
      const out = [Array.from(await g.data()), Array.from(await r.data())];
      tf.dispose([g, r]);
      return out;
    });
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        const want = (WD[0]![c]! * A[0]![i]![j]! + WD[1]![c]! * A[1]![i]![j]!) / 9;
        expect(got[0]![i * 3 + j]).toBeCloseTo(want, 5);
        expect(got[1]![i * 3 + j]).toBeCloseTo(Math.max(0, want), 5);
      }
    }
    model.dispose();
    x.dispose();
  });

  it('splits a functional model with a skip connection', async () => {
    const inp = tfl.input({ shape: [6, 6, 1] });
    const c1 = tfl.layers.conv2d({ filters: 3, kernelSize: 3, padding: 'same', activation: 'relu', name: 'c1', kernelInitializer: tfl.initializers.randomNormal({ seed: 1 }) }).apply(inp) as tfl.SymbolicTensor;
    const c2 = tfl.layers.conv2d({ filters: 3, kernelSize: 3, padding: 'same', name: 'c2', kernelInitializer: tfl.initializers.randomNormal({ seed: 2 }) }).apply(c1) as tfl.SymbolicTensor;
    const sum = tfl.layers.add({ name: 'sum' }).apply([c1, c2]) as tfl.SymbolicTensor;
    const gap = tfl.layers.globalAveragePooling2d({}).apply(sum) as tfl.SymbolicTensor;
    const out = tfl.layers.dense({ units: 2, name: 'out', kernelInitializer: tfl.initializers.randomNormal({ seed: 3 }) }).apply(gap) as tfl.SymbolicTensor;
    const model = tfl.model({ inputs: inp, outputs: out });
    const x = tf.tensor4d(Array.from({ length: 36 }, (_, i) => Math.sin(i)), [1, 6, 6, 1]);
    const [g, camMap, atC1] = await expectNoLeak(async () => {
      const a = await gradCam(model, x, 0, { relu: false, upsample: false }); // default: last 4-D layer, 'sum'
      const b = await cam(model, x, 0, { upsample: false });
      const c = await gradCam(model, x, 1, { layerName: 'c1' });
      const res = [Array.from(await a.data()), Array.from(await b.data()), c.shape];
      tf.dispose([a, b, c]);
      return res;
    });
    (g as number[]).forEach((v, i) => expect(v).toBeCloseTo((camMap as number[])[i]! / 36, 5));
    expect(atC1).toEqual([6, 6]);
    model.dispose();
    x.dispose();
  });

  it('names the missing layer and lists the layers that exist', async () => {
    const model = tinyGapNet('softmax');
    const x = tf.tensor4d(IMG, [1, 4, 4, 1]);
    const flat = tf.tensor2d([IMG]);
    await expectNoLeak(async () => {
      await expect(gradCam(model, x, 0, { layerName: 'nope' })).rejects.toThrow(/options.layerName.*"nope".*conv, gap, head/);
      await expect(gradCam(model, x, 0, { layerName: 'head' })).rejects.toThrow(/options.layerName.*not 4-D/);
      await expect(gradCam(model, x, 3)).rejects.toThrow(/target.*\[0, 2\]/);
      await expect(cam(model, flat, 0)).rejects.toThrow(/x must be/);
    });
    model.dispose();
    tf.dispose([x, flat]);
  });
});
