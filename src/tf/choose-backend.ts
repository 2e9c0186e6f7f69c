/**
 * Which TF.js backend a figure trains on. Pure, so the rules are tested in Node.
 *
 * The fastest backend depends on the model. Measured here (2 cores, SwiftShader):
 * XOR for 200 epochs takes 0.3 s on cpu, 3 s on webgl and 6 s on webgpu, because a
 * tiny model is all dispatch overhead; a CNN trains 3× faster on webgl than on cpu.
 * So tiny models use the CPU, heavy ones the best GPU backend. A software WebGPU
 * adapter (`isFallbackAdapter`) is never preferred over WebGL: it is ~3× slower.
 */
import { said, type Said } from '../i18n/worker-messages.ts';

export const BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKENDS)[number];

/** What the browser offers, probed once per worker. */
export interface Capabilities {
  webgpu: 'hardware' | 'software' | 'none';
  webgl: boolean;
  wasm: boolean;
}

/** How much arithmetic a figure's model does per dispatched kernel. */
export type Workload = 'tiny' | 'heavy';

export interface BackendChoice {
  /** Backends to try, best first; the loader falls through if one fails to start. */
  order: BackendName[];
  reason: string;
  /** A sentence for the reader when their `?backend=` could not be honoured. */
  notice?: string;
  /** `reason` and `notice` as catalogue keys, for the page to translate. */
  reasonSaid?: Said;
  noticeSaid?: Said;
}

export function isBackendName(x: string | null | undefined): x is BackendName {
  return (BACKENDS as readonly string[]).includes(x ?? '');
}

function available(cap: Capabilities, name: BackendName): boolean {
  if (name === 'webgpu') return cap.webgpu !== 'none';
  if (name === 'webgl') return cap.webgl;
  if (name === 'wasm') return cap.wasm;
  return true;
}

export function chooseBackend(cap: Capabilities, workload: Workload, requested?: string | null): BackendChoice {
  const auto = autoOrder(cap, workload);
  if (requested == null || requested === '' || requested === 'auto') return auto;
  if (!isBackendName(requested)) return withNotice(auto, said('worker.unknownBackend', { requested: requested.slice(0, 20), backend: auto.order[0]! }));
  if (!available(cap, requested)) return withNotice(auto, said('worker.backendUnavailable', { requested, backend: auto.order[0]! }));
  return { order: [requested, ...auto.order.filter((b) => b !== requested)], ...reason(said('worker.reason.link')) };
}

const reason = (s: Said) => ({ reason: s.text, reasonSaid: s });
const withNotice = (choice: BackendChoice, s: Said): BackendChoice => ({ ...choice, notice: s.text, noticeSaid: s });

function autoOrder(cap: Capabilities, workload: Workload): BackendChoice {
  if (workload === 'tiny') {
    return { order: ['cpu'], ...reason(said('worker.reason.tiny')) };
  }
  const order: BackendName[] = [];
  if (cap.webgpu === 'hardware') order.push('webgpu');
  if (cap.webgl) order.push('webgl');
  if (cap.webgpu === 'software') order.push('webgpu');
  // TF.js's WASM backend has no convolution-gradient kernels, so it cannot train a CNN;
  // the CPU backend (with our fast Conv2DBackpropFilter) can.
  order.push('cpu');
  if (cap.wasm) order.push('wasm');
  const why =
    order[0] === 'webgpu' ? (cap.webgpu === 'hardware' ? 'worker.reason.webgpu' : 'worker.reason.softwareWebgpu') : order[0] === 'webgl' ? 'worker.reason.webgl' : 'worker.reason.cpu';
  return { order, ...reason(said(why)) };
}
