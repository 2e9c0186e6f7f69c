import { describe, expect, it } from 'vitest';
import { LimeSequenceSession, attentionStateOf, topByMagnitude, type LimeSequenceView } from '../../src/figures/lime-sequence/session.ts';
import { limeSequenceSchema, limeSequenceSelectionOf } from '../../src/figures/lime-sequence/state.ts';
import { attentionSchema } from '../../src/figures/attention/state.ts';
import { MARKER_TOKEN } from '../../src/data/sequences.ts';
import { defaults } from '../../src/state/url-state.ts';
import { expectNoLeak } from '../helpers/tf.ts';

const sel = (index: number, over: Partial<ReturnType<typeof limeSequenceSelectionOf>> = {}) => ({
  ...limeSequenceSelectionOf(defaults(limeSequenceSchema)),
  index,
  ...over,
});

describe('the sequence LIME figure session', () => {
  it('trains the attention model and LIME puts its largest weight on the answer step', async () => {
    const { views, untrained, again, otherSeed } = await expectNoLeak(async () => {
      const s = new LimeSequenceSession(defaults(limeSequenceSchema));
      try {
        const untrained = await s.view(sel(0, { numSamples: 200 }));
        for (let e = 0; e < s.epochs; e++) await s.trainEpoch();
        const views: LimeSequenceView[] = [];
        for (let i = 0; i < 5; i++) views.push(await s.view(sel(i)));
        const again = await s.view(sel(0));
        // Asking again for what is shown returns the cached view, without re-running LIME.
        expect(await s.view(sel(0))).toBe(again);
        const otherSeed = await s.view(sel(0, { limeSeed: 7 }));
        return { views, untrained, again, otherSeed };
      } finally {
        s.dispose();
      }
    });
    const T = attentionSchema.steps.default;
    expect(untrained.epoch).toBe(0);
    expect(untrained.weights).toHaveLength(T);
    for (const v of views) {
      expect(v.epoch).toBe(limeSequenceSchema.epochs.default);
      expect(v.valAccuracy).toBeGreaterThan(0.9);
      // Ground truth of the task: the answer is the token right after the marker.
      expect(v.tokens[v.markerStep]).toBe(MARKER_TOKEN);
      expect(v.answerStep).toBe(v.markerStep + 1);
      expect(v.label).toBe(v.tokens[v.answerStep]);
      // LIME explains the model's own probability for its predicted class.
      expect(v.prediction).toBeCloseTo(v.probabilities[v.predicted]!, 5);
      expect(v.topStep).toBe(topByMagnitude(v.weights));
      expect(Array.from(v.weights).every(Number.isFinite)).toBe(true);
      expect(v.score).toBeGreaterThan(0.3);
      expect(v.score).toBeLessThanOrEqual(1);
      // The two steps the task depends on carry the positive weight; masking either one alone costs probability.
      expect([v.answerStep, v.markerStep]).toContain(v.topStep);
      expect(v.weights[v.answerStep]).toBeGreaterThan(0);
      expect(v.maskedAnswer).toBeLessThan(v.prediction - 0.3);
      expect(Array.from(v.alpha).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    }
    // On these five test sequences the answer step itself ranks first at least four times.
    expect(views.filter((v) => v.topStep === v.answerStep).length).toBeGreaterThanOrEqual(4);
    // Same LIME seed, same numbers; another seed: other numbers, same step at the top.
    expect(Array.from(again.weights)).toEqual(Array.from(views[0]!.weights));
    expect(Array.from(otherSeed.weights)).not.toEqual(Array.from(views[0]!.weights));
    expect(otherSeed.topStep).toBe(views[0]!.topStep);
  }, 240_000);

  it('builds the attention figure\'s model from its own seed and epoch budget, and refuses a bad index', async () => {
    const state = { ...defaults(limeSequenceSchema), seed: 4, epochs: 3 };
    const a = attentionStateOf(state);
    expect(a).toMatchObject({ seed: 4, epochs: 3, epoch: 0, steps: attentionSchema.steps.default, units: attentionSchema.units.default });
    await expectNoLeak(async () => {
      const s = new LimeSequenceSession(state);
      try {
        expect(s.epochs).toBe(3);
        await expect(s.view(sel(limeSequenceSchema.seq.max + 1))).rejects.toThrow(/validation index/);
      } finally {
        s.dispose();
      }
    });
    expect(topByMagnitude([0.1, -0.5, 0.3])).toBe(1);
  });
});
