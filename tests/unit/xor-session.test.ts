import { describe, expect, it } from 'vitest';
import { XorSession, GRID } from '../../src/figures/xor/session.ts';
import { defaults } from '../../src/state/url-state.ts';
import { xorSchema } from '../../src/figures/xor/state.ts';
import { expectNoLeak } from '../helpers/tf.ts';

describe('the XOR figure session', () => {
  it('trains to a separating boundary and reports finite activation and gradient maps', async () => {
    const view = await expectNoLeak(async () => {
      const session = new XorSession(defaults(xorSchema));
      try {
        for (let e = 0; e < 300; e++) await session.trainEpoch();
        return await session.view(1);
      } finally {
        session.dispose();
      }
    });
    expect(view.loss).toBeLessThan(0.05);
    expect(view.accuracy).toBe(1);
    expect(view.boundary).toHaveLength(GRID * GRID);
    expect(Array.from(view.predictions).map((p) => (p > 0.5 ? 1 : 0))).toEqual([0, 1, 1, 0]);
    expect(view.activations[0]!.shape).toEqual([4, 4]);
    expect(view.gradients.weights.map((w) => w.name.split('/').pop())).toEqual(['kernel', 'bias', 'kernel', 'bias']);
    for (const layer of [...view.activations, ...view.gradients.layers, ...view.gradients.weights]) {
      expect(layer.values.every(Number.isFinite)).toBe(true);
    }
  });

  it('replays to the same numbers from the same state (what a shared link relies on)', async () => {
    const run = async () => {
      const s = new XorSession({ ...defaults(xorSchema), seed: 42 });
      for (let e = 0; e < 25; e++) await s.trainEpoch();
      const v = await s.view(2);
      s.dispose();
      return v;
    };
    const [a, b] = [await run(), await run()];
    expect(a.loss).toBe(b.loss);
    expect(Array.from(a.gradients.layers[0]!.values)).toEqual(Array.from(b.gradients.layers[0]!.values));
  });
});
