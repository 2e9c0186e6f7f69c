import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, test } from 'vitest';
import { expectNoLeak } from '../helpers/tf.ts';
import { attendByHand } from '../../src/figures/attention/by-hand.ts';
import { byHandSchema, DEFAULT_H, DEFAULT_Q, vectorsOf } from '../../src/figures/attention/by-hand-state.ts';
import { attend } from '../../src/models/attention.ts';
import { defaults, readState } from '../../src/state/url-state.ts';

const H = DEFAULT_H.map((r) => [...r]);
const Q = [...DEFAULT_Q];

describe('attention by hand (Figure 1)', () => {
  test('weights equal tf.softmax of the scaled scores, for several scales', async () => {
    for (const s of [0, 0.2, 1 / Math.sqrt(3), 1, 3, 5]) {
      const mine = attendByHand(H, Q, s);
      const theirs = await expectNoLeak(() =>
        tf.tidy(() => Array.from(tf.softmax(tf.mul(tf.matMul(tf.tensor2d(H), tf.tensor2d(Q, [3, 1])).reshape([-1]), s)).dataSync())),
      );
      mine.weights.forEach((w, i) => expect(w).toBeCloseTo(theirs[i]!, 6));
      expect(mine.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      mine.dots.forEach((d, i) => expect(d).toBeCloseTo(H[i]!.reduce((a, v, j) => a + v * Q[j]!, 0), 12));
    }
  });

  test('with s = 1/√d it computes what the book’s model computes (attend)', async () => {
    const mine = attendByHand(H, Q, 1 / Math.sqrt(3));
    const { alpha, context } = await expectNoLeak(() => {
      const [h, q] = [tf.tensor3d([H]), tf.tensor1d(Q)];
      const out = attend(h, q);
      const res = { alpha: Array.from(out.alpha.dataSync()), context: Array.from(out.context.dataSync()) };
      tf.dispose([h, q, out.alpha, out.context]);
      return res;
    });
    mine.weights.forEach((w, i) => expect(w).toBeCloseTo(alpha[i]!, 6));
    mine.context.forEach((c, j) => expect(c).toBeCloseTo(context[j]!, 5));
  });

  test('the context is the weighted sum of the hidden vectors', () => {
    const r = attendByHand(H, Q, 1);
    for (let j = 0; j < 3; j++) expect(r.context[j]).toBeCloseTo(H.reduce((a, row, i) => a + r.weights[i]! * row[j]!, 0), 12);
  });

  test('s = 0 gives uniform weights; a large s concentrates them on the best-matching vector', () => {
    const flat = attendByHand(H, Q, 0);
    flat.weights.forEach((w) => expect(w).toBeCloseTo(0.2, 12));
    expect(flat.effective).toBeCloseTo(5, 10);
    const sharp = attendByHand(H, Q, 5);
    // h_3 = (2, 1, 0) has the largest dot product with q = (1, 1, 0): 3.
    expect(sharp.weights[2]).toBeGreaterThan(0.99);
    expect(sharp.effective).toBeLessThan(1.1);
    // Sharpening is monotone: the top weight grows with s.
    const tops = [0, 0.5, 1, 2, 4].map((s) => attendByHand(H, Q, s).weights[2]!);
    for (let i = 1; i < tops.length; i++) expect(tops[i]).toBeGreaterThan(tops[i - 1]!);
  });

  test('large scores do not overflow (the exponentials are shifted by the maximum)', () => {
    const r = attendByHand([[9, 9, 9], [-9, -9, -9]], [9, 9, 9], 5);
    expect(r.weights.every(Number.isFinite)).toBe(true);
    expect(r.weights[0]).toBe(1);
  });

  test('refuses mismatched sizes and non-finite numbers with a sentence', () => {
    expect(() => attendByHand([[1, 2]], [1, 2, 3], 1)).toThrow(/h_1 has 2 components, the query has 3/);
    expect(() => attendByHand([[1, NaN, 0]], [1, 2, 3], 1)).toThrow(/finite/);
  });

  test('the link state: defaults, a self-attention query and bad values', () => {
    const d = defaults(byHandSchema);
    expect(vectorsOf(d)).toEqual({ h: H, q: Q });
    const { state, notices } = readState(byHandSchema, 'f', new URLSearchParams('f.query=h2&f.h21=4&f.s=abc'));
    expect(vectorsOf(state).q).toEqual([4, 2, -1]);
    expect(state.s).toBe(d.s);
    expect(notices).toHaveLength(1);
  });
});
