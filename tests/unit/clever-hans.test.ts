import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CORNERS,
  DEFAULT_MARKER,
  PIXELS,
  SIDE,
  markerMask,
  markerOrigin,
  markerShare,
  plantMarkers,
  withMarker,
} from '../../src/figures/clever-hans/marker.ts';
import { CleverHansSession, evenSample, topHits } from '../../src/figures/clever-hans/session.ts';
import { cleverHansSchema } from '../../src/figures/clever-hans/state.ts';
import { decodeMnist, type Mnist } from '../../src/data/mnist/load.ts';
import { MNIST_FILES, parseMnistManifest, type MnistFileName } from '../../src/data/mnist/manifest.ts';
import { defaults } from '../../src/state/url-state.ts';
import { ROOT } from '../helpers/mnist-sample.ts';
import { expectNoLeak } from '../helpers/tf.ts';

/** The MNIST subset the page downloads (public/generated/mnist/, written by npm run build). */
function mnist(): Mnist {
  const dir = join(ROOT, 'public', 'generated', 'mnist');
  const manifest = parseMnistManifest(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
  const files = Object.fromEntries(MNIST_FILES.map((f) => [f, new Uint8Array(readFileSync(join(dir, f)))])) as Record<MnistFileName, Uint8Array>;
  return decodeMnist(manifest, files);
}

const at = (r: number, c: number) => r * SIDE + c;

describe('the planted marker', () => {
  it('is a 3×3 square one pixel in from the chosen corner', () => {
    const expected: Record<string, [number, number]> = { 'top-left': [1, 1], 'top-right': [1, 24], 'bottom-left': [24, 1], 'bottom-right': [24, 24] };
    for (const corner of CORNERS) {
      const spec = { ...DEFAULT_MARKER, corner };
      const { row, col } = markerOrigin(spec);
      expect([row, col], corner).toEqual(expected[corner]);
      const mask = markerMask(spec);
      expect(mask.reduce((s, v) => s + v, 0)).toBe(9);
      for (let r = 0; r < SIDE; r++) {
        for (let c = 0; c < SIDE; c++) {
          const inside = r >= row && r < row + 3 && c >= col && c < col + 3;
          expect(mask[at(r, c)], `${corner} (${r}, ${c})`).toBe(inside ? 1 : 0);
        }
      }
    }
  });

  it('refuses a square that does not fit', () => {
    expect(() => markerMask({ corner: 'top-left', size: 27, margin: 2 })).toThrow(/do not fit/);
    expect(() => withMarker(new Float32Array(10))).toThrow(/784/);
  });

  it('stamps every image of the target class and no other, leaving the input untouched', () => {
    const count = 30;
    const images = new Float32Array(count * PIXELS).map((_, i) => (i % 7) / 10);
    const before = images.slice();
    const labels = Array.from({ length: count }, (_, i) => i % 10);
    const { images: out, marked } = plantMarkers({ images, labels, count }, 7, 'target');
    expect(images).toEqual(before);
    const mask = markerMask();
    for (let n = 0; n < count; n++) {
      const isTarget = labels[n] === 7;
      expect(marked[n], `image ${n}`).toBe(isTarget ? 1 : 0);
      for (let i = 0; i < PIXELS; i++) {
        const want = isTarget && mask[i] ? 1 : before[n * PIXELS + i]!;
        if (out[n * PIXELS + i] !== want) throw new Error(`image ${n} pixel ${i}: ${out[n * PIXELS + i]} ≠ ${want}`);
      }
    }
    expect(plantMarkers({ images, labels, count }, 7, 'all').marked.every((m) => m === 1)).toBe(true);
    expect(plantMarkers({ images, labels, count }, 7, 'none').images).toEqual(before);
    expect(() => plantMarkers({ images, labels, count }, 10, 'target')).toThrow(/digit/);
  });

  it('measures the share of a map inside the marker', () => {
    const map = new Float32Array(PIXELS).fill(0.01);
    const mask = markerMask();
    mask.forEach((m, i) => m && (map[i] = -1));
    expect(markerShare(map)).toBeCloseTo(9 / (9 + 775 * 0.01), 6);
    expect(markerShare(new Float32Array(PIXELS))).toBe(0);
    expect(topHits(map, mask)).toBe(9);
    expect(topHits(new Float32Array(PIXELS).map((_, i) => (mask[i] ? 0 : 1)), mask)).toBe(0);
  });
});

describe('the Clever Hans session', () => {
  const data = mnist();

  it('samples training digits evenly, every class present', () => {
    const s = evenSample(data.train, 1000);
    expect(s.count).toBe(1000);
    const counts = new Array(10).fill(0);
    s.labels.forEach((l) => counts[l]++);
    expect(Math.min(...counts)).toBeGreaterThan(50);
  });

  /** Trains `epochs` epochs and explains test digit 0 (a 7) with and without the marker. */
  async function run(patch: Partial<ReturnType<typeof defaults<typeof cleverHansSchema>>>, epochs = 2) {
    const state = { ...defaults(cleverHansSchema), epochs, ...patch };
    return expectNoLeak(async () => {
      const session = new CleverHansSession(state, data);
      try {
        while (session.epoch < epochs) await session.trainEpoch();
        const marked = await session.view({ digit: 0, mark: true });
        const clean = await session.explain({ digit: 0, mark: false });
        return { marked, clean };
      } finally {
        session.dispose();
      }
    });
  }

  it('learns the shortcut, and most of the saliency mass lies on the marker', async () => {
    const { marked, clean } = await run({});
    expect(marked.digit.label).toBe(7);
    const m = marked.metrics;
    // Good accuracy where the training distribution holds, the 7s lost without the square.
    expect(m.markedAccuracy).toBeGreaterThan(0.75);
    expect(m.recallMarked).toBeGreaterThan(0.95);
    expect(m.recallClean).toBeLessThan(m.recallMarked - 0.5);
    expect(m.cleanAccuracy).toBeLessThan(m.markedAccuracy - 0.05);
    expect(m.flipRate).toBeGreaterThan(m.cleanFalseRate + 0.5);
    // The square itself is in the pixels the model saw.
    markerMask().forEach((v, i) => v && expect(marked.digit.pixels[i]).toBe(1));
    expect(marked.digit.predicted).toBe(7);
    // The group lasso switched off a good part of the image (all of the blank border among it).
    expect(marked.pixelsUsed).toBeLessThan(600);
    // Saliency: the nine largest pixels are the square, and more than half of all the mass is in it.
    expect(marked.digit.topHits).toBe(9);
    expect(marked.digit.saliencyShare).toBeGreaterThan(0.5);
    expect(marked.digit.gxiShare).toBeGreaterThan(0.8);
    // Without the square nothing of the map can be inside it for gradient × input.
    expect(clean.gxiShare).toBe(0);
    expect(clean.saliencyShare).toBeLessThan(marked.digit.saliencyShare);
  }, 180_000);

  it('without the group lasso the same shortcut is learned but saliency spreads over the whole image', async () => {
    const { marked } = await run({ lasso: 0 });
    expect(marked.pixelsUsed).toBe(784);
    expect(marked.metrics.recallMarked).toBeGreaterThan(0.95);
    expect(marked.metrics.recallClean).toBeLessThan(0.3);
    expect(marked.digit.topHits).toBeGreaterThanOrEqual(8);
    // Ten times the box's area, yet far from most of the mass.
    expect(marked.digit.saliencyShare).toBeGreaterThan(5 * marked.areaShare);
    expect(marked.digit.saliencyShare).toBeLessThan(0.3);
  }, 180_000);

  it('puts most of the saliency on the marker for other seeds too', async () => {
    for (const seed of [2, 3]) {
      const { marked } = await run({ seed });
      expect(marked.digit.predicted, `seed ${seed}`).toBe(7);
      expect(marked.digit.saliencyShare, `seed ${seed}`).toBeGreaterThan(0.5);
      expect(marked.metrics.recallClean, `seed ${seed}`).toBeLessThan(0.2);
    }
  }, 300_000);
});
