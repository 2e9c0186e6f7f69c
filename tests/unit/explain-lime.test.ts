import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { expectNoLeak } from '../helpers/tf.ts';
import { mulberry32, normal } from '../../src/engine/random.ts';
import { binOf, limeTabular, percentileSorted, quartileEdges } from '../../src/explain/lime-tabular.ts';
import { limeImage, segmentMap } from '../../src/explain/lime-image.ts';
import { limeSequence } from '../../src/explain/lime-sequence.ts';
import { gridSegments, slicSegments, countSegments } from '../../src/explain/segmentation.ts';
import { weightedRidge } from '../../src/explain/linalg.ts';
import { cosineDistance, limeKernel } from '../../src/explain/lime-kernel.ts';

function linearPredict(w: number[]) {
  return (x: tf.Tensor) => tf.tidy(() => tf.matMul(x as tf.Tensor2D, tf.tensor2d(w, [w.length, 1])));
}

function trainingRows(n: number, d: number, seed: number): number[][] {
  const z = normal(mulberry32(seed));
  return Array.from({ length: n }, () => Array.from({ length: d }, () => z()));
}

describe('weighted ridge (scikit-learn Ridge with sample_weight)', () => {
  it('recovers an exact line with alpha 0 and shrinks with alpha', () => {
    const X = Float64Array.from([0, 1, 2, 3]);
    const y = Float64Array.from([1, 3, 5, 7]);
    const w = Float64Array.from([1, 2, 1, 0.5]);
    const fit = weightedRidge(X, y, w, 4, 1, 0);
    expect(fit.coef[0]).toBeCloseTo(2, 10);
    expect(fit.intercept).toBeCloseTo(1, 10);
    expect(fit.score).toBeCloseTo(1, 10);
    // With alpha: β = Σw(x−x̄)(y−ȳ) / (Σw(x−x̄)² + α), x̄ the weighted mean.
    const sw = 4.5;
    const xm = (0 + 2 + 2 + 1.5) / sw;
    const sxx = [0, 1, 2, 3].reduce((s, xi, i) => s + w[i]! * (xi - xm) ** 2, 0);
    const ridge = weightedRidge(X, y, w, 4, 1, 1);
    expect(ridge.coef[0]).toBeCloseTo((2 * sxx) / (sxx + 1), 10);
  });

  it('uses lime\'s kernel and scikit-learn\'s cosine distance', () => {
    expect(limeKernel(0, 1)).toBe(1);
    expect(limeKernel(2, 4)).toBeCloseTo(Math.sqrt(Math.exp(-0.25)), 12);
    expect(cosineDistance([1, 0, 1], [1, 1, 1])).toBeCloseTo(1 - 2 / Math.sqrt(6), 12);
    expect(cosineDistance([0, 0], [1, 1])).toBe(1);
  });
});

describe('LIME tabular', () => {
  it('recovers the signs and ranking of a linear model\'s coefficients', async () => {
    const w = [3, -2, 0.5, 0];
    const train = trainingRows(300, 4, 5);
    const r = await expectNoLeak(() =>
      limeTabular(linearPredict(w), [0.5, -1, 2, 0.3], { trainingData: train, numSamples: 2000, seed: 1, target: 0, sampleAroundInstance: true, discretize: false }),
    );
    expect(Math.sign(r.weights[0]!)).toBe(1);
    expect(Math.sign(r.weights[1]!)).toBe(-1);
    expect(Math.sign(r.weights[2]!)).toBe(1);
    const order = [0, 1, 2, 3].sort((a, b) => Math.abs(r.weights[b]!) - Math.abs(r.weights[a]!));
    expect(order).toEqual([0, 1, 2, 3]);
    expect(Math.abs(r.weights[3]!)).toBeLessThan(0.05);
    expect(r.score).toBeGreaterThan(0.999);
    expect(r.localPrediction).toBeCloseTo(r.prediction, 2);
    expect(r.prediction).toBeCloseTo(1.5 + 2 + 1, 4);
  });

  it('is reproducible for a seed and validates its arguments', async () => {
    const predict = linearPredict([1, 1]);
    const train = trainingRows(50, 2, 2);
    const inst = tf.tensor2d([[1, 2]]);
    const [a, b] = await expectNoLeak(async () => [
      await limeTabular(predict, [1, 2], { trainingData: train, numSamples: 200, seed: 4, target: 0 }),
      await limeTabular(predict, inst, { trainingData: train, numSamples: 200, seed: 4, target: 0 }),
    ]);
    expect(Array.from(a!.weights)).toEqual(Array.from(b!.weights));
    inst.dispose();
    await expect(limeTabular(predict, [1, 2], { trainingData: [[1, 2, 3]], target: 0 })).rejects.toThrow(/options.trainingData has 3 columns/);
    const c = await expectNoLeak(() => limeTabular(predict, [1, 2], { trainingData: train, numSamples: 200, seed: 4, target: 0, discretize: false }));
    expect(Array.from(c.weights)).not.toEqual(Array.from(a!.weights));
    expect(c.labels).toEqual(['x0', 'x1']);
    await expect(limeTabular(predict, [1, 2], { trainingData: train, target: 0, discretize: 'yes' as never })).rejects.toThrow(/options.discretize/);
    await expect(limeTabular(predict, [1, 2], { trainingData: train, target: 0, featureNames: ['a'] })).rejects.toThrow(/options.featureNames must be an array of 2/);
    await expect(limeTabular(predict, [1, NaN], { trainingData: train, target: 0 })).rejects.toThrow(/instance contains a non-finite/);
    await expect(limeTabular(predict, [1, 2], { trainingData: train, target: 1, numSamples: 10 })).rejects.toThrow(/target.*\[0, 0\]/);
  });
});

describe('LIME tabular, quartile discretisation (lime\'s default)', () => {
  it('bins like np.percentile([25, 50, 75]) + np.unique + np.searchsorted', () => {
    // np.percentile([7, 1, 3, 10, 4, 2], [25, 50, 75]) = [2.25, 3.5, 6.25]: sorted [1,2,3,4,7,10],
    // virtual indices 1.25, 2.5, 3.75 → 2 + .25·1, 3 + .5·1, 4 + .75·3.
    expect(Array.from(quartileEdges([7, 1, 3, 10, 4, 2]))).toEqual([2.25, 3.5, 6.25]);
    expect(Array.from(quartileEdges([1, 2, 3, 4, 5]))).toEqual([2, 3, 4]);
    expect(Array.from(quartileEdges([4, 1, 3, 2]))).toEqual([1.75, 2.5, 3.25]);
    expect(Array.from(quartileEdges([0, 1, 0, 1]))).toEqual([0, 0.5, 1]);
    expect(Array.from(quartileEdges([1, 1, 5, 1, 1]))).toEqual([1]); // ties collapse (np.unique)
    expect(percentileSorted([1, 2, 3, 4, 7, 10], 90)).toBeCloseTo(8.5, 12);
    const e = [2.25, 3.5, 6.25];
    expect([0, 2.25, 2.26, 3.5, 6.25, 6.3, 99].map((v) => binOf(e, v))).toEqual([0, 0, 1, 1, 2, 3, 3]);
  });

  it('samples within the training bins, puts the weight on the feature the model uses, names the bins', async () => {
    const train = trainingRows(400, 3, 11);
    const mins = [0, 1, 2].map((j) => Math.min(...train.map((r) => r[j]!)));
    const maxs = [0, 1, 2].map((j) => Math.max(...train.map((r) => r[j]!)));
    const edges0 = quartileEdges(train.map((r) => r[0]!));
    const seen: number[][] = [];
    const base = linearPredict([1, 0, 0]);
    const predict = (x: tf.Tensor) => {
      seen.push(...(x.arraySync() as number[][]));
      return base(x);
    };
    const inst = [1.5, -0.2, 0.4];
    const r = await expectNoLeak(() => limeTabular(predict, inst, { trainingData: train, numSamples: 3000, seed: 3, target: 0 }));
    expect(seen.length).toBe(3000);
    expect(seen[0]![0]).toBeCloseTo(1.5, 6);
    expect(seen[0]![1]).toBeCloseTo(-0.2, 6);
    for (const row of seen.slice(1)) {
      for (let j = 0; j < 3; j++) {
        expect(row[j]!).toBeGreaterThanOrEqual(mins[j]! - 1e-6);
        expect(row[j]!).toBeLessThanOrEqual(maxs[j]! + 1e-6);
      }
    }
    // each quartile bin is drawn with its training frequency (~1/4 each)
    const counts = [0, 0, 0, 0];
    for (const row of seen.slice(1)) counts[binOf(edges0, row[0]!)]!++;
    for (const c of counts) expect(Math.abs(c / 2999 - 0.25)).toBeLessThan(0.04);

    const order = [0, 1, 2].sort((a, b) => Math.abs(r.weights[b]!) - Math.abs(r.weights[a]!));
    expect(order[0]).toBe(0);
    // x0 = 1.5 is in the top quartile: being there raises f by roughly E[x0 | top] − E[x0 | other bins] > 1
    expect(r.weights[0]!).toBeGreaterThan(1);
    expect(Math.abs(r.weights[1]!)).toBeLessThan(0.1);
    expect(Math.abs(r.weights[2]!)).toBeLessThan(0.1);
    expect(r.prediction).toBeCloseTo(1.5, 5);
    expect(r.labels[0]).toBe(`x0 > ${edges0[2]!.toFixed(2)}`);
    expect(r.labels[1]).toMatch(/^-?\d+\.\d\d < x1 <= -?\d+\.\d\d$|^x1 <= -?\d+\.\d\d$/);
    expect(r.edges!.length).toBe(3);

    const again = await expectNoLeak(() => limeTabular(base, inst, { trainingData: train, numSamples: 3000, seed: 3, target: 0, featureNames: ['a', 'b', 'c'] }));
    expect(Array.from(again.weights)).toEqual(Array.from(r.weights));
    expect(again.intercept).toBe(r.intercept);
    expect(again.labels[0]).toBe(`a > ${edges0[2]!.toFixed(2)}`);
    const other = await expectNoLeak(() => limeTabular(base, inst, { trainingData: train, numSamples: 3000, seed: 4, target: 0 }));
    expect(Array.from(other.weights)).not.toEqual(Array.from(r.weights));
  });
});

describe('segmentations', () => {
  it('grid cells and a connected SLIC segmentation of a digit-like ring', () => {
    const g = gridSegments(5, 5, 2);
    expect(Array.from(g.subarray(0, 5))).toEqual([0, 0, 1, 1, 2]);
    expect(g[24]).toBe(8);
    expect(countSegments(g)).toBe(9);

    const h = 28, w = 28;
    const img = new Float32Array(h * w);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
      const r = Math.hypot(y - 13.5, x - 13.5);
      img[y * w + x] = r > 6 && r < 10 ? 1 : 0;
    }
    const s = slicSegments(img, h, w, { nSegments: 16 });
    const k = countSegments(s);
    expect(k).toBeGreaterThanOrEqual(8);
    expect(k).toBeLessThanOrEqual(40);
    // every id is used and every segment is 4-connected
    for (let id = 0; id < k; id++) {
      const pixels = [...s.keys()].filter((p) => s[p] === id);
      expect(pixels.length).toBeGreaterThan(0);
      const seen = new Set([pixels[0]!]);
      const stack = [pixels[0]!];
      while (stack.length) {
        const p = stack.pop()!;
        const y = Math.floor(p / w), x = p % w;
        for (const [dy, dx] of [[1, 0], [-1, 0], [0, 1], [0, -1]] as const) {
          const yy = y + dy, xx = x + dx;
          const q = yy * w + xx;
          if (yy >= 0 && yy < h && xx >= 0 && xx < w && s[q] === id && !seen.has(q)) {
            seen.add(q);
            stack.push(q);
          }
        }
      }
      expect(seen.size).toBe(pixels.length);
    }
    expect(() => slicSegments(img, 27, 28)).toThrow(/pixels must hold/);
  });
});

describe('LIME image', () => {
  it('gives each superpixel its linear contribution for a model summing pixels', async () => {
    const h = 8, w = 8;
    const seg = gridSegments(h, w, 4); // 4 segments of 16 pixels
    const weightsPerPixel = new Float32Array(h * w);
    for (let p = 0; p < h * w; p++) weightsPerPixel[p] = seg[p] === 0 ? 1 : seg[p] === 3 ? -0.5 : 0;
    const predict = (x: tf.Tensor) => tf.tidy(() => tf.matMul(tf.reshape(x, [-1, h * w]), tf.tensor2d(weightsPerPixel, [h * w, 1])));
    const x = tf.ones([1, h, w, 1]);
    const r = await expectNoLeak(() => limeImage(predict, x, { segments: seg, numSamples: 500, seed: 2, target: 0, hideValue: 0 }));
    expect(r.numSegments).toBe(4);
    expect(r.weights[0]).toBeCloseTo(16, 0);
    expect(r.weights[3]).toBeCloseTo(-8, 0);
    expect(Math.abs(r.weights[1]!)).toBeLessThan(0.5);
    expect(r.prediction).toBeCloseTo(8, 4);
    const map = segmentMap(r.weights, seg);
    expect(map[0]).toBeCloseTo(r.weights[0]!, 5);
    await expect(limeImage(predict, x, { segments: new Int32Array(10), target: 0 })).rejects.toThrow(/options.segments.*64/);
    await expect(limeImage(predict, x, { segments: seg, target: 0, hideValue: 'blur' as never })).rejects.toThrow(/options.hideValue/);
    const withMean = await expectNoLeak(() => limeImage(predict, x, { segments: seg, numSamples: 50, seed: 2, target: 0, hideValue: 'mean' }));
    // hiding with the segment mean of an all-ones image changes nothing: every weight ≈ 0
    for (const v of withMean.weights) expect(Math.abs(v)).toBeLessThan(1e-4);
    x.dispose();
  });
});

describe('LIME sequence', () => {
  it('ranks time steps by their weight in a linear model', async () => {
    const T = 6;
    const v = [0, 2, 0, -1, 0, 0.5];
    const predict = (x: tf.Tensor) => tf.tidy(() => tf.matMul(tf.reshape(x, [-1, T]), tf.tensor2d(v, [T, 1])));
    const x = tf.ones([1, T, 1]);
    const r = await expectNoLeak(() => limeSequence(predict, x, { numSamples: 800, seed: 3, target: 0 }));
    const order = [...Array(T).keys()].sort((a, b) => Math.abs(r.weights[b]!) - Math.abs(r.weights[a]!));
    expect(order.slice(0, 3)).toEqual([1, 3, 5]);
    expect(Math.sign(r.weights[3]!)).toBe(-1);
    expect(r.weights[1]).toBeCloseTo(2, 1);
    await expect(limeSequence(predict, tf.tidy(() => tf.ones([2, T, 1])) as tf.Tensor, { target: 0 })).rejects.toThrow(/x must be one example/);
    x.dispose();
  });
});
