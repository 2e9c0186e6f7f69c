/**
 * Noticing that the GPU took TF.js's WebGL context away. A browser may do so at any
 * time (a driver reset, too many contexts on the page, a laptop switching GPUs); every
 * tensor on the GPU is then gone and further kernels fail or return garbage. The
 * session host stops, says so, and the page restarts the figure on the CPU.
 */
import * as tf from '@tensorflow/tfjs-core';

type GL = WebGLRenderingContext | WebGL2RenderingContext;

export interface ContextWatch {
  /** True once the context is lost (the event fired, or the context says so). */
  lost(): boolean;
}

const NEVER: ContextWatch = { lost: () => false };

/** TF.js's own WebGL context, when the active backend is webgl. */
function tfWebGLContext(): GL | null {
  if (tf.getBackend() !== 'webgl') return null;
  const backend = tf.backend() as unknown as { gpgpu?: { gl?: GL } };
  return backend.gpgpu?.gl ?? null;
}

/**
 * Calls `onLost` once if the active backend's WebGL context is lost. Also installs
 * `self.__loseWebGLContext()`, which loses that context on purpose through
 * WEBGL_lose_context, the way the end-to-end test (tests/e2e/webgl-context.spec.ts)
 * exercises this path; it touches nothing outside this worker's own context.
 */
export function watchWebGLContext(onLost: () => void): ContextWatch {
  const gl = tfWebGLContext();
  if (!gl) return NEVER;
  let fired = false;
  const fire = () => {
    if (fired) return;
    fired = true;
    onLost();
  };
  const canvas = gl.canvas as unknown as EventTarget;
  canvas.addEventListener?.('webglcontextlost', fire);
  (self as unknown as { __loseWebGLContext?: () => boolean }).__loseWebGLContext = () => {
    const ext = gl.getExtension('WEBGL_lose_context');
    if (!ext) return false;
    ext.loseContext();
    return true;
  };
  return { lost: () => fired || gl.isContextLost() };
}
