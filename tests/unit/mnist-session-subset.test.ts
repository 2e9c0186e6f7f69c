import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MnistSession } from '../../src/figures/mnist/session.ts';
import { mnistSchema } from '../../src/figures/mnist/state.ts';
import { decodeMnist, type Mnist } from '../../src/data/mnist/load.ts';
import { MNIST_FILES, parseMnistManifest, type MnistFileName } from '../../src/data/mnist/manifest.ts';
import { defaults } from '../../src/state/url-state.ts';
import { ROOT } from '../helpers/mnist-sample.ts';
import { expectNoLeak } from '../helpers/tf.ts';

function mnist(): Mnist {
  const dir = join(ROOT, 'public', 'generated', 'mnist');
  const manifest = parseMnistManifest(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
  const files = Object.fromEntries(MNIST_FILES.map((f) => [f, new Uint8Array(readFileSync(join(dir, f)))])) as Record<MnistFileName, Uint8Array>;
  return decodeMnist(manifest, files);
}

describe('the MNIST figure on fewer images', () => {
  it('trains on the chosen training prefix and evaluates the chosen test prefix', async () => {
    const data = mnist();
    const state = { ...defaults(mnistSchema), images: 200, tests: 300, epochs: 1 };
    const { before, after, far, report } = await expectNoLeak(async () => {
      const s = new MnistSession(state, data);
      try {
        const before = await s.view(0);
        const report = await s.trainEpoch();
        const after = await s.view(0);
        const far = await s.view(1500); // outside the evaluated prefix
        return { before, after, far, report };
      } finally {
        s.dispose();
      }
    });
    expect(report?.step).toBe(Math.ceil(200 / state.batch));
    expect(before.confusion.reduce((a, b) => a + b, 0)).toBe(300);
    expect(after.confusion.reduce((a, b) => a + b, 0)).toBe(300);
    expect(after.testLoss).toBeLessThan(before.testLoss);
    expect(far.digit.label).toBe(data.test.labels[1500]);
    expect(far.digit.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
  }, 120_000);
});
