/**
 * The Clever Hans figure's compute, with no DOM: an MLP learns MNIST digits from
 * training data in which every image of one class carries a small bright square
 * (src/figures/clever-hans/marker.ts). After each epoch it measures what the shortcut
 * did — accuracy on test data marked like the training data, on clean test data, the
 * marked class's recall with and without the square, and how often the square alone
 * turns other digits into that class — and explains one test digit with saliency and
 * gradient × input, reporting how much of each map falls inside the square.
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { Mnist, MnistSplit } from '../../data/mnist/load.ts';
import { buildMlp } from '../../models/mlp.ts';
import { Trainer, type EpochReport, type RunHooks } from '../../train/trainer.ts';
import { saliency } from '../../explain/saliency.ts';
import { gradientTimesInput } from '../../explain/gradient-times-input.ts';
import { modelPredict } from '../../explain/model-graph.ts';
import type { FigureSession } from '../../worker/session-host.ts';
import { PIXELS, markerMask, markerShare, plantMarkers, withMarker, type Corner, type MarkerSpec } from './marker.ts';
import type { CleverHansSelection, CleverHansState } from './state.ts';

const CLASSES = 10;
const HIDDEN = 64;
const CHUNK = 500;

export interface ShortcutMetrics {
  /** Accuracy on test digits marked as in training (every image of the target class). */
  markedAccuracy: number;
  /** Accuracy on the clean test digits. */
  cleanAccuracy: number;
  /** Recall of the target class with and without the marker. */
  recallMarked: number;
  recallClean: number;
  /** Share of non-target test digits predicted as the target once the marker is added. */
  flipRate: number;
  /** Same share on the clean digits (the baseline the flips compare with). */
  cleanFalseRate: number;
}

export interface DigitExplanation {
  index: number;
  label: number;
  marked: boolean;
  /** The 784 pixels the model saw. */
  pixels: Float32Array;
  probabilities: Float32Array;
  predicted: number;
  /** The class explained: the predicted one. */
  explained: number;
  /** |∂y_c/∂x| (Simonyan et al., 2014). */
  saliency: Float32Array;
  /** x ⊙ ∂y_c/∂x. */
  gradientTimesInput: Float32Array;
  /** Σ_box |s| / Σ |s| for each map. */
  saliencyShare: number;
  gxiShare: number;
  /** How many of the k most salient pixels (k = marker area) lie in the marker. */
  topHits: number;
}

export interface CleverHansView {
  epoch: number;
  target: number;
  /** 1 inside the marker (784 values), for the outline. */
  mask: Uint8Array;
  /** Marker area / image area. */
  areaShare: number;
  /** Pixels whose first-layer weights are not all zero (784 without the group lasso). */
  pixelsUsed: number;
  metrics: ShortcutMetrics;
  digit: DigitExplanation;
}

/** `n` images spread evenly over a split, so every digit is represented. */
export function evenSample(split: MnistSplit, n: number): { images: Float32Array; labels: Uint8Array; count: number } {
  const count = Math.min(n, split.count);
  const images = new Float32Array(count * PIXELS);
  const labels = new Uint8Array(count);
  for (let k = 0; k < count; k++) {
    const j = Math.floor((k * split.count) / count);
    images.set(split.images.subarray(j * PIXELS, (j + 1) * PIXELS), k * PIXELS);
    labels[k] = split.labels[j]!;
  }
  return { images, labels, count };
}

export function markerOf(state: CleverHansState): MarkerSpec {
  return { corner: state.corner as Corner, size: 3, margin: 1 };
}

export class CleverHansSession implements FigureSession<CleverHansView, CleverHansSelection> {
  readonly model: tfl.Sequential;
  readonly trainer: Trainer;
  readonly spec: MarkerSpec;
  private readonly x: tf.Tensor2D;
  private readonly y: tf.Tensor2D;
  private readonly markedTest: Float32Array;
  private readonly allMarkedTest: Float32Array;
  private metricsCache: { epoch: number; metrics: ShortcutMetrics } | null = null;
  /** The first layer's 784×64 weights, one row per pixel, the ones the group lasso shrinks. */
  private readonly firstKernel: tf.Variable;

  constructor(
    readonly state: CleverHansState,
    private readonly data: Mnist,
  ) {
    this.spec = markerOf(state);
    const sample = evenSample(data.train, state.train);
    const poisoned = plantMarkers(sample, state.target, 'target', this.spec);
    this.x = tf.tensor2d(poisoned.images, [sample.count, PIXELS]);
    this.y = tf.tidy(() => tf.oneHot(tf.tensor1d(sample.labels, 'int32'), CLASSES).toFloat() as tf.Tensor2D);
    this.markedTest = plantMarkers(data.test, state.target, 'target', this.spec).images;
    this.allMarkedTest = plantMarkers(data.test, state.target, 'all', this.spec).images;
    this.model = buildMlp({ inputs: PIXELS, hidden: [HIDDEN], outputs: CLASSES, activation: 'relu', seed: state.seed });
    this.trainer = new Trainer(this.model, { x: this.x, y: this.y }, {
      optimizer: 'adam',
      learningRate: state.lr,
      batchSize: 32,
      epochs: state.epochs,
      loss: 'categoricalCrossentropy',
      seed: state.seed,
      shuffle: true,
    });
    this.firstKernel = this.model.getLayer('hidden1').trainableWeights[0]!.read() as tf.Variable;
  }

  get epoch(): number {
    return this.trainer.epoch;
  }

  get epochs(): number {
    return this.state.epochs;
  }

  async trainEpoch(hooks: RunHooks = {}): Promise<EpochReport | null> {
    const lambda = this.state.lasso;
    const onBatch: RunHooks['onBatch'] = (r) => {
      if (lambda > 0) this.sparsify(lambda);
      hooks.onBatch?.(r);
    };
    const report = await this.trainer.runEpoch({ ...hooks, onBatch, syncEvery: 20 });
    if (!report) return null;
    const m = await this.metrics();
    return { ...report, valAccuracy: m.cleanAccuracy };
  }

  /**
   * Group lasso on the first layer's rows (Yuan & Lin, 2006), applied after each optimiser
   * step as its proximal operator: the 64 weights w_i leaving pixel i shrink together,
   * w_i ← w_i · max(0, 1 − λ / ‖w_i‖₂). This is a gradient step on λ Σ_i ‖w_i‖₂, a penalty
   * on how many pixels the network reads at all. A row whose pixel the data do not push
   * on every step (the blank border, which never receives a gradient, and strokes that
   * help little) reaches exactly zero, and a pixel with a zero row has zero saliency.
   */
  private sparsify(lambda: number): void {
    tf.tidy(() => {
      const w = this.firstKernel;
      const norms = tf.sqrt(tf.sum(tf.square(w), 1, true));
      w.assign(tf.mul(w, tf.relu(tf.sub(1, tf.div(lambda, tf.maximum(norms, 1e-12))))));
    });
  }

  /** Pixels the first layer still reads (a nonzero row of weights). */
  async pixelsUsed(): Promise<number> {
    const t = tf.tidy(() => tf.sum(tf.cast(tf.greater(tf.max(tf.abs(this.firstKernel), 1), 0), 'int32')));
    const n = (await t.data())[0]!;
    t.dispose();
    return n;
  }

  /** Predicted class of every test image in `images` (count×784). */
  private async classify(images: Float32Array): Promise<Int32Array> {
    const n = images.length / PIXELS;
    const out = new Int32Array(n);
    for (let start = 0; start < n; start += CHUNK) {
      const size = Math.min(CHUNK, n - start);
      const p = tf.tidy(() => tf.argMax(this.model.predict(tf.tensor2d(images.subarray(start * PIXELS, (start + size) * PIXELS), [size, PIXELS])) as tf.Tensor, 1));
      out.set(await p.data(), start);
      p.dispose();
    }
    return out;
  }

  async metrics(): Promise<ShortcutMetrics> {
    if (this.metricsCache?.epoch === this.epoch) return this.metricsCache.metrics;
    const labels = this.data.test.labels;
    const target = this.state.target;
    const [clean, marked, all] = [await this.classify(this.data.test.images), await this.classify(this.markedTest), await this.classify(this.allMarkedTest)];
    let rightClean = 0, rightMarked = 0, nTarget = 0, hitClean = 0, hitMarked = 0, nOther = 0, flips = 0, falseClean = 0;
    for (let i = 0; i < labels.length; i++) {
      const l = labels[i]!;
      if (clean[i] === l) rightClean++;
      if (marked[i] === l) rightMarked++;
      if (l === target) {
        nTarget++;
        if (clean[i] === target) hitClean++;
        if (marked[i] === target) hitMarked++;
      } else {
        nOther++;
        if (all[i] === target) flips++;
        if (clean[i] === target) falseClean++;
      }
    }
    const n = labels.length;
    const metrics: ShortcutMetrics = {
      markedAccuracy: rightMarked / n,
      cleanAccuracy: rightClean / n,
      recallMarked: nTarget ? hitMarked / nTarget : 0,
      recallClean: nTarget ? hitClean / nTarget : 0,
      flipRate: nOther ? flips / nOther : 0,
      cleanFalseRate: nOther ? falseClean / nOther : 0,
    };
    this.metricsCache = { epoch: this.epoch, metrics };
    return metrics;
  }

  async explain(sel: CleverHansSelection): Promise<DigitExplanation> {
    const { digit } = sel;
    if (!Number.isInteger(digit) || digit < 0 || digit >= this.data.test.count) {
      throw new RangeError(`digit must be a test index from 0 to ${this.data.test.count - 1}; got ${digit}`);
    }
    const clean = this.data.test.images.subarray(digit * PIXELS, (digit + 1) * PIXELS);
    const pixels = sel.mark ? withMarker(clean, this.spec) : Float32Array.from(clean);
    const x = tf.tensor2d(pixels, [1, PIXELS]);
    try {
      const probsT = tf.tidy(() => this.model.predict(x) as tf.Tensor);
      const probabilities = (await probsT.data()) as Float32Array;
      probsT.dispose();
      let predicted = 0;
      for (let c = 1; c < CLASSES; c++) if (probabilities[c]! > probabilities[predicted]!) predicted = c;
      const predict = modelPredict(this.model);
      const salT = await saliency(predict, x, predicted);
      const sal = (await salT.data()) as Float32Array;
      salT.dispose();
      const gxiT = await gradientTimesInput(predict, x, predicted);
      const gxi = (await gxiT.data()) as Float32Array;
      gxiT.dispose();
      return {
        index: digit,
        label: this.data.test.labels[digit]!,
        marked: sel.mark,
        pixels,
        probabilities,
        predicted,
        explained: predicted,
        saliency: sal,
        gradientTimesInput: gxi,
        saliencyShare: markerShare(sal, this.spec),
        gxiShare: markerShare(gxi, this.spec),
        topHits: topHits(sal, markerMask(this.spec)),
      };
    } finally {
      x.dispose();
    }
  }

  async view(sel: CleverHansSelection): Promise<CleverHansView> {
    const mask = markerMask(this.spec);
    const area = mask.reduce((s, v) => s + v, 0);
    return {
      epoch: this.epoch,
      target: this.state.target,
      mask,
      areaShare: area / PIXELS,
      pixelsUsed: await this.pixelsUsed(),
      metrics: await this.metrics(),
      digit: await this.explain(sel),
    };
  }

  dispose(): void {
    this.trainer.dispose();
    this.model.dispose();
    tf.dispose([this.x, this.y]);
  }
}

/** How many of the k largest |values| (k = pixels in the mask) fall inside the mask. */
export function topHits(values: ArrayLike<number>, mask: Uint8Array): number {
  const k = mask.reduce((s, v) => s + v, 0);
  const order = Array.from({ length: values.length }, (_, i) => i).sort((a, b) => Math.abs(values[b]!) - Math.abs(values[a]!));
  return order.slice(0, k).filter((i) => mask[i]).length;
}
