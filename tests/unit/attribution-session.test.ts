import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AttributionSession, type CheckpointSource } from '../../src/figures/attribution/session.ts';
import { blur, pool } from '../../src/figures/attribution/grid.ts';
import { attributionSchema, checkedCheckpoint, CHECKPOINT_MODEL_ID, MODEL_CHECKPOINTS, selectionOf } from '../../src/figures/attribution/state.ts';
import { decodeCheckpoint } from '../../src/train/snapshot.ts';
import { checkpointFileName } from '../../src/train/checkpoints.ts';
import { decodeMnist, type Mnist } from '../../src/data/mnist/load.ts';
import { MNIST_FILES, parseMnistManifest, type MnistFileName } from '../../src/data/mnist/manifest.ts';
import { defaults } from '../../src/state/url-state.ts';
import { ROOT } from '../helpers/mnist-sample.ts';
import { expectNoLeak } from '../helpers/tf.ts';

/** The checkpoints the page fetches, read from public/checkpoints/ with the page's own decoder. */
const fromDisk: CheckpointSource = async (model, epoch) => {
  const file = checkpointFileName(model, 1, epoch);
  return decodeCheckpoint(new Uint8Array(readFileSync(join(ROOT, 'public', 'checkpoints', file))), file);
};

/** The MNIST subset the page downloads (public/generated/mnist/, written by npm run build). */
function mnist(): Mnist {
  const dir = join(ROOT, 'public', 'generated', 'mnist');
  const manifest = parseMnistManifest(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
  const files = Object.fromEntries(MNIST_FILES.map((f) => [f, new Uint8Array(readFileSync(join(dir, f)))])) as Record<MnistFileName, Uint8Array>;
  return decodeMnist(manifest, files);
}

function expectFiniteAndVarying(values: ArrayLike<number>, what: string): void {
  const v = Array.from(values);
  expect(v.every(Number.isFinite), `${what}: finite`).toBe(true);
  expect(new Set(v).size, `${what}: not constant`).toBeGreaterThan(1);
}

describe('the attribution figure session', () => {
  const data = mnist();
  const state = defaults(attributionSchema);

  it('explains a test digit with the epoch-10 checkpoint: finite, varying maps and a small IG gap', async () => {
    const views = await expectNoLeak(async () => {
      const session = await AttributionSession.create(state, data, fromDisk);
      try {
        expect(session.epoch).toBe(10);
        const sel = { ...selectionOf(state), digit: 3, steps: 64 };
        const a = await session.view(sel);
        const b = await session.view({ ...sel, target: (a.predicted + 1) % 10 });
        const mean = await session.view({ ...sel, baseline: 'mean', rule: 'riemann-middle', steps: 200 });
        return { a, b, mean };
      } finally {
        session.dispose();
      }
    });
    const { a, b, mean } = views;
    expect(a.predicted).toBe(a.digit.label);
    expect(a.target).toBe(a.predicted);
    expect(a.maps.map((m) => m.id)).toEqual(['saliency', 'gxi', 'smoothgrad', 'ig', 'gradcam', 'cam']);
    for (const m of [...a.maps, ...b.maps]) {
      expect(m.values).toHaveLength(784);
      expect(m.pooled).toHaveLength(49);
      expectFiniteAndVarying(m.values, m.id);
    }
    expectFiniteAndVarying(a.layer.activation, 'activation map');
    expectFiniteAndVarying(a.layer.gradient, 'layer gradient');
    expect(a.alpha).toHaveLength(32);
    expect(a.layer.activation).toHaveLength(14 * 14);
    // Completeness: Σ IG = f(x) − f(baseline), up to the quadrature error.
    for (const v of [a, b, mean]) {
      const delta = v.ig.fx - v.ig.fBaseline;
      expect(Math.abs(delta)).toBeGreaterThan(0.01);
      expect(v.ig.gap).toBeLessThan(0.01 * Math.abs(delta));
      expect(v.ig.gapPercent).toBeLessThan(1);
      expect(v.ig.sum).toBeCloseTo(a.maps.length && v.maps.find((m) => m.id === 'ig')!.sum, 3);
    }
    // Another class: another Grad-CAM and another saliency map.
    const differs = (x: Float32Array, y: Float32Array) => x.some((v, i) => Math.abs(v - y[i]!) > 1e-6);
    expect(differs(a.maps[4]!.values, b.maps[4]!.values) || differs(a.maps[5]!.values, b.maps[5]!.values)).toBe(true);
    expect(differs(a.maps[0]!.values, b.maps[0]!.values)).toBe(true);
    // Activations do not depend on the class explained; gradients do.
    expect(differs(a.layer.gradient, b.layer.gradient)).toBe(true);
    expect(a.layer.activation).toEqual(b.layer.activation);
  }, 60_000);

  it('switches checkpoints in place, trains further and disposes every tensor', async () => {
    await expectNoLeak(async () => {
      const session = await AttributionSession.create({ ...state, ckpt: '1', more: 1 }, data, fromDisk);
      try {
        const sel = selectionOf(state);
        const early = await session.view(sel);
        await session.loadCheckpoint(0, () => {});
        expect(session.epoch).toBe(0);
        const untrained = await session.view(sel);
        expect(untrained.checkpointTestAccuracy).toBeNull();
        expect(early.checkpointTestAccuracy).toBeCloseTo(0.833, 3);
        await session.loadCheckpoint(2, () => {});
        expect(session.epochs).toBe(3);
        let stops = 0;
        // Train a few batches only, then stop: the machine is shared.
        const r = await session.trainEpoch({ shouldStop: () => ++stops > 5 });
        expect(r).toBeNull();
        const trained = await session.view(sel);
        expect(trained.checkpoint).toBe(2);
        for (const m of trained.maps) expectFiniteAndVarying(m.values, m.id);
      } finally {
        session.dispose();
      }
    });
  }, 60_000);

  it('explains the documents’ CNN too: Grad-CAM on its last convolution (11×11×64), no CAM', async () => {
    const v = await expectNoLeak(async () => {
      const session = await AttributionSession.create({ ...state, model: 'documents', ckpt: '0' }, data, fromDisk);
      try {
        return await session.view({ ...selectionOf(state), smoothSamples: 4, steps: 16 });
      } finally {
        session.dispose();
      }
    });
    expect(v.model).toBe('documents');
    expect(v.maps.map((m) => m.id)).toEqual(['saliency', 'gxi', 'smoothgrad', 'ig', 'gradcam']);
    expect(v.gradCamLayer).toEqual({ name: 'conv2', side: 11 });
    expect(v.alpha).toHaveLength(64);
    expect(v.layer.activation).toHaveLength(11 * 11);
    for (const m of v.maps) expectFiniteAndVarying(m.values, m.id);
    expectFiniteAndVarying(v.layer.gradient, 'documents layer gradient');
  }, 60_000);

  it('corrects a link naming a checkpoint its model lacks', () => {
    expect(checkedCheckpoint({ ...state, model: 'fast', ckpt: '5' }).notice).toBeNull();
    const fixed = checkedCheckpoint({ ...state, model: 'documents', ckpt: '10', epoch: 12 });
    expect(fixed.state.ckpt).toBe(MODEL_CHECKPOINTS.documents.at(-1));
    expect(fixed.state.epoch).toBe(0);
    expect(fixed.notice).toContain('documents');
  });

  it('has a committed checkpoint for every epoch the figure offers', () => {
    const index = JSON.parse(readFileSync(join(ROOT, 'public', 'checkpoints', 'index.json'), 'utf8')) as { checkpoints: { model: string; seed: number; epoch: number; bytes: number }[] };
    for (const model of ['fast', 'documents'] as const) {
      for (const e of MODEL_CHECKPOINTS[model].filter((e) => e !== '0')) {
        const entry = index.checkpoints.find((c) => c.model === CHECKPOINT_MODEL_ID[model] && c.seed === 1 && c.epoch === Number(e));
        expect(entry, `${model} epoch ${e}`).toBeDefined();
        expect(entry!.bytes).toBeLessThan(1_000_000);
      }
    }
  });

  it('pools 4×4 blocks and blurs without changing the total ink much', () => {
    const img = new Float32Array(784);
    img[0] = 16;
    expect(pool(img)[0]).toBe(1);
    img.fill(0.5);
    blur(img).forEach((v) => expect(v).toBeCloseTo(0.5, 5));
  });
});
