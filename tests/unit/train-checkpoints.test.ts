import * as tf from '@tensorflow/tfjs-core';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFastCnn } from '../../src/models/cnn.ts';
import {
  checkpointFileName,
  loadCheckpoint,
  loadCheckpointIndex,
  parseCheckpointIndex,
  pickCheckpoint,
  type CheckpointEntry,
  type CheckpointIndex,
} from '../../src/train/checkpoints.ts';
import { encodeCheckpoint, restoreSnapshot, takeSnapshot, type CheckpointMeta } from '../../src/train/snapshot.ts';
import { decodeMnist } from '../../src/data/mnist/load.ts';
import { MNIST_FILES, parseMnistManifest, type MnistFileName } from '../../src/data/mnist/manifest.ts';
import { ROOT } from '../helpers/mnist-sample.ts';
import { expectNoLeak } from '../helpers/tf.ts';

/** A fetch over an in-memory folder; 404 for anything else. */
function fakeFetch(dir: Record<string, Uint8Array | string>): typeof fetch {
  return (async (url: string | URL | Request) => {
    const name = String(url).split('/').pop()!;
    const body = dir[name];
    if (body === undefined) return new Response('<!DOCTYPE html>not found', { status: 404 });
    return new Response(typeof body === 'string' ? body : body.slice(), { status: 200 });
  }) as typeof fetch;
}

async function fixture() {
  const model = buildFastCnn({ seed: 9 });
  const meta: CheckpointMeta = { model: 'fast-cnn', seed: 9, epoch: 2, hyperparameters: { optimizer: 'adam' }, testAccuracy: 0.25 };
  const bytes = encodeCheckpoint(await takeSnapshot(model), meta);
  model.dispose();
  const file = checkpointFileName('fast-cnn', 9, 2);
  const entry: CheckpointEntry = { ...meta, file, bytes: bytes.length };
  const index: CheckpointIndex = { version: 1, generatedBy: 'test', data: 'none', checkpoints: [entry, { ...entry, epoch: 1, file: checkpointFileName('fast-cnn', 9, 1) }] };
  return { bytes, entry, index, file };
}

describe('checkpoint index and files over fetch', () => {
  it('loads the index, picks an entry and loads its checkpoint', async () => {
    await expectNoLeak(async () => {
      const { bytes, entry, index, file } = await fixture();
      expect(file).toBe('fast-cnn-seed9-epoch2.ckpt');
      const doFetch = fakeFetch({ 'index.json': JSON.stringify(index), [file]: bytes });
      const loaded = await loadCheckpointIndex('/base', doFetch);
      expect(loaded).toEqual(index);
      expect(pickCheckpoint(loaded, 'fast-cnn', 9)).toEqual(entry);
      expect(pickCheckpoint(loaded, 'fast-cnn', 9, 1)!.epoch).toBe(1);
      expect(pickCheckpoint(loaded, 'fast-cnn', 9, 0)).toBeNull();
      expect(pickCheckpoint(loaded, 'fast-cnn', 8)).toBeNull();
      const { meta, snap } = await loadCheckpoint('/base/', entry, doFetch);
      expect(meta.epoch).toBe(2);
      const fresh = buildFastCnn({ seed: 1 });
      restoreSnapshot(fresh, snap);
      fresh.dispose();
    });
  });

  it('404, truncated, corrupt and mislabelled files give clear messages', async () => {
    await expectNoLeak(async () => {
      const { bytes, entry, index, file } = await fixture();
      await expect(loadCheckpointIndex('/c/', fakeFetch({}))).rejects.toThrow(
        'checkpoint file index.json is missing (HTTP 404 at /c/index.json) — regenerate with npx tsx scripts/train-checkpoints.ts',
      );
      await expect(loadCheckpointIndex('/c', fakeFetch({ 'index.json': '{"version":1,' }))).rejects.toThrow(/index.json at \/c\/index.json is not valid JSON/);
      await expect(loadCheckpointIndex('/c', fakeFetch({ 'index.json': '{"version":7,"checkpoints":[]}' }))).rejects.toThrow(/index.json is invalid \(unknown version 7\)/);
      expect(() => parseCheckpointIndex({ version: 1, checkpoints: [{ file: '../x.ckpt' }] })).toThrow(/entry 0 lacks a valid file/);
      await expect(loadCheckpoint('/c', entry, fakeFetch({}))).rejects.toThrow(
        `checkpoint file ${file} is missing (HTTP 404 at /c/${file}) — regenerate with npx tsx scripts/train-checkpoints.ts`,
      );
      await expect(loadCheckpoint('/c', entry, fakeFetch({ [file]: bytes.subarray(0, 1000) }))).rejects.toThrow(
        `checkpoint file ${file} is truncated: got 1000 bytes, expected ${bytes.length}`,
      );
      await expect(loadCheckpoint('/c', entry, fakeFetch({ [file]: new Uint8Array([...bytes, 1]) }))).rejects.toThrow(/is too long/);
      const corrupt = bytes.slice();
      corrupt[corrupt.length - 1]! ^= 1;
      await expect(loadCheckpoint('/c', entry, fakeFetch({ [file]: corrupt }))).rejects.toThrow(
        new RegExp(`checkpoint file ${file} is not a valid checkpoint: corrupt weights: checksum`),
      );
      // Truncated bytes that the index also believes are complete (a stale index).
      await expect(loadCheckpoint('/c', { ...entry, bytes: 1000 }, fakeFetch({ [file]: bytes.subarray(0, 1000) }))).rejects.toThrow(
        /is not a valid checkpoint: truncated: 1000 bytes, expected \d+ for 6218 float32 values/,
      );
      const other = index.checkpoints[1]!;
      await expect(loadCheckpoint('/c', other, fakeFetch({ [other.file]: bytes }))).rejects.toThrow(
        /holds fast-cnn seed 9 epoch 2, but the index lists fast-cnn seed 9 epoch 1/,
      );
      const failing = (async () => {
        throw new TypeError('network down');
      }) as unknown as typeof fetch;
      await expect(loadCheckpoint('/c', entry, failing)).rejects.toThrow(/could not be fetched from \/c\/fast-cnn-seed9-epoch2.ckpt: network down/);
    });
  });
});

const CKPT_DIR = join(ROOT, 'public', 'checkpoints');
const MNIST_DIR = join(ROOT, 'public', 'generated', 'mnist');

describe('the committed checkpoints in public/checkpoints', () => {
  const diskFetch = (async (url: string | URL | Request) => {
    const path = join(CKPT_DIR, String(url).split('/').pop()!);
    return existsSync(path) ? new Response(new Uint8Array(readFileSync(path))) : new Response('', { status: 404 });
  }) as typeof fetch;

  it('are all listed in index.json and decode with the meta the index lists', async () => {
    const index = await loadCheckpointIndex('/checkpoints/', diskFetch);
    expect(index.checkpoints.length).toBeGreaterThan(0);
    for (const e of index.checkpoints) {
      const { meta, snap } = await loadCheckpoint('/checkpoints/', e, diskFetch);
      expect(meta.testAccuracy).toBe(e.testAccuracy);
      expect(snap.reduce((s, w) => s + w.values.length, 0)).toBe(e.params);
    }
    expect(pickCheckpoint(index, 'fast-cnn', 1)).not.toBeNull();
  });

  it.skipIf(!existsSync(join(MNIST_DIR, 'manifest.json')))('the last fast-CNN checkpoint reproduces its recorded test accuracy exactly', async () => {
    const manifest = parseMnistManifest(JSON.parse(readFileSync(join(MNIST_DIR, 'manifest.json'), 'utf8')));
    const files = Object.fromEntries(MNIST_FILES.map((f) => [f, new Uint8Array(readFileSync(join(MNIST_DIR, f)))])) as Record<MnistFileName, Uint8Array>;
    const { test } = decodeMnist(manifest, files);
    const index = await loadCheckpointIndex('/checkpoints/', diskFetch);
    const entry = pickCheckpoint(index, 'fast-cnn', 1)!;
    const { snap } = await loadCheckpoint('/checkpoints/', entry, diskFetch);
    await expectNoLeak(async () => {
      const model = buildFastCnn({ seed: 12345 });
      restoreSnapshot(model, snap);
      let correct = 0;
      for (let start = 0; start < test.count; start += 500) {
        const n = Math.min(500, test.count - start);
        const p = tf.tidy(() => tf.argMax(model.predict(tf.tensor4d(test.images.subarray(start * 784, (start + n) * 784), [n, 28, 28, 1])) as tf.Tensor, -1));
        const predicted = await p.data();
        p.dispose();
        for (let i = 0; i < n; i++) if (predicted[i] === test.labels[start + i]) correct++;
      }
      model.dispose();
      expect(correct / test.count).toBe(entry.testAccuracy);
    });
  });
});
