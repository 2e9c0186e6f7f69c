/**
 * Weight snapshots and the checkpoint file format.
 *
 * A {@link WeightSnapshot} is a plain copy of a model's weights (no tensors), so it
 * can be posted between a worker and the page, kept to undo a change, or saved.
 * Weights are matched by their layer-qualified name (`conv1/kernel`), not by
 * position, and restoring checks every name and shape first, so a checkpoint of
 * one architecture can never be poured silently into another.
 *
 * Checkpoint bytes (`.ckpt`), all little-endian:
 *
 *   offset 0   8 bytes   magic, ASCII "EDLCKPT\n"
 *   offset 8   uint32    header length H in bytes
 *   offset 12  H bytes   UTF-8 JSON header, padded with spaces to a multiple of 4
 *   offset 12+H          float32 weight values, weight after weight, row-major
 *
 * The JSON header holds `format` ("edl-checkpoint"), `version` (1), `meta`
 * (model name, seed, epoch, hyperparameters, accuracies: {@link CheckpointMeta}),
 * `weights` (name, shape, offset and length in floats, per weight), `floats` (the
 * total) and `fnv1a32` (a checksum of the float bytes). Anything inconsistent —
 * wrong magic, a header that is not JSON, a length that does not add up, a bad
 * checksum — is refused with an Error that says which. There are no timestamps
 * in the header, so the same weights and meta always give the same bytes.
 *
 * Float32 rather than float16: the fast CNN's checkpoint is only 25 KB, and
 * float32 restores exactly the weights that were trained, so a restored model
 * reproduces the recorded test accuracy to the last digit.
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { fnv1a32 } from '../data/mnist/manifest.ts';

/** One weight: its name (`layer/part`), shape and row-major values. */
export interface WeightEntry {
  name: string;
  shape: number[];
  values: Float32Array;
}

/** A plain copy of all of a model's weights, in the model's order. */
export type WeightSnapshot = WeightEntry[];

/** Hyperparameter values as they are written into a checkpoint's header. */
export type Hyperparameters = Record<string, string | number | boolean>;

/** What a checkpoint says about the weights it holds. */
export interface CheckpointMeta {
  /** Architecture id, e.g. "fast-cnn"; the loader picks the model builder by it. */
  model: string;
  /** Seed of the initial weights and of the shuffles. */
  seed: number;
  /** Training epochs completed when the weights were saved (0: untrained). */
  epoch: number;
  /** Optimisation steps completed. */
  step?: number;
  hyperparameters: Hyperparameters;
  trainLoss?: number;
  trainAccuracy?: number;
  testLoss?: number;
  testAccuracy?: number;
}

export const CHECKPOINT_MAGIC = 'EDLCKPT\n';
export const CHECKPOINT_FORMAT = 'edl-checkpoint';
export const CHECKPOINT_VERSION = 1;

/** Thrown for bytes that are not a valid checkpoint; the message says what is wrong. */
export class CheckpointError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CheckpointError';
  }
}

/** Layer-qualified name of a weight, without the `_1` suffix tfjs adds when names repeat. */
function weightName(w: tfl.LayersModel['weights'][number]): string {
  return w.originalName;
}

function sizeOf(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

function fmt(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

/**
 * Copies every weight of `model` (trainable or not) into plain arrays. Reads
 * asynchronously (`await data()`), so it is safe in a WebGPU/WebGL worker.
 */
export async function takeSnapshot(model: tfl.LayersModel): Promise<WeightSnapshot> {
  const weights = model.weights;
  const seen = new Set<string>();
  for (const w of weights) {
    const name = weightName(w);
    if (seen.has(name)) throw new Error(`takeSnapshot: the model has two weights named "${name}"; give its layers unique names`);
    seen.add(name);
    if (w.dtype !== 'float32') throw new Error(`takeSnapshot: weight "${name}" has dtype ${w.dtype}; only float32 weights are supported`);
  }
  // Copies: on the CPU backend data() can hand back the tensor's own storage.
  const values = await Promise.all(weights.map(async (w) => Float32Array.from((await w.read().data()) as Float32Array)));
  return weights.map((w, i) => ({ name: weightName(w), shape: [...w.shape] as number[], values: values[i]! }));
}

/**
 * Writes `snap` into `model`'s weights after checking that the names and shapes
 * match exactly; on any mismatch nothing is written and the Error names the weight.
 * Optimizer state (Adam's moments) is not part of a snapshot: build a new Trainer
 * after restoring if training continues.
 */
export function restoreSnapshot(model: tfl.LayersModel, snap: WeightSnapshot): void {
  const byName = new Map<string, WeightEntry>();
  for (const e of snap) {
    if (byName.has(e.name)) throw new Error(`restoreSnapshot: the snapshot has weight "${e.name}" twice`);
    byName.set(e.name, e);
  }
  const weights = model.weights;
  const modelNames = new Set(weights.map(weightName));
  for (const w of weights) {
    const name = weightName(w);
    const e = byName.get(name);
    if (!e) {
      throw new Error(`restoreSnapshot: the model's weight "${name}" ${fmt(w.shape as number[])} is missing from the snapshot (it has ${snap.map((s) => s.name).join(', ') || 'no weights'}); was it saved from another architecture?`);
    }
    const shape = w.shape as number[];
    if (e.shape.length !== shape.length || e.shape.some((d, i) => d !== shape[i])) {
      throw new Error(`restoreSnapshot: weight "${name}" has shape ${fmt(e.shape)} in the snapshot but ${fmt(shape)} in the model; was it saved from another architecture?`);
    }
    if (e.values.length !== sizeOf(shape)) {
      throw new Error(`restoreSnapshot: weight "${name}" has ${e.values.length} values in the snapshot, its shape ${fmt(shape)} needs ${sizeOf(shape)}`);
    }
  }
  for (const e of snap) {
    if (!modelNames.has(e.name)) {
      throw new Error(`restoreSnapshot: the snapshot's weight "${e.name}" ${fmt(e.shape)} does not exist in the model (it has ${[...modelNames].join(', ')}); was it saved from another architecture?`);
    }
  }
  tf.tidy(() => {
    for (const w of weights) {
      const e = byName.get(weightName(w))!;
      w.write(tf.tensor(e.values, e.shape, 'float32'));
    }
  });
}

interface HeaderWeight {
  name: string;
  shape: number[];
  /** Offset in floats from the start of the data section. */
  offset: number;
  /** Number of floats. */
  length: number;
}

interface Header {
  format: string;
  version: number;
  meta: CheckpointMeta;
  weights: HeaderWeight[];
  floats: number;
  fnv1a32: string;
}

const PREFIX = 12;

/** Serialises a snapshot and its meta to checkpoint bytes (format in this file's header). */
export function encodeCheckpoint(snap: WeightSnapshot, meta: CheckpointMeta): Uint8Array {
  checkMeta(meta, (why) => new Error(`encodeCheckpoint: ${why}`));
  let floats = 0;
  const weights: HeaderWeight[] = snap.map((e) => {
    if (e.values.length !== sizeOf(e.shape)) {
      throw new Error(`encodeCheckpoint: weight "${e.name}" has ${e.values.length} values but shape ${fmt(e.shape)}`);
    }
    const hw = { name: e.name, shape: [...e.shape], offset: floats, length: e.values.length };
    floats += e.values.length;
    return hw;
  });
  const data = new Uint8Array(floats * 4);
  const dv = new DataView(data.buffer);
  for (const [i, e] of snap.entries()) {
    const base = weights[i]!.offset * 4;
    for (let j = 0; j < e.values.length; j++) dv.setFloat32(base + 4 * j, e.values[j]!, true);
  }
  const header: Header = { format: CHECKPOINT_FORMAT, version: CHECKPOINT_VERSION, meta, weights, floats, fnv1a32: fnv1a32(data) };
  let json = new TextEncoder().encode(JSON.stringify(header));
  const padded = Math.ceil(json.length / 4) * 4;
  if (padded !== json.length) {
    const p = new Uint8Array(padded).fill(0x20);
    p.set(json);
    json = p;
  }
  const out = new Uint8Array(PREFIX + json.length + data.length);
  for (let i = 0; i < 8; i++) out[i] = CHECKPOINT_MAGIC.charCodeAt(i);
  new DataView(out.buffer).setUint32(8, json.length, true);
  out.set(json, PREFIX);
  out.set(data, PREFIX + json.length);
  return out;
}

/**
 * Parses checkpoint bytes. Throws a {@link CheckpointError} naming `source`
 * (e.g. the file name) for truncated, corrupt or foreign bytes.
 */
export function decodeCheckpoint(bytes: Uint8Array, source = 'checkpoint'): { meta: CheckpointMeta; snap: WeightSnapshot } {
  const bad = (why: string): never => {
    throw new CheckpointError(`${source} is not a valid checkpoint: ${why}`);
  };
  if (!(bytes instanceof Uint8Array)) bad('expected a Uint8Array of bytes');
  if (bytes.length < PREFIX) bad(`truncated: ${bytes.length} bytes, too short for the ${PREFIX}-byte prefix`);
  const magic = String.fromCharCode(...bytes.subarray(0, 8));
  if (magic !== CHECKPOINT_MAGIC) {
    const looksHtml = magic.trimStart().startsWith('<');
    bad(`bad magic ${JSON.stringify(magic)}, expected ${JSON.stringify(CHECKPOINT_MAGIC)}${looksHtml ? ' (got an HTML page: wrong URL?)' : ''}`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(8, true);
  if (PREFIX + headerLength > bytes.length) {
    bad(`truncated: ${bytes.length} bytes, but the header alone needs ${PREFIX + headerLength}`);
  }
  let header: Header;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(PREFIX, PREFIX + headerLength))) as Header;
  } catch {
    return bad('its header is not valid UTF-8 JSON (corrupt file?)');
  }
  if (typeof header !== 'object' || header === null) bad('its header is not an object');
  if (header.format !== CHECKPOINT_FORMAT) bad(`format is ${JSON.stringify(header.format)}, expected "${CHECKPOINT_FORMAT}"`);
  if (header.version !== CHECKPOINT_VERSION) {
    bad(`version ${String(header.version)} is not supported (this code reads version ${CHECKPOINT_VERSION}); regenerate it with scripts/train-checkpoints.ts`);
  }
  checkMeta(header.meta, (why) => new CheckpointError(`${source} is not a valid checkpoint: ${why}`));
  if (!Number.isInteger(header.floats) || header.floats < 0) bad('the header has no valid float count');
  if (!Array.isArray(header.weights)) bad('the header has no weight list');
  const dataStart = PREFIX + headerLength;
  const expected = dataStart + header.floats * 4;
  if (bytes.length < expected) bad(`truncated: ${bytes.length} bytes, expected ${expected} for ${header.floats} float32 values`);
  if (bytes.length > expected) bad(`${bytes.length - expected} unexpected trailing bytes after the ${header.floats} float32 values`);
  const data = bytes.subarray(dataStart, expected);
  const sum = fnv1a32(data);
  if (sum !== header.fnv1a32) bad(`corrupt weights: checksum ${sum}, expected ${String(header.fnv1a32)}`);
  let next = 0;
  const snap: WeightSnapshot = header.weights.map((w, i) => {
    if (
      typeof w !== 'object' || w === null || typeof w.name !== 'string' || !Array.isArray(w.shape) ||
      !w.shape.every((d) => Number.isInteger(d) && d >= 0) || w.offset !== next || w.length !== sizeOf(w.shape)
    ) {
      bad(`weight entry ${i} (${JSON.stringify((w as Partial<HeaderWeight> | null)?.name)}) is inconsistent`);
    }
    next += w.length;
    const values = new Float32Array(w.length);
    const dv = new DataView(data.buffer, data.byteOffset + w.offset * 4, w.length * 4);
    for (let j = 0; j < w.length; j++) values[j] = dv.getFloat32(4 * j, true);
    return { name: w.name, shape: [...w.shape], values };
  });
  if (next !== header.floats) bad(`the weights hold ${next} values but the header says ${header.floats}`);
  return { meta: header.meta, snap };
}

function checkMeta(meta: unknown, error: (why: string) => Error): asserts meta is CheckpointMeta {
  if (typeof meta !== 'object' || meta === null) throw error('meta is missing');
  const m = meta as Partial<CheckpointMeta>;
  if (typeof m.model !== 'string' || m.model === '') throw error('meta.model must be a non-empty string');
  if (!Number.isInteger(m.seed) || m.seed! < 0) throw error(`meta.seed must be a non-negative integer, got ${String(m.seed)}`);
  if (!Number.isInteger(m.epoch) || m.epoch! < 0) throw error(`meta.epoch must be a non-negative integer, got ${String(m.epoch)}`);
  if (typeof m.hyperparameters !== 'object' || m.hyperparameters === null) throw error('meta.hyperparameters must be an object');
  for (const k of ['step', 'trainLoss', 'trainAccuracy', 'testLoss', 'testAccuracy'] as const) {
    if (m[k] !== undefined && !Number.isFinite(m[k])) throw error(`meta.${k} must be a finite number, got ${String(m[k])}`);
  }
}
