import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { describe, expect, it } from 'vitest';
import { buildFastCnn } from '../../src/models/cnn.ts';
import { buildMlp } from '../../src/models/mlp.ts';
import {
  CheckpointError,
  decodeCheckpoint,
  encodeCheckpoint,
  restoreSnapshot,
  takeSnapshot,
  type CheckpointMeta,
} from '../../src/train/snapshot.ts';
import { expectNoLeak } from '../helpers/tf.ts';

const META: CheckpointMeta = {
  model: 'fast-cnn',
  seed: 3,
  epoch: 2,
  step: 20,
  hyperparameters: { optimizer: 'adam', learningRate: 0.003, batchSize: 32, shuffle: true },
  testAccuracy: 0.5,
  testLoss: 1.25,
};

/** A deterministic 2×28×28×1 input. */
function input(): tf.Tensor4D {
  const v = new Float32Array(2 * 784);
  for (let i = 0; i < v.length; i++) v[i] = ((i * 7919) % 255) / 255;
  return tf.tensor4d(v, [2, 28, 28, 1]);
}

async function predictions(model: tfl.LayersModel): Promise<Float32Array> {
  const x = input();
  const p = model.predict(x) as tf.Tensor;
  const out = (await p.data()) as Float32Array;
  tf.dispose([x, p]);
  return Float32Array.from(out);
}

describe('weight snapshots and checkpoint bytes', () => {
  it('take → encode → decode → restore into a fresh model gives identical predictions', async () => {
    await expectNoLeak(async () => {
      const a = buildFastCnn({ seed: 3 });
      const b = buildFastCnn({ seed: 4 });
      try {
        const pa = await predictions(a);
        expect(Array.from(await predictions(b))).not.toEqual(Array.from(pa));
        const snap = await takeSnapshot(a);
        expect(snap.map((w) => w.name)).toEqual([
          'conv1/kernel', 'conv1/bias', 'conv2/kernel', 'conv2/bias', 'last_conv/kernel', 'last_conv/bias', 'output/kernel', 'output/bias',
        ]);
        expect(snap.reduce((s, w) => s + w.values.length, 0)).toBe(6218);
        const bytes = encodeCheckpoint(snap, META);
        // 12-byte prefix + a small JSON header + 6,218 float32 values.
        expect(bytes.length).toBeGreaterThan(6218 * 4);
        expect(bytes.length).toBeLessThan(6218 * 4 + 2048);
        expect(new TextDecoder().decode(bytes.subarray(0, 8))).toBe('EDLCKPT\n');
        const { meta, snap: back } = decodeCheckpoint(bytes);
        expect(meta).toEqual(META);
        expect(back).toEqual(snap);
        restoreSnapshot(b, back);
        expect(Array.from(await predictions(b))).toEqual(Array.from(pa));
        // Same weights and meta → same bytes.
        expect(encodeCheckpoint(await takeSnapshot(b), META)).toEqual(bytes);
      } finally {
        a.dispose();
        b.dispose();
      }
    });
  });

  it('a snapshot is a copy: later training does not change it', async () => {
    await expectNoLeak(async () => {
      const m = buildFastCnn({ seed: 1 });
      const snap = await takeSnapshot(m);
      const before = Float32Array.from(snap[7]!.values);
      tf.tidy(() => {
        m.weights[7]!.write(tf.fill([10], 5));
      });
      expect(snap[7]!.values).toEqual(before);
      restoreSnapshot(m, snap);
      expect(Array.from((await m.weights[7]!.read().data()) as Float32Array)).toEqual(Array.from(before));
      m.dispose();
    });
  });

  it('refuses truncated, corrupt or foreign bytes with a message', async () => {
    await expectNoLeak(async () => {
      const m = buildFastCnn({ seed: 1 });
      const bytes = encodeCheckpoint(await takeSnapshot(m), META);
      m.dispose();
      const dec = (b: Uint8Array) => () => decodeCheckpoint(b, 'x.ckpt');
      expect(dec(bytes.subarray(0, 5))).toThrow('x.ckpt is not a valid checkpoint: truncated: 5 bytes, too short for the 12-byte prefix');
      expect(dec(bytes.subarray(0, 40))).toThrow(/x.ckpt is not a valid checkpoint: truncated: 40 bytes, but the header alone needs \d+/);
      expect(dec(bytes.subarray(0, bytes.length - 3))).toThrow(
        new RegExp(`truncated: ${bytes.length - 3} bytes, expected ${bytes.length} for 6218 float32 values`),
      );
      expect(dec(new Uint8Array([...bytes, 0, 0, 0, 0]))).toThrow(/4 unexpected trailing bytes/);
      const flipped = bytes.slice();
      flipped[flipped.length - 100]! ^= 0x40;
      expect(dec(flipped)).toThrow(/x.ckpt is not a valid checkpoint: corrupt weights: checksum [0-9a-f]{8}, expected [0-9a-f]{8}/);
      const html = new TextEncoder().encode('<!DOCTYPE html><html>Not found</html>');
      expect(dec(html)).toThrow(/bad magic .* \(got an HTML page: wrong URL\?\)/);
      const badJson = bytes.slice();
      badJson[12] = 0x7b + 1; // '{' → '|'
      expect(dec(badJson)).toThrow(/header is not valid UTF-8 JSON/);
      expect(() => decodeCheckpoint(bytes.subarray(0, 5))).toThrow(CheckpointError);
      // A header for another version is refused by name.
      const text = new TextDecoder().decode(bytes);
      const v2 = new TextEncoder().encode(text.replace('"version":1', '"version":2'));
      expect(dec(v2)).toThrow(/version 2 is not supported/);
    });
  });

  it('refuses bad meta when encoding, and snapshots whose values do not fit their shapes', () => {
    const snap = [{ name: 'w', shape: [2, 2], values: new Float32Array(4) }];
    expect(() => encodeCheckpoint(snap, { ...META, seed: -1 })).toThrow(/meta.seed must be a non-negative integer/);
    expect(() => encodeCheckpoint(snap, { ...META, testAccuracy: NaN })).toThrow(/meta.testAccuracy must be a finite number/);
    expect(() => encodeCheckpoint([{ name: 'w', shape: [3], values: new Float32Array(4) }], META)).toThrow(/"w" has 4 values but shape \[3\]/);
    const { snap: back } = decodeCheckpoint(encodeCheckpoint(snap, META));
    expect(back).toEqual(snap);
  });

  it('restoring into another architecture names the mismatching weight and writes nothing', async () => {
    await expectNoLeak(async () => {
      const fast = buildFastCnn({ seed: 1 });
      const narrow = buildFastCnn({ seed: 1, filters: [8, 16, 16] });
      const mlp = buildMlp({ inputs: 4, hidden: [3], outputs: 2, activation: 'relu', seed: 1 });
      try {
        const snap = await takeSnapshot(fast);
        const before = await predictions(narrow);
        expect(() => restoreSnapshot(narrow, snap)).toThrow(
          'restoreSnapshot: weight "last_conv/kernel" has shape [3, 3, 16, 32] in the snapshot but [3, 3, 16, 16] in the model; was it saved from another architecture?',
        );
        // conv1 and conv2 matched but were not written: all or nothing.
        expect(Array.from(await predictions(narrow))).toEqual(Array.from(before));
        expect(() => restoreSnapshot(mlp, snap)).toThrow(/the model's weight "hidden1\/kernel" \[4, 3\] is missing from the snapshot/);
        expect(() => restoreSnapshot(fast, snap.slice(0, 7))).toThrow(/"output\/bias" \[10\] is missing from the snapshot/);
        const extra = [...snap, { name: 'extra/kernel', shape: [1], values: new Float32Array(1) }];
        expect(() => restoreSnapshot(fast, extra)).toThrow(/the snapshot's weight "extra\/kernel" \[1\] does not exist in the model/);
        const short = snap.map((w, i) => (i === 1 ? { ...w, values: w.values.subarray(0, 3) } : w));
        expect(() => restoreSnapshot(fast, short)).toThrow(/"conv1\/bias" has 3 values in the snapshot, its shape \[8\] needs 8/);
        expect(() => restoreSnapshot(fast, [...snap, snap[0]!])).toThrow(/has weight "conv1\/kernel" twice/);
      } finally {
        fast.dispose();
        narrow.dispose();
        mlp.dispose();
      }
    });
  });

  it('matches weights by layer name, not by tfjs\'s uniquified variable names', async () => {
    await expectNoLeak(async () => {
      // The second model's variables are called conv1/kernel_1 and so on inside tfjs.
      const a = buildFastCnn({ seed: 5 });
      const b = buildFastCnn({ seed: 6 });
      expect(b.weights[0]!.name).not.toBe(a.weights[0]!.name);
      restoreSnapshot(b, await takeSnapshot(a));
      expect(Array.from(await predictions(b))).toEqual(Array.from(await predictions(a)));
      a.dispose();
      b.dispose();
    });
  });
});
