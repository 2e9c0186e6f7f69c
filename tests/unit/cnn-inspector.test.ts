import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InspectorSession, type InspectorCheckpoints } from '../../src/figures/cnn-inspector/session.ts';
import { DRAW_SIDE, maskToPixels, packMask, unpackMask } from '../../src/figures/cnn-inspector/drawing.ts';
import { inspectorSchema } from '../../src/figures/cnn-inspector/state.ts';
import { decodeCheckpoint } from '../../src/train/snapshot.ts';
import { checkpointFileName } from '../../src/train/checkpoints.ts';
import { decodeMnist, type Mnist } from '../../src/data/mnist/load.ts';
import { MNIST_FILES, parseMnistManifest, type MnistFileName } from '../../src/data/mnist/manifest.ts';
import { defaults, parseField } from '../../src/state/url-state.ts';
import { ROOT } from '../helpers/mnist-sample.ts';
import { expectNoLeak } from '../helpers/tf.ts';

const fromDisk: InspectorCheckpoints = async (epoch) => {
  const file = checkpointFileName('fast-cnn', 1, epoch);
  return decodeCheckpoint(new Uint8Array(readFileSync(join(ROOT, 'public', 'checkpoints', file))), file);
};

function mnist(): Mnist {
  const dir = join(ROOT, 'public', 'generated', 'mnist');
  const manifest = parseMnistManifest(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
  const files = Object.fromEntries(MNIST_FILES.map((f) => [f, new Uint8Array(readFileSync(join(dir, f)))])) as Record<MnistFileName, Uint8Array>;
  return decodeMnist(manifest, files);
}

/** A vertical stroke down the middle of the pad, as a reader would draw a 1. */
function verticalStroke(): Uint8Array {
  const mask = new Uint8Array(DRAW_SIDE * DRAW_SIDE);
  for (let r = 2; r < 12; r++) mask[r * DRAW_SIDE + 7] = 1;
  return mask;
}

describe('the drawing pad', () => {
  it('packs a drawing into four link-safe whole numbers and back', () => {
    const mask = Uint8Array.from({ length: DRAW_SIDE * DRAW_SIDE }, (_, i) => ((i * 7919) % 5 === 0 ? 1 : 0));
    mask[195] = 1;
    const words = packMask(mask);
    expect(words).toHaveLength(4);
    for (const [n, w] of words.entries()) {
      const field = inspectorSchema[`d${n}` as 'd0'];
      expect(parseField(field, String(w))).toEqual({ ok: true, value: w });
    }
    expect(Array.from(unpackMask(words))).toEqual(Array.from(mask));
  });

  it('turns cells into a 28×28 image with solid strokes and soft rims', () => {
    const pixels = maskToPixels(verticalStroke());
    expect(pixels).toHaveLength(784);
    expect(pixels[10 * 28 + 14]).toBe(1);
    expect(pixels[10 * 28 + 16]).toBeGreaterThan(0);
    expect(pixels[10 * 28 + 16]).toBeLessThan(1);
    expect(pixels[10 * 28 + 20]).toBe(0);
  });
});

describe('the CNN inspector session', () => {
  const data = mnist();

  it('shows every conv and pooling layer and the filters of the epoch-10 fast CNN', async () => {
    const { a, drawn, untrained } = await expectNoLeak(async () => {
      const s = await InspectorSession.create(defaults(inspectorSchema), data, fromDisk);
      try {
        const a = await s.view({ digit: 3, drawing: null });
        const drawn = await s.view({ digit: 0, drawing: maskToPixels(verticalStroke()) });
        await s.loadCheckpoint(0);
        const untrained = await s.view({ digit: 3, drawing: null });
        return { a, drawn, untrained };
      } finally {
        s.dispose();
      }
    });
    expect(a.epoch).toBe(10);
    expect(a.maps.map((m) => [m.layer, m.kind, m.h, m.w, m.c])).toEqual([
      ['conv1', 'conv', 28, 28, 8],
      ['pool1', 'pool', 14, 14, 8],
      ['conv2', 'conv', 14, 14, 16],
      ['pool2', 'pool', 7, 7, 16],
      ['last_conv', 'conv', 7, 7, 32],
    ]);
    for (const m of a.maps) {
      expect(m.values).toHaveLength(m.h * m.w * m.c);
      expect(m.values.every(Number.isFinite)).toBe(true);
      expect(Math.min(...m.values)).toBeGreaterThanOrEqual(0); // after ReLU
      expect(Math.max(...m.values)).toBeGreaterThan(0);
    }
    expect(a.filters.map((f) => [f.layer, f.k, f.cin, f.cout])).toEqual([
      ['conv1', 3, 1, 8],
      ['conv2', 3, 8, 16],
      ['last_conv', 3, 16, 32],
    ]);
    const f1 = a.filters[0]!;
    expect(f1.norms[2]).toBeCloseTo(Math.hypot(...Array.from({ length: 9 }, (_, u) => f1.kernel[u * 8 + 2]!)), 5);
    // Training changed the filters.
    expect(Array.from(untrained.filters[0]!.kernel)).not.toEqual(Array.from(f1.kernel));
    expect(a.probabilities.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 5);
    expect(a.predicted).toBe(a.input.label);
    expect(drawn.input.label).toBeNull();
    expect(drawn.probabilities.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 5);
    // The epoch-10 model reads a plain vertical stroke as a 1.
    expect(drawn.predicted).toBe(1);
  });
});
