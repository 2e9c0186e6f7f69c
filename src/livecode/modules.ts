/**
 * What a listing may import. The sandbox has no module loader and no network: each
 * `import … from '…'` in a listing is resolved here, against modules bundled with the
 * sandbox worker. Listings in src/listings/ import the book's code by relative path
 * (`../models/mlp.ts`, so the type checker checks them); `book/models/mlp` names the
 * same module, for readers who write their own.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import * as explain from '../explain/index.ts';
import * as mlp from '../models/mlp.ts';
import * as cnn from '../models/cnn.ts';
import * as attention from '../models/attention.ts';
import * as lstm from '../models/lstm.ts';
import * as xor from '../data/xor.ts';
import * as toy2d from '../data/toy2d.ts';
import * as tabular from '../data/tabular.ts';
import * as sequences from '../data/sequences.ts';
import * as random from '../engine/random.ts';
import * as neuron from '../math/neuron.ts';
import * as lossCurves from '../math/loss-curves.ts';
import * as losses from '../train/losses.ts';
import * as metrics from '../train/metrics.ts';

/** The book's modules, by their path under src/ without the extension. */
const BOOK: Record<string, unknown> = {
  explain,
  'explain/index': explain,
  'models/mlp': mlp,
  'models/cnn': cnn,
  'models/attention': attention,
  'models/lstm': lstm,
  'data/xor': xor,
  'data/toy2d': toy2d,
  'data/tabular': tabular,
  'data/sequences': sequences,
  'engine/random': random,
  'math/neuron': neuron,
  'math/loss-curves': lossCurves,
  'train/losses': losses,
  'train/metrics': metrics,
};

const TFJS: Record<string, unknown> = {
  '@tensorflow/tfjs-core': tf,
  '@tensorflow/tfjs-layers': tfl,
  // The full bundle's namespace, for code pasted from elsewhere: tf.* and tf.layers.* together.
  '@tensorflow/tfjs': { ...tf, ...tfl },
};

export class ImportError extends Error {
  override name = 'ImportError';
}

/** Every specifier a listing may use, for the error message and the docs. */
export function importableModules(): string[] {
  return [...Object.keys(TFJS), ...Object.keys(BOOK).filter((k) => k !== 'explain/index').map((k) => `book/${k}`)];
}

/** `../models/mlp.ts`, `./explain/saliency.ts` or `book/models/mlp` → the module key. */
export function moduleKey(specifier: string): string {
  let s = specifier.trim();
  if (s in TFJS) return s;
  s = s.replace(/^book\//, '').replace(/^(\.\.?\/)+/, '').replace(/^src\//, '').replace(/\.(ts|js|mjs)$/, '');
  return s;
}

export function resolveModule(specifier: string): unknown {
  if (/^(https?|wss?|data|blob|ftp):/i.test(specifier) || specifier.startsWith('//')) {
    throw new ImportError(`Cannot import "${specifier}": listings cannot load code from the network.`);
  }
  const key = moduleKey(specifier);
  if (key in TFJS) return TFJS[key];
  if (key in BOOK) return BOOK[key];
  // Any single explainer file (explain/saliency) is re-exported by explain/index.
  if (key.startsWith('explain/')) return explain;
  throw new ImportError(`Cannot import "${specifier}". A listing can import: ${importableModules().join(', ')}.`);
}
