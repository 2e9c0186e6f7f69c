/**
 * Loads the MNIST subset written by `scripts/build-mnist.mjs` (see that script for
 * which images and why) in a page or a Web Worker: fetches `manifest.json`, then
 * the four `.u8` files with streamed progress, checks each against the manifest
 * and returns images as Float32Array in [0, 1] (pixel / 255) with Uint8 labels.
 *
 * The network part is thin; {@link decodeMnist} does the checking and conversion
 * and is pure, so Node tests exercise it on the generated files or on fixtures.
 *
 * Shapes: `images` is row-major count×28×28 (×1 channel), `labels` count digits 0–9.
 */
import {
  MNIST_FILES,
  parseMnistManifest,
  validateMnistFile,
  type MnistFileName,
  type MnistManifest,
} from './manifest.ts';
import { fetchFile } from '../../engine/fetch-file.ts';

export interface MnistSplit {
  /** Row-major count×height×width, values in [0, 1]. */
  images: Float32Array;
  /** Digit per image, 0–9. */
  labels: Uint8Array;
  count: number;
}

export interface Mnist {
  train: MnistSplit;
  test: MnistSplit;
  width: number;
  height: number;
}

export interface MnistProgress {
  /** Bytes received so far, over all files. */
  received: number;
  /** Bytes expected in all, from the manifest. */
  total: number;
}

export interface LoadMnistOptions {
  onProgress?: (p: MnistProgress) => void;
  signal?: AbortSignal;
  /** Injected fetch (tests, or a worker with a custom fetch); defaults to the global one. */
  fetch?: typeof fetch;
}

const REBUILD = 'rebuild with npm run build';

/** Fetches, verifies and decodes the MNIST subset under `baseUrl` (e.g. `/generated/mnist/`). */
export async function loadMnist(baseUrl: string, opts: LoadMnistOptions = {}): Promise<Mnist> {
  const doFetch = opts.fetch ?? globalThis.fetch.bind(globalThis);
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;

  const manifestRes = await get(doFetch, `${base}manifest.json`, 'manifest.json', opts.signal);
  let manifestJson: unknown;
  try {
    manifestJson = await manifestRes.json();
  } catch {
    throw new Error(`MNIST manifest.json is not valid JSON — ${REBUILD}`);
  }
  const manifest = parseMnistManifest(manifestJson);

  const total = MNIST_FILES.reduce((s, f) => s + manifest.files[f].bytes, 0);
  let received = 0;
  opts.onProgress?.({ received, total });
  const onChunk = (n: number) => {
    received += n;
    opts.onProgress?.({ received, total });
  };
  const bodies = await Promise.all(
    MNIST_FILES.map(async (name) => {
      const res = await get(doFetch, `${base}${name}`, name, opts.signal);
      return [name, await readBody(res, onChunk)] as const;
    }),
  );
  return decodeMnist(manifest, Object.fromEntries(bodies) as Record<MnistFileName, Uint8Array>);
}

/** Verifies the four files against the manifest and converts them. Pure. */
export function decodeMnist(manifest: MnistManifest, files: Record<MnistFileName, Uint8Array>): Mnist {
  for (const name of MNIST_FILES) {
    const bytes = files[name];
    if (!bytes) throw new Error(`MNIST file ${name} is missing — ${REBUILD}`);
    validateMnistFile(name, bytes, manifest.files[name]);
  }
  const pixels = manifest.width * manifest.height;
  const split = (images: MnistFileName, labels: MnistFileName): MnistSplit => {
    const count = manifest.files[labels].count;
    const img = files[images];
    const lab = files[labels];
    if (manifest.files[images].count !== count || img.length !== count * pixels || lab.length !== count) {
      throw new Error(`MNIST ${images} and ${labels} disagree on the number of examples — ${REBUILD}`);
    }
    for (let i = 0; i < count; i++) {
      if (lab[i]! > 9) throw new Error(`MNIST ${labels} holds label ${lab[i]} at ${i}, not a digit — ${REBUILD}`);
    }
    return { images: toUnitFloat(img), labels: lab, count };
  };
  return {
    train: split('train-images.u8', 'train-labels.u8'),
    test: split('test-images.u8', 'test-labels.u8'),
    width: manifest.width,
    height: manifest.height,
  };
}

/** Pixel bytes 0–255 → floats in [0, 1]. */
export function toUnitFloat(bytes: Uint8Array): Float32Array {
  const out = new Float32Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) out[i] = bytes[i]! / 255;
  return out;
}

function get(doFetch: typeof fetch, url: string, name: string, signal?: AbortSignal): Promise<Response> {
  return fetchFile(doFetch, url, { kind: 'MNIST file', name, remedy: REBUILD, signal });
}

/** Reads a response body chunk by chunk, reporting each chunk's size. */
async function readBody(res: Response, onChunk: (n: number) => void): Promise<Uint8Array> {
  if (!res.body) {
    const whole = new Uint8Array(await res.arrayBuffer());
    onChunk(whole.length);
    return whole;
  }
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.length;
    onChunk(value.length);
  }
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
