/**
 * TF.js for Node tests and scripts: the pure-JS CPU backend, the same kernels the
 * browser's `cpu` backend runs, so a unit test checks the code a reader's page runs.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
// Chained ops (t.add(...)) as in the full @tensorflow/tfjs bundle.
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';
// Gradients of every op, as the full @tensorflow/tfjs bundle registers them.
import '@tensorflow/tfjs-core/dist/register_all_gradients';

import { registerFastCpuKernels } from './cpu-fast-kernels.ts';

let ready: Promise<typeof tf> | null = null;

export function tfCpu(): Promise<typeof tf> {
  // Same fast convolution-gradient kernel as the page's cpu backend (bit-identical results).
  registerFastCpuKernels();
  ready ??= tf.setBackend('cpu').then(() => tf);
  return ready;
}
