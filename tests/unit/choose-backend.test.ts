import { describe, expect, it } from 'vitest';
import { chooseBackend, type Capabilities } from '../../src/tf/choose-backend.ts';

const swiftshader: Capabilities = { webgpu: 'software', webgl: true, wasm: true };
const gpuLaptop: Capabilities = { webgpu: 'hardware', webgl: true, wasm: true };
const oldPhone: Capabilities = { webgpu: 'none', webgl: false, wasm: true };

describe('backend choice', () => {
  it('trains tiny models on the CPU, where dispatch overhead does not dominate', () => {
    expect(chooseBackend(gpuLaptop, 'tiny').order[0]).toBe('cpu');
  });

  it('prefers hardware WebGPU, then WebGL, for heavy models', () => {
    expect(chooseBackend(gpuLaptop, 'heavy').order).toEqual(['webgpu', 'webgl', 'cpu', 'wasm']);
  });

  it('never prefers a software WebGPU adapter over WebGL', () => {
    const { order } = chooseBackend(swiftshader, 'heavy');
    expect(order.indexOf('webgl')).toBeLessThan(order.indexOf('webgpu'));
    expect(order[0]).toBe('webgl');
  });

  it('trains on the CPU without a GPU: the WASM backend lacks convolution gradients', () => {
    expect(chooseBackend(oldPhone, 'heavy').order[0]).toBe('cpu');
  });

  it('honours ?backend= when available, and explains when it is not', () => {
    expect(chooseBackend(swiftshader, 'tiny', 'webgpu').order[0]).toBe('webgpu');
    const c = chooseBackend(oldPhone, 'heavy', 'webgpu');
    expect(c.order[0]).toBe('cpu');
    expect(c.notice).toMatch(/webgpu is not available/);
    expect(chooseBackend(oldPhone, 'heavy', '<script>').notice).toMatch(/Unknown backend/);
  });
});
