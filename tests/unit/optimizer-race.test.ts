import { describe, expect, it } from 'vitest';
import { RaceSession, RACERS } from '../../src/figures/optimizer-race/session.ts';
import { raceSchema } from '../../src/figures/optimizer-race/state.ts';
import { defaults } from '../../src/state/url-state.ts';
import { prepare, varianceRatio } from '../../src/figures/preprocessing/messy.ts';
import { crossEntropyGradZ, mseGradZ } from '../../src/math/loss-curves.ts';
import { expectNoLeak } from '../helpers/tf.ts';
import { DivergedError } from '../../src/train/trainer.ts';

describe('the optimizer race session', () => {
  it('starts three identical networks, and after a few epochs every loss has fallen, without leaking tensors', async () => {
    const { weights, view } = await expectNoLeak(async () => {
      const session = new RaceSession({ ...defaults(raceSchema), epochs: 8 });
      try {
        const weights = await session.initialWeights();
        for (let e = 0; e < 8; e++) await session.trainEpoch();
        return { weights, view: await session.view() };
      } finally {
        session.dispose();
      }
    });
    expect(weights).toHaveLength(3);
    const flat = weights.map((layers) => layers.flatMap((w) => Array.from(w)));
    expect(flat[0]!.length).toBe(65); // (6 + 1)·8 + (8 + 1)·1
    expect(flat[1]).toEqual(flat[0]);
    expect(flat[2]).toEqual(flat[0]);
    expect(new Set(flat[0]).size).toBeGreaterThan(10);

    expect(view.epoch).toBe(8);
    expect(view.racers.map((r) => r.optimizer)).toEqual([...RACERS]);
    for (const r of view.racers) {
      expect(r.divergedAt).toBeNull();
      expect(r.loss).toHaveLength(8);
      expect(r.loss.every(Number.isFinite)).toBe(true);
      expect(r.loss[7]!, `${r.optimizer} loss fell`).toBeLessThan(view.start.loss);
      expect(r.loss[7]!).toBeLessThan(r.loss[0]!);
    }
    // Same start, different optimizers: the three curves differ.
    expect(new Set(view.racers.map((r) => r.loss[7])).size).toBe(3);
  });

  it('pausing part-way through an epoch and resuming gives the same numbers', async () => {
    const run = async (pauseAfter: number | null) => {
      const s = new RaceSession({ ...defaults(raceSchema), epochs: 2, seed: 5 });
      let batches = 0;
      if (pauseAfter !== null) {
        const r = await s.trainEpoch({ shouldStop: () => batches >= pauseAfter, onBatch: () => batches++ });
        expect(r).toBeNull();
      }
      while (s.epoch < 2) await s.trainEpoch();
      const v = await s.view();
      s.dispose();
      return v.racers.map((r) => r.loss);
    };
    expect(await run(40)).toEqual(await run(null));
  });

  it('marks a diverging optimizer and lets the other two race on', async () => {
    const view = await expectNoLeak(async () => {
      const s = new RaceSession({ ...defaults(raceSchema), epochs: 2 });
      // Cross-entropy with a clipped sigmoid stays finite, so make SGD's loop report NaN as a bad learning rate would.
      s.racers[0]!.trainer.runEpoch = async () => {
        throw new DivergedError(1, 10);
      };
      try {
        for (let e = 0; e < 2; e++) await s.trainEpoch();
        return await s.view();
      } finally {
        s.dispose();
      }
    });
    const [sgd, momentum, adam] = view.racers;
    expect(sgd!.divergedAt).toBe(1);
    expect(sgd!.loss).toHaveLength(2);
    expect(sgd!.loss.every(Number.isNaN)).toBe(true);
    for (const r of [momentum!, adam!]) {
      expect(r.divergedAt).toBeNull();
      expect(r.loss).toHaveLength(2);
      expect(r.loss.every(Number.isFinite)).toBe(true);
    }
  });
});

describe('the preprocessing pipeline', () => {
  it('cleans every bad value and standardises with the training statistics only', () => {
    const p = prepare(1);
    expect(p.train.nSamples).toBe(800);
    expect(p.validation.nSamples).toBe(200);
    expect(Array.from(p.raw.missing).reduce((a, b) => a + b)).toBeGreaterThan(0);
    expect(Array.from(p.raw.outOfRange).reduce((a, b) => a + b)).toBeGreaterThan(0);
    expect(p.train.x.every(Number.isFinite)).toBe(true);
    expect(p.validation.x.every(Number.isFinite)).toBe(true);
    for (let j = 0; j < 6; j++) {
      expect(Math.abs(p.scaled.mean[j]!)).toBeLessThan(1e-6);
      expect(p.scaled.std[j]!).toBeCloseTo(1, 5);
    }
    // The validation rows, scaled with the training μ and σ, are close to but not exactly standard.
    expect(Array.from(p.validationScaled.mean).some((m) => Math.abs(m) > 1e-3)).toBe(true);
    expect(varianceRatio(p.cleaned)).toBeGreaterThan(1e6);
    expect(varianceRatio(p.scaled)).toBeCloseTo(1, 5);
  });

  it('is the same table for the same seed', () => {
    expect(Array.from(prepare(3).train.x)).toEqual(Array.from(prepare(3).train.x));
  });
});

describe('the loss curves', () => {
  it('cross-entropy learns fifty times faster than MSE from a confident mistake', () => {
    expect(crossEntropyGradZ(0.01, 1)).toBeCloseTo(-0.99, 10);
    expect(mseGradZ(0.01, 1)).toBeCloseTo(-2 * 0.99 * 0.01 * 0.99, 10);
    expect(crossEntropyGradZ(0.01, 1) / mseGradZ(0.01, 1)).toBeCloseTo(50.5, 1);
  });
});
