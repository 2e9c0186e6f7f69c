import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EvaluationSession, type AvailableCheckpoint, type CheckpointLoader } from '../../src/figures/evaluation/session.ts';
import { EVAL_METHODS, evaluationSchema, selectionOf } from '../../src/figures/evaluation/state.ts';
import { agreementMatrix, meanStd, normaliseAbs, ssim, topOverlap } from '../../src/figures/evaluation/similarity.ts';
import { decodeCheckpoint } from '../../src/train/snapshot.ts';
import { checkpointFileName } from '../../src/train/checkpoints.ts';
import { decodeMnist, type Mnist } from '../../src/data/mnist/load.ts';
import { MNIST_FILES, parseMnistManifest, type MnistFileName } from '../../src/data/mnist/manifest.ts';
import { defaults } from '../../src/state/url-state.ts';
import { mulberry32 } from '../../src/engine/random.ts';
import { ROOT } from '../helpers/mnist-sample.ts';
import { expectNoLeak } from '../helpers/tf.ts';

/** The checkpoints the page fetches, read from public/checkpoints/ with the page's own decoder. */
const fromDisk: CheckpointLoader = async (seed, epoch) => {
  const file = checkpointFileName('fast-cnn', seed, epoch);
  return decodeCheckpoint(new Uint8Array(readFileSync(join(ROOT, 'public', 'checkpoints', file))), file);
};

/** The MNIST subset the page downloads (public/generated/mnist/, written by npm run build). */
function mnist(): Mnist {
  const dir = join(ROOT, 'public', 'generated', 'mnist');
  const manifest = parseMnistManifest(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
  const files = Object.fromEntries(MNIST_FILES.map((f) => [f, new Uint8Array(readFileSync(join(dir, f)))])) as Record<MnistFileName, Uint8Array>;
  return decodeMnist(manifest, files);
}

describe('similarity measures', () => {
  it('SSIM is 1 for identical maps, lower for unrelated ones, and rejects wrong sizes', () => {
    const rng = mulberry32(3);
    const a = Float64Array.from({ length: 784 }, (_, i) => ((i % 28) - 14) ** 2 / 196);
    const b = Float64Array.from({ length: 784 }, () => rng());
    expect(ssim(a, a, 28)).toBeCloseTo(1, 12);
    expect(ssim(a, b, 28)).toBeLessThan(0.3);
    expect(() => ssim(a, b.slice(1), 28)).toThrow(/28×28/);
    expect(Array.from(normaliseAbs([-2, 1, 0]))).toEqual([1, 0.5, 0]);
    expect(meanStd([1, NaN, 3])).toEqual({ mean: 2, std: 1, count: 2 });
  });

  it('top-k overlap and the agreement matrix: ones on the diagonal, symmetric, undefined pairs left out', () => {
    expect(topOverlap([5, 4, 3, 2, 1], [5, 1, 4, 2, 3], 2)).toBe(0.5); // {0, 1} vs {0, 2}
    const m = agreementMatrix(
      [
        { a: [1, 2, 3], b: [3, 2, 1], c: [1, 1, 1] },
        { a: [1, 2, 3], b: [1, 2, 3], c: [1, 2, 3] },
      ],
      ['a', 'b', 'c'] as const,
    );
    expect(Array.from(m)).toEqual([1, 0, 1, 0, 1, 1, 1, 1, 1]);
  });
});

describe('the evaluation figure session', () => {
  const data = mnist();
  const state = defaults(evaluationSchema);
  const available: AvailableCheckpoint[] = [
    { seed: 1, epoch: 1, testAccuracy: 0.833 },
    { seed: 1, epoch: 10, testAccuracy: 0.9535 },
  ];

  it('measures faithfulness, the randomisation check and agreement on the epoch-10 checkpoint', async () => {
    const { v, stale } = await expectNoLeak(async () => {
      const session = await EvaluationSession.create(state, data, fromDisk, available);
      try {
        const sel = { ...selectionOf(state), n: 2, steps: 10 };
        // A request superseded by a newer one stops early and says so.
        const [old, v] = await Promise.all([session.view({ ...sel, request: 1 }), session.view({ ...sel, request: 2, compare: true })]);
        return { v, stale: old };
      } finally {
        session.dispose();
      }
    });
    expect(stale.stale).toBe(true);
    expect(v.stale).toBe(false);
    expect(v.epoch).toBe(10);
    expect(v.digits.map((d) => d.index)).toEqual([0, 1]);
    for (const d of v.digits) expect(d.predicted).toBe(d.label);

    // 1. Deletion: the score falls faster for saliency than for a random ranking; insertion rises faster for IG.
    const curve = (id: string) => v.curves.methods.find((m) => m.id === id)!;
    expect(v.curves.fractions).toHaveLength(11);
    expect(curve('saliency').deletionAuc).toBeLessThan(curve('random').deletionAuc);
    expect(curve('ig').deletionAuc).toBeLessThan(curve('random').deletionAuc);
    expect(curve('ig').insertionAuc).toBeGreaterThan(curve('random').insertionAuc);
    for (const m of v.curves.methods) {
      // Nothing deleted: the model's own confidence in its prediction; everything deleted: a black image.
      expect(m.deletion[0]).toBeCloseTo(curve('random').deletion[0]!, 6);
      expect(m.deletion[10]).toBeCloseTo(m.insertion[0]!, 6);
      expect(m.deletionAuc).toBeCloseTo((m.deletionAucs[0]! + m.deletionAucs[1]!) / 2, 12);
    }

    // 2. Randomisation: the control never changes; saliency and SmoothGrad do; gradient × input keeps its |ranking|.
    const r = (id: string) => v.randomisation.methods.find((m) => m.id === id)!;
    expect(v.randomisation.layers).toEqual(['output', 'last_conv', 'conv2', 'conv1']);
    for (const s of [r('input').spearmanAbs, r('input').ssim, r('input').topOverlap]) for (const x of s) expect(x).toBeCloseTo(1, 9);
    const last = (a: Float64Array) => a[a.length - 1]!;
    expect(last(r('saliency').spearmanAbs)).toBeLessThan(0.97);
    expect(last(r('saliency').ssim)).toBeLessThan(0.7);
    expect(last(r('smoothgrad').spearmanAbs)).toBeLessThan(0.6);
    expect(last(r('gxi').spearmanAbs)).toBeGreaterThan(0.95);
    expect(last(r('gxi').spearman)).toBeLessThan(0.5);

    // 3. Agreement: symmetric, ones on the diagonal, finite; random agrees with nothing.
    const k = EVAL_METHODS.length;
    const A = v.agreement.matrix;
    for (let a = 0; a < k; a++) {
      expect(A[a * k + a]).toBe(1);
      for (let b = 0; b < k; b++) {
        expect(Number.isFinite(A[a * k + b]!)).toBe(true);
        expect(A[a * k + b]).toBe(A[b * k + a]);
      }
    }
    const ri = EVAL_METHODS.indexOf('random');
    for (let a = 0; a < k; a++) if (a !== ri) expect(Math.abs(A[a * k + ri]!)).toBeLessThan(0.2);

    // Across checkpoints: the epoch-1 model's maps, compared with this one's.
    expect(v.stability!.columns).toEqual([{ seed: 1, epoch: 1, testAccuracy: 0.833 }]);
    for (const m of v.stability!.methods) {
      expect(m.rho).toHaveLength(1);
      expect(m.rho[0]!).toBeGreaterThan(-1);
      expect(m.rho[0]!).toBeLessThan(1);
    }
  }, 600_000);

  it('refuses a checkpoint it does not have', async () => {
    const session = await EvaluationSession.create(state, data, fromDisk, available);
    try {
      await expect(session.view({ ...selectionOf(state), ckpt: 3 })).rejects.toThrow(/no checkpoint of seed 1 after 3 epochs/);
    } finally {
      session.dispose();
    }
  }, 60_000);
});
