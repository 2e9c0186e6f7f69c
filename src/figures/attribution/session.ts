/**
 * The attribution figure's compute, with no DOM: the fast CNN or the documents' CNN,
 * loaded from a pre-trained checkpoint (or trained further by the reader), explained
 * for one test digit and one class by six methods at once: saliency, gradient ×
 * input, SmoothGrad, integrated gradients (with its completeness gap), Grad-CAM and
 * (on the fast CNN, which has global average pooling) CAM; plus a convolution's
 * activation map next to its gradient map. Runs in the page's worker and, unchanged,
 * in Node tests.
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { Mnist } from '../../data/mnist/load.ts';
import { buildDocumentsCnn, buildFastCnn, FAST_CNN_LAST_CONV } from '../../models/cnn.ts';
import { cam, gradCam, gradientTimesInput, integratedGradients, modelPredict, findLayer, saliency, smoothGrad } from '../../explain/index.ts';
import { runSplit } from '../../explain/model-graph.ts';
import { Trainer, type EpochReport, type RunHooks } from '../../train/trainer.ts';
import { restoreSnapshot, takeSnapshot, type CheckpointMeta, type WeightSnapshot } from '../../train/snapshot.ts';
import type { FigureSession } from '../../worker/session-host.ts';
import { CHECKPOINT_MODEL_ID, type AttributionSelection, type AttributionState, type MethodId, type ModelId } from './state.ts';
import { blur, pool, SIZE } from './grid.ts';
import { said, type Progress } from '../../i18n/worker-messages.ts';

export { blur, pool } from './grid.ts';

const CLASSES = 10;
/** The checkpoints were trained with seed 1; the untrained model is the same seed's initial weights. */
export const CHECKPOINT_SEED = 1;
/**
 * Per model: the layer Grad-CAM weights (the last convolution), and the layer whose
 * activation and gradient maps the figure draws side by side. On the fast CNN the
 * probe is the middle convolution (14×14×16), because after global average pooling
 * the last one's gradient is the same at every position; on the documents' CNN the
 * last convolution (11×11×64) is followed by Flatten and Dense, so its gradient map
 * varies and the probe is Grad-CAM's own layer.
 */
export const LAYERS: Record<ModelId, { gradCam: string; probe: string }> = {
  fast: { gradCam: FAST_CNN_LAST_CONV, probe: 'conv2' },
  documents: { gradCam: 'conv2', probe: 'conv2' },
};
/** The fast CNN's probe layer (kept for existing callers). */
export const PROBE_LAYER = LAYERS.fast.probe;

/** Fetches (page) or reads (tests) the checkpoint of seed 1 of `model` ('fast-cnn', 'documents-cnn') at `epoch`. */
export type CheckpointSource = (model: string, epoch: number) => Promise<{ meta: CheckpointMeta; snap: WeightSnapshot }>;


export interface AttributionMap {
  id: MethodId;
  /** 28×28, row-major. */
  values: Float32Array;
  sum: number;
  min: number;
  max: number;
  /** Mean over each 4×4 block: 7×7, row-major. */
  pooled: Float32Array;
}

export interface AttributionView {
  model: ModelId;
  /** Grad-CAM's layer and its h×w. */
  gradCamLayer: { name: string; side: number };
  epoch: number;
  /** The checkpoint epoch the weights came from, and how many epochs were trained since. */
  checkpoint: number;
  trainedSince: number;
  /** Test accuracy recorded with the checkpoint (null once trained further, or untrained). */
  checkpointTestAccuracy: number | null;
  /** Training accuracy of the last epoch trained here, if any. */
  lastTrainAccuracy: number | null;
  digit: { index: number; label: number; pixels: Float32Array; probabilities: Float32Array };
  predicted: number;
  /** The class explained. */
  target: number;
  /** Saliency, gradient × input, SmoothGrad, IG, Grad-CAM, and CAM where the model has global average pooling. */
  maps: AttributionMap[];
  ig: { baseline: Float32Array; fx: number; fBaseline: number; sum: number; gap: number; gapPercent: number; steps: number; rule: string };
  /**
   * The activation map next to the gradient map at the probe layer ({@link LAYERS}):
   * A averaged over channels, and ∂y_c/∂A averaged over channels, side×side.
   */
  layer: { name: string; side: number; channels: number; activation: Float32Array; gradient: Float32Array };
  /** Grad-CAM's weights α_k^c, one per channel of the last convolution. */
  alpha: Float32Array;
}

function stats(id: MethodId, values: Float32Array): AttributionMap {
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { id, values, sum, min, max, pooled: pool(values) };
}

async function read(t: tf.Tensor): Promise<Float32Array> {
  const v = Float32Array.from((await t.data()) as Float32Array);
  t.dispose();
  return v;
}

export class AttributionSession implements FigureSession<AttributionView, AttributionSelection> {
  readonly model: tfl.Sequential;
  private trainer: Trainer | null = null;
  private train: { x: tf.Tensor4D; y: tf.Tensor2D } | null = null;
  private initial: WeightSnapshot | null = null;
  private loaded = 0;
  private meta: CheckpointMeta | null = null;
  private lastReport: EpochReport | null = null;
  private readonly meanDigit: Float32Array;

  constructor(
    readonly state: AttributionState,
    private readonly data: Mnist,
    private readonly source: CheckpointSource,
  ) {
    this.model = state.model === 'documents' ? buildDocumentsCnn({ seed: CHECKPOINT_SEED }) : buildFastCnn({ seed: CHECKPOINT_SEED });
    const n = data.train.count;
    const mean = new Float32Array(SIZE * SIZE);
    for (let i = 0; i < n; i++) for (let p = 0; p < mean.length; p++) mean[p]! += data.train.images[i * mean.length + p]!;
    this.meanDigit = mean.map((v) => v / n);
  }

  /** A session with the state's checkpoint loaded. */
  static async create(state: AttributionState, data: Mnist, source: CheckpointSource, progress: Progress = () => {}): Promise<AttributionSession> {
    const s = new AttributionSession(state, data, source);
    try {
      await s.loadCheckpoint(Number(state.ckpt), progress);
    } catch (e) {
      s.dispose();
      throw e;
    }
    return s;
  }

  get modelId(): ModelId {
    return this.state.model === 'documents' ? 'documents' : 'fast';
  }

  private get layers(): { gradCam: string; probe: string } {
    return LAYERS[this.modelId];
  }

  get epoch(): number {
    return this.trainer ? this.trainer.epoch : this.loaded;
  }

  get epochs(): number {
    return this.loaded + this.state.more;
  }

  async loadCheckpoint(epoch: number, progress: Progress = () => {}): Promise<void> {
    this.initial ??= await takeSnapshot(this.model);
    this.trainer?.dispose();
    this.trainer = null;
    this.lastReport = null;
    if (epoch === 0) {
      restoreSnapshot(this.model, this.initial);
      this.meta = null;
    } else {
      progress(0, said('worker.loadingCheckpoint', { epoch }));
      const { meta, snap } = await this.source(CHECKPOINT_MODEL_ID[this.modelId], epoch);
      restoreSnapshot(this.model, snap);
      this.meta = meta;
    }
    this.loaded = epoch;
  }

  async trainEpoch(hooks: RunHooks = {}): Promise<EpochReport | null> {
    if (!this.trainer) {
      this.train ??= tf.tidy(() => ({
        x: tf.tensor4d(this.data.train.images, [this.data.train.count, SIZE, SIZE, 1]),
        y: tf.oneHot(tf.tensor1d(this.data.train.labels, 'int32'), CLASSES).toFloat() as tf.Tensor2D,
      }));
      // The checkpoints' own hyperparameters; Adam's moments start afresh.
      this.trainer = new Trainer(this.model, this.train, {
        optimizer: 'adam', learningRate: 0.003, batchSize: 32, epochs: this.epochs, loss: 'categoricalCrossentropy', seed: CHECKPOINT_SEED + this.loaded, shuffle: true,
      });
      this.trainer.epoch = this.loaded;
    }
    const report = await this.trainer.runEpoch({ ...hooks, syncEvery: 20 });
    if (report) this.lastReport = report;
    return report;
  }

  async view(sel: AttributionSelection): Promise<AttributionView> {
    const test = this.data.test;
    if (!Number.isInteger(sel.digit) || sel.digit < 0 || sel.digit >= test.count) {
      throw new RangeError(`digit must be a test index from 0 to ${test.count - 1}; got ${sel.digit}`);
    }
    const pixels = test.images.slice(sel.digit * SIZE * SIZE, (sel.digit + 1) * SIZE * SIZE);
    const predict = modelPredict(this.model);
    const x = tf.tensor4d(pixels, [1, SIZE, SIZE, 1]);
    const baselinePixels = sel.baseline === 'mean' ? this.meanDigit : sel.baseline === 'blur' ? blur(pixels) : new Float32Array(SIZE * SIZE);
    const baseline = tf.tensor4d(baselinePixels, [1, SIZE, SIZE, 1]);
    try {
      const probabilities = await read(tf.tidy(() => predict(x)));
      let predicted = 0;
      for (let c = 1; c < CLASSES; c++) if (probabilities[c]! > probabilities[predicted]!) predicted = c;
      const target = sel.target >= 0 ? sel.target : predicted;
      const ig = await integratedGradients(predict, x, target, { baseline, steps: sel.steps, rule: sel.rule });
      const maps: AttributionMap[] = [
        stats('saliency', await read(await saliency(predict, x, target, { abs: sel.saliencyAbs }))),
        stats('gxi', await read(await gradientTimesInput(predict, x, target))),
        stats('smoothgrad', await read(await smoothGrad(predict, x, target, { samples: sel.smoothSamples, sigma: sel.smoothSigma, seed: 0 }))),
        stats('ig', await read(ig.attributions)),
        stats('gradcam', await read(await gradCam(this.model, x, target, { layerName: this.layers.gradCam }))),
      ];
      // CAM needs global average pooling before one dense layer: only the fast CNN has it.
      if (this.modelId === 'fast') maps.push(stats('cam', await read(await cam(this.model, x, target))));
      const probe = findLayer(this.model, this.layers.probe);
      const last = findLayer(this.model, this.layers.gradCam);
      const [act, grad, alpha] = tf.tidy(() => {
        const gradAt = (layer: typeof probe) => {
          const A = runSplit(this.model, x, layer).cutValue;
          const f = (a: tf.Tensor) => tf.sum(tf.slice(runSplit(this.model, x, layer, a).output, [0, target], [-1, 1]));
          return { A, g: tf.grad(f)(A) };
        };
        const p = gradAt(probe);
        // Grad-CAM's α_k: ∂y_c/∂A^k averaged over the h×w positions of the last convolution.
        const l = gradAt(last);
        return [tf.mean(p.A, -1), tf.mean(p.g, -1), tf.mean(l.g, [0, 1, 2])];
      });
      const delta = ig.fx - ig.fBaseline;
      return {
        model: this.modelId,
        gradCamLayer: { name: this.layers.gradCam, side: (last.outputShape as number[])[1]! },
        epoch: this.epoch,
        checkpoint: this.loaded,
        trainedSince: this.epoch - this.loaded,
        checkpointTestAccuracy: this.epoch === this.loaded ? (this.meta?.testAccuracy ?? null) : null,
        lastTrainAccuracy: this.lastReport?.accuracy ?? null,
        digit: { index: sel.digit, label: test.labels[sel.digit]!, pixels, probabilities },
        predicted,
        target,
        maps,
        ig: { baseline: Float32Array.from(baselinePixels), fx: ig.fx, fBaseline: ig.fBaseline, sum: ig.sum, gap: ig.gap, gapPercent: (100 * ig.gap) / Math.abs(delta), steps: sel.steps, rule: sel.rule },
        layer: { name: this.layers.probe, side: act!.shape[1]!, channels: (probe.outputShape as number[])[3]!, activation: await read(act!), gradient: await read(grad!) },
        alpha: await read(alpha!),
      };
    } finally {
      tf.dispose([x, baseline]);
    }
  }

  dispose(): void {
    this.trainer?.dispose();
    this.model.dispose();
    if (this.train) tf.dispose([this.train.x, this.train.y]);
  }
}
