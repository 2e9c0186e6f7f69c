/**
 * Loads TF.js inside a figure's worker and starts the best backend for its workload.
 * Each backend's code is a separate chunk, fetched only if that backend is tried,
 * so a reader on the CPU never downloads the WebGL or WebGPU kernels.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';
// Gradients of every op, as the full @tensorflow/tfjs bundle registers them.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { chooseBackend, type BackendName, type Capabilities, type Workload } from './choose-backend.ts';
import { reasonOf, said, SaidError, type Said } from '../i18n/worker-messages.ts';

export interface LoadedTf {
  backend: BackendName;
  reason: string;
  notices: string[];
  /** `reason` and `notices` as catalogue keys, for the page to translate. */
  reasonSaid?: Said;
  noticesSaid: Said[];
}

const registrars: Record<BackendName, () => Promise<unknown>> = {
  cpu: async () => {
    await import('@tensorflow/tfjs-backend-cpu');
    // A bit-identical, ~20× faster convolution-gradient kernel: CNNs become trainable on the CPU.
    (await import('../engine/cpu-fast-kernels.ts')).registerFastCpuKernels();
  },
  webgl: () => import('@tensorflow/tfjs-backend-webgl'),
  webgpu: () => import('@tensorflow/tfjs-backend-webgpu'),
  wasm: async () => {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    // The .wasm binaries are copied into the site at build time: no CDN.
    wasm.setWasmPaths(new URL(`${import.meta.env.BASE_URL}generated/tfjs-wasm/`.replace('//', '/'), self.location.origin).href);
  },
};

export async function probeCapabilities(): Promise<Capabilities> {
  let webgpu: Capabilities['webgpu'] = 'none';
  try {
    // Typed loosely: `info.isFallbackAdapter` is newer than the bundled WebGPU types.
    const gpu = (navigator as unknown as { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
    const adapter = (gpu ? await gpu.requestAdapter() : null) as GPUAdapterLike | null;
    if (adapter) webgpu = adapter.info?.isFallbackAdapter || adapter.isFallbackAdapter ? 'software' : 'hardware';
  } catch {
    webgpu = 'none';
  }
  let webgl = false;
  try {
    webgl = typeof OffscreenCanvas !== 'undefined' && new OffscreenCanvas(1, 1).getContext('webgl2') !== null;
  } catch {
    webgl = false;
  }
  return { webgpu, webgl, wasm: typeof WebAssembly === 'object' };
}

interface GPUAdapterLike {
  isFallbackAdapter?: boolean;
  info?: { isFallbackAdapter?: boolean };
}

export async function loadTf(workload: Workload, requested: string | null): Promise<LoadedTf> {
  // A tiny model runs on the CPU unless the link asks otherwise: no need to probe GPUs.
  const caps = workload === 'tiny' && !requested ? { webgpu: 'none' as const, webgl: false, wasm: false } : await probeCapabilities();
  const choice = chooseBackend(caps, workload, requested);
  const noticesSaid = choice.noticeSaid ? [choice.noticeSaid] : [];
  const done = (backend: BackendName, reasonSaid?: Said): LoadedTf => ({
    backend,
    reason: reasonSaid?.text ?? choice.reason,
    reasonSaid,
    notices: noticesSaid.map((n) => n.text),
    noticesSaid,
  });
  for (const name of choice.order) {
    try {
      await registrars[name]();
      if (await tf.setBackend(name)) {
        await tf.ready();
        return done(name, name === choice.order[0] ? choice.reasonSaid : said('worker.reason.fallback', { backend: choice.order[0]! }));
      }
      noticesSaid.push(said('worker.backendNotStarted', { backend: name }));
    } catch (error) {
      noticesSaid.push(said('worker.backendFailed', { backend: name, reason: reasonOf(error) }));
    }
  }
  throw new SaidError(said('worker.noBackend'));
}
