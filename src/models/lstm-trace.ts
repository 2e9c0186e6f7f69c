/**
 * Replays an LSTM layer step by step from its own weights and returns what TF.js
 * keeps hidden: the gates. TF.js's LSTM layer outputs h_t (with returnSequences) but
 * never the input, forget and output gates or the cell state, so we recompute them:
 *
 *   z_t = x_t W + h_{t-1} U + b            W: [F, 4U], U: [U, 4U], b: [4U]
 *   [z_i | z_f | z_g | z_o] = z_t           tfjs's (and Keras's) gate order: i, f, c, o
 *   i_t = σ(z_i), f_t = σ(z_f), o_t = σ(z_o), g_t = tanh(z_g)
 *   c_t = f_t ⊙ c_{t-1} + i_t ⊙ g_t,        h_t = o_t ⊙ tanh(c_t)
 *
 * σ is the layer's recurrent activation (sigmoid in this book, hard sigmoid in
 * tfjs's default). Plain JS on one sequence (a few hundred thousand multiply-adds):
 * no tensors are created, so nothing can leak, and the numbers go straight to views.
 */
import type * as tfl from '@tensorflow/tfjs-layers';

export interface LstmTrace {
  steps: number;
  units: number;
  /** Each a row-major steps × units array: row t is the value after reading x_t. */
  h: Float32Array;
  c: Float32Array;
  /** Input gate i_t. */
  i: Float32Array;
  /** Forget gate f_t. */
  f: Float32Array;
  /** Output gate o_t. */
  o: Float32Array;
  /** Candidate cell value g_t = tanh(z_g) (c̃_t). */
  g: Float32Array;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
// tfjs's hard sigmoid: clip(0.2 z + 0.5, 0, 1).
const hardSigmoid = (z: number) => Math.max(0, Math.min(1, 0.2 * z + 0.5));

function gateFunction(name: unknown): (z: number) => number {
  if (name === 'sigmoid') return sigmoid;
  if (name === 'hardSigmoid' || name === 'hard_sigmoid') return hardSigmoid;
  throw new Error(`traceLstm: unsupported recurrent activation ${String(name)}`);
}

/**
 * Runs `layer` (a built tfjs LSTM layer, zero initial state) over one sequence
 * `x` (row-major steps × features) and returns h, c and the gates at every step.
 */
export async function traceLstm(layer: tfl.layers.Layer, x: ArrayLike<number>, steps: number): Promise<LstmTrace> {
  const config = layer.getConfig();
  if (config.activation !== 'tanh') throw new Error(`traceLstm: unsupported activation ${String(config.activation)}`);
  if (config.useBias === false) throw new Error('traceLstm: layers without a bias are not supported');
  const gate = gateFunction(config.recurrentActivation);
  const [kernelT, recurrentT, biasT] = layer.getWeights();
  if (!kernelT || !recurrentT || !biasT) throw new Error(`traceLstm: layer ${layer.name} is not a built LSTM`);
  const [features, fourU] = kernelT.shape as [number, number];
  const units = fourU / 4;
  if (x.length !== steps * features) throw new RangeError(`traceLstm: x has ${x.length} values, expected ${steps}×${features}`);
  const [W, U, b] = await Promise.all([kernelT.data(), recurrentT.data(), biasT.data()]);

  const out = () => new Float32Array(steps * units);
  const trace: LstmTrace = { steps, units, h: out(), c: out(), i: out(), f: out(), o: out(), g: out() };
  let hPrev = new Float64Array(units);
  let cPrev = new Float64Array(units);
  const z = new Float64Array(fourU);
  for (let t = 0; t < steps; t++) {
    z.set(b);
    for (let k = 0; k < features; k++) {
      const xv = x[t * features + k]!;
      if (xv === 0) continue; // one-hot inputs: most rows contribute nothing
      const row = k * fourU;
      for (let j = 0; j < fourU; j++) z[j]! += xv * W[row + j]!;
    }
    for (let k = 0; k < units; k++) {
      const hv = hPrev[k]!;
      const row = k * fourU;
      for (let j = 0; j < fourU; j++) z[j]! += hv * U[row + j]!;
    }
    const h = new Float64Array(units);
    const c = new Float64Array(units);
    for (let u = 0; u < units; u++) {
      const ig = gate(z[u]!);
      const fg = gate(z[units + u]!);
      const gg = Math.tanh(z[2 * units + u]!);
      const og = gate(z[3 * units + u]!);
      c[u] = fg * cPrev[u]! + ig * gg;
      h[u] = og * Math.tanh(c[u]!);
      const at = t * units + u;
      trace.i[at] = ig;
      trace.f[at] = fg;
      trace.g[at] = gg;
      trace.o[at] = og;
      trace.c[at] = c[u]!;
      trace.h[at] = h[u]!;
    }
    hPrev = h;
    cPrev = c;
  }
  return trace;
}
