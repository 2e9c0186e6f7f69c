import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoLeak } from '../helpers/tf.ts';
import { tfCpu } from '../../src/engine/tf-node.ts';
import { LimeSession, FEATURES, STABILITY_RUNS } from '../../src/figures/lime/session.ts';
import { defaults } from '../../src/state/url-state.ts';
import { limeSchema, limeSelectionOf, type LimeState } from '../../src/figures/lime/state.ts';

/**
 * The LIME figure's session on its default data (seed 4, no redundant columns), the
 * network trained for the default 20 epochs: LIME explains the network's own
 * probability, finds the two informative columns on confident rows, and the
 * figure's rebuilt perturbations are exactly what LIME fitted.
 */
describe('LIME figure session', () => {
  let session: LimeSession;
  const state: LimeState = defaults(limeSchema);

  beforeAll(async () => {
    await tfCpu();
    session = new LimeSession(state);
    while (session.epoch < session.epochs) await session.trainEpoch();
  }, 60_000);

  afterAll(() => session?.dispose());

  it('the network learns the data and LIME puts both informative columns in the top 3 on confident, correct rows', async () => {
    const first = await session.view(limeSelectionOf(state));
    expect(first.testAccuracy).toBeGreaterThan(0.9); // 0.96 observed
    const confident = Array.from(first.testP1, (p, i) => i).filter((i) => {
      const p = first.testP1[i]!;
      return Math.max(p, 1 - p) >= 0.9 && (p > 0.5 ? 1 : 0) === first.testLabels[i];
    });
    expect(confident.length).toBeGreaterThan(50);
    for (const row of confident.slice(0, 5)) {
      const v = await expectNoLeak(() => session.view({ ...limeSelectionOf(state), row }));
      const top3 = Array.from(v.fit.weights, (_, j) => j).sort((i, j) => Math.abs(v.fit.weights[j]!) - Math.abs(v.fit.weights[i]!)).slice(0, 3);
      expect(v.informative.every((j) => top3.includes(j)), `row ${row}: top 3 ${top3}, informative ${v.informative}`).toBe(true);
      // f is the network: the surrogate's target at the instance is the network's own probability.
      expect(v.fit.prediction).toBeCloseTo(v.probs[v.target]!, 5);
      expect(v.stability.seeds).toHaveLength(STABILITY_RUNS);
      expect(v.stability.inTopK.every((f) => f >= 0 && f <= 1)).toBe(true);
      console.log(`row ${row}: one explanation ${v.ms.toFixed(1)} ms (n = ${v.numSamples}), R² ${v.fit.score.toFixed(3)}, both informative in top K in ${v.stability.bothInformativeInTop}/10 seeds`);
    }
  }, 60_000);

  it('the rebuilt interpretable samples and kernel weights reproduce LIME\'s coefficients', async () => {
    const sel = limeSelectionOf(state);
    const v = await session.view(sel);
    // Refit all d features on the figure's own reconstruction through the explain() samples.
    const { r, z, fz } = await session.explain(v.row, v.target, sel, sel.limeSeed, true);
    expect(Array.from(r.weights)).toEqual(Array.from(v.fit.weights));
    expect(z.length).toBe(sel.numSamples * FEATURES);
    expect(Array.from(z.subarray(0, FEATURES))).toEqual(Array.from(Float32Array.from(v.x)));
    expect(v.samples.pi[0]).toBe(1); // x itself: distance 0
    expect(Math.abs(fz[0]! - v.fit.prediction)).toBeLessThan(1e-6);
    // A refit with K = 20 selects every feature and must give LIME's own weights back.
    const all = await session.view({ ...sel, k: FEATURES });
    expect(all.selected.features).toHaveLength(FEATURES);
    all.selected.weights.forEach((w, j) => expect(w).toBeCloseTo(all.fit.weights[j]!, 9));
    expect(all.selected.score).toBeCloseTo(all.fit.score, 9);
  }, 60_000);

  it('the LIME seed changes the samples; the same seed gives the same coefficients; few samples are less stable', async () => {
    const sel = limeSelectionOf(state);
    const a = await session.view(sel);
    const b = await session.view({ ...sel, limeSeed: 7 });
    const again = await session.view(sel);
    expect(Array.from(b.samples.za)).not.toEqual(Array.from(a.samples.za));
    expect(Array.from(again.fit.weights)).toEqual(Array.from(a.fit.weights));
    const small = await session.view({ ...sel, numSamples: 50 });
    const spread = (s: Float64Array) => s.reduce((t, v) => t + v, 0);
    expect(spread(small.stability.std)).toBeGreaterThan(2 * spread(a.stability.std));
  }, 60_000);

  it('leaks no tensors: a session built, trained, explained and disposed leaves nothing behind', async () => {
    await expectNoLeak(async () => {
      const s = new LimeSession({ ...state, epochs: 2 });
      await s.trainEpoch();
      await expectNoLeak(() => s.view(limeSelectionOf(state)));
      s.dispose();
    });
  }, 60_000);
});
