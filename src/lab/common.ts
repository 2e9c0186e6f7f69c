/**
 * Pieces the lab's scenarios share: the run context, MNIST as tensors, timing and
 * plain-number checks. DOM-free: runs in the lab's worker (or in Node with a fetch).
 */
import * as tf from '@tensorflow/tfjs-core';
import { loadMnist, type Mnist } from '../data/mnist/load.ts';
import type { BackendName } from '../tf/choose-backend.ts';
import type { Dataset } from '../train/trainer.ts';

export interface LabContext {
  backend: BackendName;
  /** Where the MNIST subset is served, e.g. `/generated/mnist/`. */
  mnistUrl: string;
  progress: (text: string) => void;
}

const mnistCache = new Map<string, Promise<Mnist>>();

/** The MNIST subset, fetched once per worker. */
export function mnist(ctx: LabContext): Promise<Mnist> {
  let p = mnistCache.get(ctx.mnistUrl);
  if (!p) {
    p = loadMnist(ctx.mnistUrl);
    p.catch(() => mnistCache.delete(ctx.mnistUrl));
    mnistCache.set(ctx.mnistUrl, p);
  }
  return p;
}

/** Rows [start, start + count) of a split as x [n, 28, 28, 1] and one-hot y [n, 10]; the caller owns both. */
export function mnistTensors(split: Mnist['train'], start: number, count: number): Dataset {
  const n = Math.min(count, split.count - start);
  if (n < 1) throw new RangeError(`no MNIST rows from ${start} (the split has ${split.count})`);
  const x = tf.tensor4d(split.images.subarray(start * 784, (start + n) * 784), [n, 28, 28, 1]);
  const y = tf.tidy(() => tf.oneHot(tf.tensor1d(Int32Array.from(split.labels.subarray(start, start + n)), 'int32'), 10).toFloat());
  return { x, y };
}

export function now(): number {
  return globalThis.performance?.now() ?? Date.now();
}

export function median(xs: number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Finite? Varying? Range? of a list of plain number arrays (the first is the main output). */
export function describeNumbers(main: ArrayLike<number>, others: ArrayLike<number>[] = []): { finite: boolean; varying: boolean; min: number; max: number; length: number } {
  let finite = true;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < main.length; i++) {
    const v = main[i]!;
    if (!Number.isFinite(v)) finite = false;
    else {
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  for (const a of others) for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i]!)) finite = false;
  return { finite, varying: max > min, min: Number.isFinite(min) ? min : NaN, max: Number.isFinite(max) ? max : NaN, length: main.length };
}

export function countParams(model: { countParams(): number }): number {
  return model.countParams();
}

/** Round to 4 significant digits for JSON that stays readable. */
export function sig(x: number, digits = 4): number {
  return Number.isFinite(x) ? Number(x.toPrecision(digits)) : x;
}
