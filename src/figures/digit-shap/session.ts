/**
 * Per-superpixel SHAP of one MNIST digit, with no DOM. The fast CNN, its
 * checkpoints, its data and its optional further training are the attribution
 * figure's session (composed, not copied); this session adds the explanation: the
 * digit is cut into superpixels, a coalition z ∈ {0,1}^K keeps the superpixels with
 * z_k = 1 and replaces the others by the background image, and KernelSHAP assigns
 * each superpixel its share φ_k of p(predicted class | digit) − p(… | background).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Mnist } from '../../data/mnist/load.ts';
import { countSegments, gridSegments, slicSegments } from '../../explain/segmentation.ts';
import { kernelShap } from '../../explain/kernel-shap.ts';
import { modelPredict } from '../../explain/model-graph.ts';
import type { EpochReport, RunHooks } from '../../train/trainer.ts';
import type { FigureSession } from '../../worker/session-host.ts';
import { AttributionSession, type CheckpointSource } from '../attribution/session.ts';
import { attributionSchema } from '../attribution/state.ts';
import { SIZE } from '../attribution/grid.ts';
import { defaults } from '../../state/url-state.ts';
import type { DigitShapSelection, DigitShapState } from './state.ts';
import type { Progress } from '../../i18n/worker-messages.ts';

const CLASSES = 10;
/** Grid cell side: 28 / 7 = 4 cells a side, 16 superpixels. */
export const GRID_CELL = 7;
export const SLIC_SEGMENTS = 16;
/** Images per model call while scoring coalitions (keeps the CNN's activations small). */
const BATCH = 256;

export interface DigitShapView {
  epoch: number;
  checkpoint: number;
  digit: { index: number; label: number; pixels: Float32Array; probabilities: Float32Array };
  predicted: number;
  /** Segment id per pixel (28×28), and the number of segments K. */
  segments: Int32Array;
  k: number;
  /** φ_k per superpixel; the map paints each pixel with its superpixel's φ. */
  phi: Float64Array;
  map: Float32Array;
  fx: number;
  baseValue: number;
  coalitions: number;
  exact: boolean;
  ms: number;
  /** The options this view was computed with. */
  segmentation: DigitShapSelection['segmentation'];
  background: DigitShapSelection['background'];
}

export function segmentsFor(kind: DigitShapSelection['segmentation'], pixels: Float32Array): Int32Array {
  return kind === 'grid' ? gridSegments(SIZE, SIZE, GRID_CELL) : slicSegments(pixels, SIZE, SIZE, { nSegments: SLIC_SEGMENTS });
}

export class DigitShapSession implements FigureSession<DigitShapView, DigitShapSelection> {
  private readonly meanDigit: Float32Array;

  private constructor(
    private readonly inner: AttributionSession,
    private readonly data: Mnist,
  ) {
    const n = data.train.count;
    const mean = new Float32Array(SIZE * SIZE);
    for (let i = 0; i < n; i++) for (let p = 0; p < mean.length; p++) mean[p]! += data.train.images[i * mean.length + p]!;
    this.meanDigit = mean.map((v) => v / n);
  }

  static async create(state: DigitShapState, data: Mnist, source: CheckpointSource, progress: Progress = () => {}): Promise<DigitShapSession> {
    const inner = await AttributionSession.create({ ...defaults(attributionSchema), ckpt: state.ckpt, more: state.more, epoch: state.epoch }, data, source, progress);
    return new DigitShapSession(inner, data);
  }

  get epoch(): number {
    return this.inner.epoch;
  }

  get epochs(): number {
    return this.inner.epochs;
  }

  trainEpoch(hooks: RunHooks = {}): Promise<EpochReport | null> {
    return this.inner.trainEpoch(hooks);
  }

  loadCheckpoint(epoch: number, progress: Progress): Promise<void> {
    return this.inner.loadCheckpoint(epoch, progress);
  }

  async view(sel: DigitShapSelection): Promise<DigitShapView> {
    const test = this.data.test;
    if (!Number.isInteger(sel.digit) || sel.digit < 0 || sel.digit >= test.count) {
      throw new RangeError(`digit must be a test index from 0 to ${test.count - 1}; got ${sel.digit}`);
    }
    const pixels = test.images.slice(sel.digit * SIZE * SIZE, (sel.digit + 1) * SIZE * SIZE);
    const base = sel.background === 'mean' ? this.meanDigit : new Float32Array(SIZE * SIZE);
    const segments = segmentsFor(sel.segmentation, pixels);
    const k = countSegments(segments);
    const cnn = modelPredict(this.inner.model);
    const probsT = tf.tidy(() => cnn(tf.tensor4d(pixels, [1, SIZE, SIZE, 1])));
    const probabilities = Float32Array.from((await probsT.data()) as Float32Array);
    probsT.dispose();
    let predicted = 0;
    for (let c = 1; c < CLASSES; c++) if (probabilities[c]! > probabilities[predicted]!) predicted = c;

    // One-hot segment matrix [K, 784]; a coalition z [n, K] becomes the image
    // base + (zS) ⊙ (x − base).
    const onehot = new Float32Array(k * SIZE * SIZE);
    segments.forEach((s, p) => (onehot[s * SIZE * SIZE + p] = 1));
    const S = tf.tensor2d(onehot, [k, SIZE * SIZE]);
    const baseT = tf.tensor2d(base, [1, SIZE * SIZE]);
    const diff = tf.tensor2d(pixels.map((v, p) => v - base[p]!), [1, SIZE * SIZE]);
    const predict = (z: tf.Tensor) =>
      tf.tidy(() => cnn(tf.reshape(tf.add(baseT, tf.mul(tf.matMul(z as tf.Tensor2D, S), diff)), [-1, SIZE, SIZE, 1])));
    try {
      const t = performance.now();
      // A superpixel identical to the background (no ink on black) is a dummy player:
      // its instance value 0 equals the background's, so KernelSHAP leaves it out and
      // gives it exactly φ = 0, as the dummy axiom demands (and shap does for tabular data).
      const present = new Array<number>(k).fill(0);
      segments.forEach((seg, p) => {
        if (pixels[p] !== base[p]) present[seg] = 1;
      });
      const r = await kernelShap(predict, present, [new Array<number>(k).fill(0)], {
        target: predicted, nsamples: sel.nsamples, seed: sel.seed, batchSize: BATCH,
      });
      const ms = performance.now() - t;
      const map = Float32Array.from(segments, (s) => r.values[s]!);
      return {
        epoch: this.epoch,
        checkpoint: Number(this.inner.state.ckpt),
        digit: { index: sel.digit, label: test.labels[sel.digit]!, pixels, probabilities },
        predicted,
        segments,
        k,
        phi: r.values,
        map,
        fx: r.fx,
        baseValue: r.baseValue,
        coalitions: r.coalitions,
        exact: r.exact,
        ms,
        segmentation: sel.segmentation,
        background: sel.background,
      };
    } finally {
      tf.dispose([S, baseT, diff]);
    }
  }

  dispose(): void {
    this.inner.dispose();
  }
}
