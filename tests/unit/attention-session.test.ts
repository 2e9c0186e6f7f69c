import { describe, expect, it } from 'vitest';
import { AttentionSession, attentionData, HEATMAP_ROWS } from '../../src/figures/attention/session.ts';
import { attentionSchema, VAL_ROWS } from '../../src/figures/attention/state.ts';
import { defaults } from '../../src/state/url-state.ts';
import { expectNoLeak } from '../helpers/tf.ts';

const sum = (v: ArrayLike<number>) => Array.from(v).reduce((a, b) => a + b, 0);

describe('the attention figure session', () => {
  it('learns the task and moves attention onto the answer step, well above chance', async () => {
    const { before, after } = await expectNoLeak(async () => {
      const s = new AttentionSession(defaults(attentionSchema));
      try {
        const before = await s.view(3);
        const reports = [];
        for (let e = 0; e < 6; e++) reports.push((await s.trainEpoch())!);
        const after = await s.view(3);
        // The epoch reports carry what the curves draw; the last one matches the view.
        expect(reports.map((r) => r.epoch)).toEqual([1, 2, 3, 4, 5, 6]);
        expect(reports.at(-1)!.attentionMass).toBe(after.mass);
        expect(reports.at(-1)!.valAccuracy).toBe(after.valAccuracy);
        expect(reports.every((r) => r.chance === after.chance)).toBe(true);
        return { before, after };
      } finally {
        s.dispose();
      }
    });
    const T = attentionSchema.steps.default;
    expect(before.chance).toBeCloseTo(1 / T, 12);
    // Untrained: attention is close to uniform, so its mass on the answer is close to chance.
    expect(Math.abs(before.mass - before.chance)).toBeLessThan(0.03);
    expect(after.valAccuracy).toBeGreaterThan(0.9);
    expect(after.mass).toBeGreaterThan(1.5 * after.chance);
    // The LSTM carries the digit forward, so attention sits on the answer step or after it.
    expect(after.massFromAnswer).toBeGreaterThan(0.9);
    expect(after.massFromAnswer).toBeGreaterThan(after.chanceFromAnswer);
    // Shapes, and every α row is a distribution.
    expect(after.alphaRows).toHaveLength(HEATMAP_ROWS * T);
    expect(after.tokenRows).toHaveLength(HEATMAP_ROWS * T);
    for (let i = 0; i < HEATMAP_ROWS; i++) expect(sum(after.alphaRows.slice(i * T, (i + 1) * T))).toBeCloseTo(1, 5);
    expect(sum(after.example.alpha)).toBeCloseTo(1, 5);
    expect(after.example.index).toBe(3);
    expect(after.example.saliency.every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
    expect(new Set(after.example.saliency).size).toBeGreaterThan(1);
    for (const x of [after.agreement.spearman, after.agreement.top1, after.saliencyMass]) expect(Number.isFinite(x)).toBe(true);
    expect(after.agreement.spearman).toBeGreaterThanOrEqual(-1);
    expect(after.agreement.spearman).toBeLessThanOrEqual(1);
  }, 300_000);

  it('replays to the same numbers from the same state (what a shared link relies on)', async () => {
    const run = async () => {
      const s = new AttentionSession({ ...defaults(attentionSchema), rows: 100, seed: 9 });
      await s.trainEpoch();
      const v = await s.view(5);
      s.dispose();
      return v;
    };
    const [a, b] = [await run(), await run()];
    expect(a.valLoss).toBe(b.valLoss);
    expect(Array.from(a.alphaRows)).toEqual(Array.from(b.alphaRows));
    expect(Array.from(a.example.saliency)).toEqual(Array.from(b.example.saliency));
  }, 120_000);

  it('keeps the validation sequences fixed when the number of training sequences changes', () => {
    const a = attentionData({ ...defaults(attentionSchema), rows: 100 });
    const b = attentionData({ ...defaults(attentionSchema), rows: 300 });
    expect(a.val.n).toBe(VAL_ROWS);
    expect(Array.from(a.val.y)).toEqual(Array.from(b.val.y));
    expect(Array.from(a.val.important)).toEqual(Array.from(b.val.important));
    expect(b.train.n).toBe(300);
    expect(b.train.x).toHaveLength(300 * b.train.steps * b.train.features);
    // The ground truth is the step after the marker in every sequence.
    const { x, important, steps, features } = b.train;
    for (let i = 0; i < b.train.n; i++) expect(x[(i * steps + important[i]! - 1) * features + 10]).toBe(1);
  });

  it('refuses an example outside the validation set', async () => {
    const s = new AttentionSession({ ...defaults(attentionSchema), rows: 100 });
    await expect(s.view(VAL_ROWS)).rejects.toThrow(/validation index/);
    s.dispose();
  });
});
