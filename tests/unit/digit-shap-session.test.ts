import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CheckpointSource } from '../../src/figures/attribution/session.ts';
import { DigitShapSession } from '../../src/figures/digit-shap/session.ts';
import { digitShapSchema, digitShapSelection } from '../../src/figures/digit-shap/state.ts';
import { decodeCheckpoint } from '../../src/train/snapshot.ts';
import { checkpointFileName } from '../../src/train/checkpoints.ts';
import { decodeMnist, type Mnist } from '../../src/data/mnist/load.ts';
import { MNIST_FILES, parseMnistManifest, type MnistFileName } from '../../src/data/mnist/manifest.ts';
import { defaults } from '../../src/state/url-state.ts';
import { ROOT } from '../helpers/mnist-sample.ts';
import { expectNoLeak } from '../helpers/tf.ts';

const fromDisk: CheckpointSource = async (model, epoch) => {
  const file = checkpointFileName(model, 1, epoch);
  return decodeCheckpoint(new Uint8Array(readFileSync(join(ROOT, 'public', 'checkpoints', file))), file);
};

function mnist(): Mnist {
  const dir = join(ROOT, 'public', 'generated', 'mnist');
  const manifest = parseMnistManifest(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
  const files = Object.fromEntries(MNIST_FILES.map((f) => [f, new Uint8Array(readFileSync(join(dir, f)))])) as Record<MnistFileName, Uint8Array>;
  return decodeMnist(manifest, files);
}

describe('the digit SHAP session (epoch-10 checkpoint)', () => {
  const data = mnist();
  const state = defaults(digitShapSchema);

  for (const segmentation of ['grid', 'slic'] as const) {
    for (const background of ['black', 'mean'] as const) {
      it(`${segmentation} superpixels, ${background} background: efficiency holds, the map is finite and varies`, async () => {
        const s = await DigitShapSession.create(state, data, fromDisk);
        const v = await expectNoLeak(() => s.view({ ...digitShapSelection(state), segmentation, background }));
        s.dispose();
        expect(v.predicted).toBe(v.digit.label); // test digit 0 is a 7, classified correctly
        expect(v.k).toBeGreaterThanOrEqual(9);
        expect(v.phi).toHaveLength(v.k);
        const sum = v.phi.reduce((a, b) => a + b, 0);
        expect(Math.abs(sum - (v.fx - v.baseValue))).toBeLessThan(1e-5);
        expect(Array.from(v.map).every(Number.isFinite)).toBe(true);
        expect(new Set(v.map).size).toBeGreaterThan(1);
        // dummy axiom: on black, a superpixel without ink gets exactly 0
        if (background === 'black') {
          const ink = new Array<number>(v.k).fill(0);
          v.segments.forEach((seg, p) => (ink[seg]! += v.digit.pixels[p]!));
          const blank = ink.map((s, k) => (s === 0 ? k : -1)).filter((k) => k >= 0);
          expect(blank.length).toBeGreaterThan(0);
          for (const k of blank) expect(v.phi[k]).toBe(0);
        }
        // pixels of a segment share its φ
        v.segments.forEach((seg, p) => expect(v.map[p]).toBeCloseTo(v.phi[seg]!, 6));
        console.log(`${segmentation}/${background}: K = ${v.k}, ${v.coalitions} coalitions in ${v.ms.toFixed(0)} ms, f = ${v.fx.toFixed(3)}, base ${v.baseValue.toFixed(3)}`);
      }, 60_000);
    }
  }
});
