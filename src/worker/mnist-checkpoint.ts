/**
 * The MNIST digits and the pre-trained checkpoints, as the figures that explain a
 * trained CNN load them in their workers (attribution, digit SHAP, image LIME): each
 * downloaded once per worker, with progress, and every failure turned into a
 * DataError (a sentence for the reader) that a later reset may retry.
 */
import { loadMnist, type Mnist } from '../data/mnist/load.ts';
import { loadCheckpoint, loadCheckpointIndex, pickCheckpoint, type CheckpointIndex } from '../train/checkpoints.ts';
import { CHECKPOINT_SEED, type CheckpointSource } from '../figures/attribution/session.ts';
import { DataError } from './session-host.ts';

export type Progress = (fraction: number, message: string) => void;

/** A folder of the site, under its base path (works when the book is served from a sub-path). */
export function siteFolder(dir: string): string {
  return new URL(`${import.meta.env.BASE_URL}${dir}/`.replace(/\/+/g, '/'), self.location.origin).href;
}

export interface MnistCheckpointOptions {
  mnistUrl: string;
  checkpointsUrl: string;
  /** The sentence when the index has no checkpoint of `model` at exactly `epoch`. */
  missing?: (model: string, epoch: number) => string;
  /** Injected fetch (unit tests); defaults to the global one. */
  fetch?: typeof fetch;
}

export interface MnistCheckpoints {
  /** The digits, downloaded once; a failed download is retried on the next call. */
  mnist(progress: Progress): Promise<Mnist>;
  /** Checkpoints of seed CHECKPOINT_SEED, the index fetched once. */
  checkpoints: CheckpointSource;
}

const asDataError = (error: unknown) => new DataError(error instanceof Error ? error.message : String(error));

export function mnistCheckpoints(opts: MnistCheckpointOptions): MnistCheckpoints {
  const missing = opts.missing ?? ((_model: string, epoch: number) => `there is no pre-trained checkpoint for epoch ${epoch}`);
  let data: Promise<Mnist> | null = null;
  let index: Promise<CheckpointIndex> | null = null;

  const mnist = (progress: Progress): Promise<Mnist> => {
    data ??= loadMnist(opts.mnistUrl, {
      fetch: opts.fetch,
      onProgress: ({ received, total }) => progress(total ? received / total : 0, `downloading MNIST (${(received / 1e6).toFixed(1)} of ${(total / 1e6).toFixed(1)} MB)`),
    }).catch((error: unknown) => {
      data = null; // let a later reset try again
      throw asDataError(error);
    });
    return data;
  };

  const checkpoints: CheckpointSource = async (model, epoch) => {
    try {
      index ??= loadCheckpointIndex(opts.checkpointsUrl, opts.fetch).catch((e: unknown) => {
        index = null;
        throw e;
      });
      const entry = pickCheckpoint(await index, model, CHECKPOINT_SEED, epoch);
      if (!entry || entry.epoch !== epoch) throw new Error(missing(model, epoch));
      return await loadCheckpoint(opts.checkpointsUrl, entry, opts.fetch);
    } catch (error) {
      throw asDataError(error);
    }
  };

  return { mnist, checkpoints };
}
