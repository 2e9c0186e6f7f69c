/**
 * Loading the pre-trained checkpoints that `scripts/train-checkpoints.ts` writes to
 * public/checkpoints/, for the page's "skip ahead": fetch `index.json`, pick an
 * entry, fetch its `.ckpt`, decode it (src/train/snapshot.ts) and restore it into a
 * freshly built model of the same architecture with `restoreSnapshot`.
 *
 * Every failure — a missing file, an HTML error page, truncated or corrupt bytes, a
 * file that is not the one the index describes — throws an Error that names the file
 * and says what to do, so the figure can show a sentence instead of a stack trace.
 * Pure apart from the injected `fetch`: runs in a page, a worker and Node tests.
 */
import { decodeCheckpoint, type CheckpointMeta, type WeightSnapshot } from './snapshot.ts';
import { fetchFile } from '../engine/fetch-file.ts';

/** One checkpoint file, as listed in index.json: its meta plus where and how big. */
export interface CheckpointEntry extends CheckpointMeta {
  /** File name relative to the checkpoint folder. */
  file: string;
  /** Exact length in bytes. */
  bytes: number;
  /** SHA-256 of the file, hex, for people checking by hand (not verified in the browser). */
  sha256?: string;
  /** Number of weights (parameters) of the model. */
  params?: number;
}

export interface CheckpointIndex {
  version: 1;
  generatedBy: string;
  /** The data the models were trained and tested on. */
  data: string;
  checkpoints: CheckpointEntry[];
}

export const CHECKPOINT_INDEX_VERSION = 1 as const;

const REGENERATE = 'regenerate with npx tsx scripts/train-checkpoints.ts';

/** `<model>-seed<seed>-epoch<epoch>.ckpt`, the file name of a checkpoint. */
export function checkpointFileName(model: string, seed: number, epoch: number): string {
  return `${model}-seed${seed}-epoch${epoch}.ckpt`;
}

function folder(baseUrl: string): string {
  return baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
}

function get(doFetch: typeof fetch, url: string, name: string, signal?: AbortSignal): Promise<Response> {
  return fetchFile(doFetch, url, { kind: 'checkpoint file', name, remedy: REGENERATE, signal });
}

/** Checks the parsed index.json; throws a clear Error for anything we rely on that is missing. */
export function parseCheckpointIndex(json: unknown): CheckpointIndex {
  const bad = (why: string): never => {
    throw new Error(`checkpoint index.json is invalid (${why}) — ${REGENERATE}`);
  };
  if (typeof json !== 'object' || json === null) bad('not an object');
  const j = json as Partial<CheckpointIndex>;
  if (j.version !== CHECKPOINT_INDEX_VERSION) bad(`unknown version ${String(j.version)}`);
  if (!Array.isArray(j.checkpoints)) bad('no checkpoints list');
  j.checkpoints!.forEach((e, i) => {
    if (
      typeof e !== 'object' || e === null || typeof e.file !== 'string' || !/^[\w.-]+\.ckpt$/.test(e.file) ||
      !Number.isInteger(e.bytes) || typeof e.model !== 'string' || !Number.isInteger(e.seed) || !Number.isInteger(e.epoch)
    ) {
      bad(`entry ${i} lacks a valid file, bytes, model, seed or epoch`);
    }
  });
  return j as CheckpointIndex;
}

/** Fetches and checks `<baseUrl>/index.json` (e.g. baseUrl `/checkpoints/`). */
export async function loadCheckpointIndex(baseUrl: string, fetchImpl?: typeof fetch, signal?: AbortSignal): Promise<CheckpointIndex> {
  const doFetch = fetchImpl ?? globalThis.fetch.bind(globalThis);
  const url = `${folder(baseUrl)}index.json`;
  const res = await get(doFetch, url, 'index.json', signal);
  let json: unknown;
  try {
    json = await res.json();
  } catch {
    throw new Error(`checkpoint index.json at ${url} is not valid JSON — ${REGENERATE}`);
  }
  return parseCheckpointIndex(json);
}

/**
 * The entry of `model` and `seed` with the largest epoch not beyond `epoch`
 * (default: the last one), or null when there is none.
 */
export function pickCheckpoint(index: CheckpointIndex, model: string, seed: number, epoch = Infinity): CheckpointEntry | null {
  let best: CheckpointEntry | null = null;
  for (const e of index.checkpoints) {
    if (e.model === model && e.seed === seed && e.epoch <= epoch && (!best || e.epoch > best.epoch)) best = e;
  }
  return best;
}

/**
 * Fetches and decodes the checkpoint `entry` under `baseUrl`, checking it is
 * exactly the file the index lists (length, model, seed, epoch).
 */
export async function loadCheckpoint(
  baseUrl: string,
  entry: CheckpointEntry,
  fetchImpl?: typeof fetch,
  signal?: AbortSignal,
): Promise<{ meta: CheckpointMeta; snap: WeightSnapshot }> {
  const doFetch = fetchImpl ?? globalThis.fetch.bind(globalThis);
  const url = `${folder(baseUrl)}${entry.file}`;
  const res = await get(doFetch, url, entry.file, signal);
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (bytes.length < entry.bytes) {
    throw new Error(`checkpoint file ${entry.file} is truncated: got ${bytes.length} bytes, expected ${entry.bytes} — reload the page, or ${REGENERATE}`);
  }
  if (bytes.length > entry.bytes) {
    throw new Error(`checkpoint file ${entry.file} is too long: got ${bytes.length} bytes, expected ${entry.bytes} — ${REGENERATE}`);
  }
  let decoded: { meta: CheckpointMeta; snap: WeightSnapshot };
  try {
    decoded = decodeCheckpoint(bytes, `checkpoint file ${entry.file}`);
  } catch (e) {
    throw new Error(`${(e as Error).message} — ${REGENERATE}`);
  }
  const { meta } = decoded;
  if (meta.model !== entry.model || meta.seed !== entry.seed || meta.epoch !== entry.epoch) {
    throw new Error(
      `checkpoint file ${entry.file} holds ${meta.model} seed ${meta.seed} epoch ${meta.epoch}, ` +
        `but the index lists ${entry.model} seed ${entry.seed} epoch ${entry.epoch} — ${REGENERATE}`,
    );
  }
  return decoded;
}
