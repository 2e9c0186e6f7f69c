/**
 * What the MNIST figures' workers share: the digits, downloaded once per worker with
 * progress, and pre-trained checkpoints from public/checkpoints/. Failures become
 * DataErrors with a translatable sentence (src/i18n/worker-messages.ts); the technical
 * detail (which file, what to rebuild) stays in English as its `reason`.
 */
import { DataError } from './session-host.ts';
import { loadMnist, type Mnist } from '../data/mnist/load.ts';
import { loadCheckpoint, loadCheckpointIndex, pickCheckpoint, type CheckpointEntry, type CheckpointIndex } from '../train/checkpoints.ts';
import { mnistProgress, reasonOf, said, type Progress } from '../i18n/worker-messages.ts';

/** A folder under the site's base path (works when the book is served from a sub-path). */
export const siteUrl = (dir: string): string => new URL(`${import.meta.env.BASE_URL}${dir}/`.replace(/\/+/g, '/'), self.location.origin).href;

let data: Promise<Mnist> | null = null;
let index: Promise<CheckpointIndex> | null = null;

/** The MNIST digits, downloaded on first use; a failed download is retried by a later call. */
export function mnist(progress: Progress): Promise<Mnist> {
  data ??= loadMnist(siteUrl('generated/mnist'), { onProgress: mnistProgress(progress) }).catch((error: unknown) => {
    data = null; // let a later reset try again
    throw new DataError(said('worker.mnistFailed', { reason: reasonOf(error) }));
  });
  return data;
}

/** The checkpoint index, fetched once. */
export function checkpointIndex(): Promise<CheckpointIndex> {
  index ??= loadCheckpointIndex(siteUrl('checkpoints')).catch((error: unknown) => {
    index = null;
    throw new DataError(said('worker.checkpointFailed', { reason: reasonOf(error) }));
  });
  return index;
}

/** The `model` checkpoint of `seed` trained for exactly `epoch` epochs. */
export async function checkpoint(model: string, seed: number, epoch: number) {
  const entry = pickCheckpoint(await checkpointIndex(), model, seed, epoch);
  if (!entry || entry.epoch !== epoch) throw new DataError(said('worker.noCheckpoint', { model, epoch }));
  return loadEntry(entry);
}

/** Downloads one checkpoint of the index. */
export async function loadEntry(entry: CheckpointEntry) {
  try {
    return await loadCheckpoint(siteUrl('checkpoints'), entry);
  } catch (error) {
    throw new DataError(said('worker.checkpointFailed', { reason: reasonOf(error) }));
  }
}
