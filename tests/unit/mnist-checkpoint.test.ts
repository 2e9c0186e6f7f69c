/**
 * The MNIST + checkpoint loading shared by the attribution, digit-SHAP and image-LIME
 * workers, on the committed files (public/generated/mnist, public/checkpoints) served
 * by a fetch that reads the disk and counts requests.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { mnistCheckpoints } from '../../src/worker/mnist-checkpoint.ts';
import { DataError } from '../../src/worker/session-host.ts';
import { CHECKPOINT_SEED } from '../../src/figures/attribution/session.ts';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const MNIST_DIR = join(ROOT, 'public', 'generated', 'mnist');
const CKPT_DIR = join(ROOT, 'public', 'checkpoints');

/** Serves /m/<file> from MNIST_DIR and /c/<file> from CKPT_DIR; `broken` names answer 404. */
function diskFetch(requests: string[], broken = new Set<string>()): typeof fetch {
  return (async (url: string | URL | Request) => {
    const u = String(url);
    requests.push(u);
    const name = u.split('/').pop()!;
    const path = join(u.startsWith('/m/') ? MNIST_DIR : CKPT_DIR, name);
    return existsSync(path) && !broken.has(name) ? new Response(new Uint8Array(readFileSync(path))) : new Response('', { status: 404 });
  }) as typeof fetch;
}

describe.skipIf(!existsSync(join(MNIST_DIR, 'manifest.json')))('mnistCheckpoints', () => {
  it('downloads the digits once, with progress up to the whole download', async () => {
    const requests: string[] = [];
    const data = mnistCheckpoints({ mnistUrl: '/m/', checkpointsUrl: '/c/', fetch: diskFetch(requests) });
    const fractions: number[] = [];
    const messages: string[] = [];
    const a = await data.mnist((f, m) => (fractions.push(f), messages.push(m)));
    const n = requests.length;
    const b = await data.mnist(() => {});
    expect(b).toBe(a);
    expect(requests.length).toBe(n);
    expect(a.test.count).toBeGreaterThan(0);
    expect(fractions.at(-1)).toBeCloseTo(1, 6);
    expect(messages.at(-1)).toMatch(/^downloading MNIST \(\d+\.\d of \d+\.\d MB\)$/);
  });

  it('a failed download is a DataError for the reader, and the next call tries again', async () => {
    const requests: string[] = [];
    const broken = new Set(['test-images.u8']);
    const data = mnistCheckpoints({ mnistUrl: '/m/', checkpointsUrl: '/c/', fetch: diskFetch(requests, broken) });
    const error = await data.mnist(() => {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    expect((error as Error).message).toMatch(/test-images\.u8/);
    broken.clear();
    await expect(data.mnist(() => {})).resolves.toHaveProperty('test');
  });

  it('loads the checkpoint of the model and epoch asked for, fetching the index once', async () => {
    const requests: string[] = [];
    const data = mnistCheckpoints({ mnistUrl: '/m/', checkpointsUrl: '/c/', fetch: diskFetch(requests) });
    const one = await data.checkpoints('fast-cnn', 1);
    const two = await data.checkpoints('fast-cnn', 2);
    expect([one.meta.model, one.meta.seed, one.meta.epoch]).toEqual(['fast-cnn', CHECKPOINT_SEED, 1]);
    expect(two.meta.epoch).toBe(2);
    expect(requests.filter((u) => u.endsWith('index.json'))).toHaveLength(1);
  });

  it('an epoch with no checkpoint is a DataError with the sentence the figure chose', async () => {
    const plain = mnistCheckpoints({ mnistUrl: '/m/', checkpointsUrl: '/c/', fetch: diskFetch([]) });
    const e1 = await plain.checkpoints('fast-cnn', 4).catch((e: unknown) => e);
    expect(e1).toBeInstanceOf(DataError);
    expect((e1 as Error).message).toBe('there is no pre-trained checkpoint for epoch 4');
    const named = mnistCheckpoints({
      mnistUrl: '/m/',
      checkpointsUrl: '/c/',
      fetch: diskFetch([]),
      missing: (model, epoch) => `there is no pre-trained ${model} checkpoint for epoch ${epoch}`,
    });
    await expect(named.checkpoints('documents-cnn', 10)).rejects.toThrow('there is no pre-trained documents-cnn checkpoint for epoch 10');
  });

  it('a missing index is a DataError, and the index is fetched again next time', async () => {
    const requests: string[] = [];
    const broken = new Set(['index.json']);
    const data = mnistCheckpoints({ mnistUrl: '/m/', checkpointsUrl: '/c/', fetch: diskFetch(requests, broken) });
    await expect(data.checkpoints('fast-cnn', 1)).rejects.toBeInstanceOf(DataError);
    broken.clear();
    await expect(data.checkpoints('fast-cnn', 1)).resolves.toHaveProperty('meta.epoch', 1);
    expect(requests.filter((u) => u.endsWith('index.json'))).toHaveLength(2);
  });
});
