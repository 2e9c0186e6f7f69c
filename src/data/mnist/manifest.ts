/**
 * The manifest written by `scripts/build-mnist.mjs` next to the MNIST subset, and
 * the pure check of a downloaded file against it. Pure (no fetch, no DOM) so the
 * same check runs in Node tests and in the browser worker.
 *
 * Files are verified by length and a 32-bit FNV-1a checksum rather than SHA-256:
 * `crypto.subtle` is missing on pages served over plain http from a non-localhost
 * address, and FNV-1a over 9 MB takes a few milliseconds in plain JS. It detects
 * truncation and corruption, which is all we need (this is not a security check).
 */

export interface MnistFileEntry {
  /** Number of images or labels in the file. */
  count: number;
  /** Exact length in bytes. */
  bytes: number;
  /** FNV-1a 32-bit checksum of the bytes, 8 lowercase hex digits. */
  fnv1a32: string;
  /** SHA-256 of the bytes, hex, for people checking by hand (not verified in the browser). */
  sha256?: string;
}

export interface MnistManifest {
  version: 1;
  width: number;
  height: number;
  /** Where the subset comes from and how it was chosen. */
  source: string;
  files: Record<MnistFileName, MnistFileEntry>;
}

export const MNIST_FILES = ['train-images.u8', 'train-labels.u8', 'test-images.u8', 'test-labels.u8'] as const;
export type MnistFileName = (typeof MNIST_FILES)[number];

/** FNV-1a, 32-bit, as 8 hex digits. The build script has an identical copy. */
export function fnv1a32(bytes: Uint8Array): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i]!;
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

const REBUILD = 'rebuild with npm run build';

/**
 * Throws a clear Error unless `bytes` is exactly the file the manifest describes.
 * Returns the bytes unchanged so it can sit in a pipeline.
 */
export function validateMnistFile(name: string, bytes: Uint8Array, entry: MnistFileEntry): Uint8Array {
  if (bytes.length < entry.bytes) {
    throw new Error(`MNIST file ${name} is truncated: got ${bytes.length} bytes, expected ${entry.bytes} — ${REBUILD}`);
  }
  if (bytes.length > entry.bytes) {
    throw new Error(`MNIST file ${name} is too long: got ${bytes.length} bytes, expected ${entry.bytes} — ${REBUILD}`);
  }
  const sum = fnv1a32(bytes);
  if (sum !== entry.fnv1a32) {
    throw new Error(`MNIST file ${name} is corrupt: checksum ${sum}, expected ${entry.fnv1a32} — ${REBUILD}`);
  }
  return bytes;
}

/** Checks that a parsed manifest.json has the fields we rely on; throws a clear Error otherwise. */
export function parseMnistManifest(json: unknown): MnistManifest {
  const bad = (why: string): never => {
    throw new Error(`MNIST manifest.json is invalid (${why}) — ${REBUILD}`);
  };
  if (typeof json !== 'object' || json === null) bad('not an object');
  const m = json as Partial<MnistManifest>;
  if (m.version !== 1) bad(`unknown version ${String(m.version)}`);
  if (typeof m.width !== 'number' || typeof m.height !== 'number') bad('no width/height');
  if (typeof m.files !== 'object' || m.files === null) bad('no files');
  for (const name of MNIST_FILES) {
    const e = (m.files as Partial<Record<string, MnistFileEntry>>)[name];
    if (!e || typeof e.bytes !== 'number' || typeof e.count !== 'number' || typeof e.fnv1a32 !== 'string') {
      bad(`missing or incomplete entry for ${name}`);
    }
  }
  return m as MnistManifest;
}
