/**
 * `info`: which backend this worker runs, and a small check that it computes
 * correctly (a 64×64 matmul against plain JavaScript, read back asynchronously).
 */
import * as tf from '@tensorflow/tfjs-core';
import { mulberry32 } from '../engine/random.ts';
import type { LabContext } from './common.ts';
import type { InfoResult } from './protocol.ts';

export async function info(ctx: LabContext): Promise<InfoResult> {
  const n = 64;
  const rng = mulberry32(7);
  const a = Float32Array.from({ length: n * n }, () => rng() - 0.5);
  const b = Float32Array.from({ length: n * n }, () => rng() - 0.5);
  const c = tf.tidy(() => tf.matMul(tf.tensor2d(a, [n, n]), tf.tensor2d(b, [n, n])));
  const got = await c.data();
  c.dispose();
  let ok = true;
  for (let i = 0; i < n && ok; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += a[i * n + k]! * b[k * n + j]!;
      if (Math.abs(s - got[i * n + j]!) > 1e-3) {
        ok = false;
        break;
      }
    }
  }
  return { scenario: 'info', backend: ctx.backend, tfVersion: tf.version_core, matmulOk: ok, userAgent: globalThis.navigator?.userAgent ?? '' };
}
