/**
 * The MNIST training figure's compute, with no DOM: trains the fast or the
 * documents' CNN on the MNIST subset and reports, after each epoch, the test-set
 * loss and accuracy, the confusion matrix, and the prediction for one test digit.
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { Mnist, MnistSplit } from '../../data/mnist/load.ts';
import { buildDocumentsCnn, buildFastCnn } from '../../models/cnn.ts';
import { modelSummary, type ModelSummary } from '../../models/summary.ts';
import { Trainer, type EpochReport, type RunHooks } from '../../train/trainer.ts';
import type { OptimizerName } from '../../train/config.ts';
import { confusionMatrix, scoreProbabilities } from '../../train/metrics.ts';
import { restoreSnapshot, type CheckpointMeta, type WeightSnapshot } from '../../train/snapshot.ts';
import type { FigureSession } from '../../worker/session-host.ts';
import type { MnistState } from './state.ts';

const CLASSES = 10;
const PREDICT_CHUNK = 250;

export interface MnistView {
  epoch: number;
  testLoss: number;
  testAccuracy: number;
  /** counts[t * 10 + p] on the test set. */
  confusion: Int32Array;
  summary: ModelSummary;
  digit: { index: number; pixels: Float32Array; label: number; probabilities: Float32Array };
}

/** The first `count` images of a split (all by default) as tensors. */
function tensors(split: MnistSplit, count = split.count): { x: tf.Tensor4D; y: tf.Tensor2D } {
  const n = Math.min(count, split.count);
  return tf.tidy(() => ({
    x: tf.tensor4d(split.images.subarray(0, n * 784), [n, 28, 28, 1]),
    y: tf.oneHot(tf.tensor1d(split.labels.subarray(0, n), 'int32'), CLASSES).toFloat() as tf.Tensor2D,
  }));
}

/** Fetches the weights the same code trained earlier to `epoch` (see scripts/train-checkpoints.ts). */
export type CheckpointSource = (model: string, seed: number, epoch: number) => Promise<{ meta: CheckpointMeta; snap: WeightSnapshot }>;

export class MnistSession implements FigureSession<MnistView, number> {
  readonly model: tfl.Sequential;
  trainer: Trainer;
  private readonly train: { x: tf.Tensor4D; y: tf.Tensor2D };
  private readonly test: { x: tf.Tensor4D; y: tf.Tensor2D };
  /** How many test images (a prefix of the test split) each evaluation uses. */
  private readonly testCount: number;
  /** Test-set results for the current weights, computed once per epoch. */
  private cache: { epoch: number; loss: number; accuracy: number; predicted: Int32Array; probs: Float32Array } | null = null;

  constructor(
    readonly state: MnistState,
    private readonly data: Mnist,
    private readonly checkpoints?: CheckpointSource,
  ) {
    this.train = tensors(data.train, state.images);
    this.testCount = Math.min(state.tests, data.test.count);
    this.test = tensors(data.test, this.testCount);
    this.model = state.model === 'documents' ? buildDocumentsCnn({ seed: state.seed }) : buildFastCnn({ seed: state.seed });
    this.trainer = this.makeTrainer();
  }

  private makeTrainer(): Trainer {
    const state = this.state;
    return new Trainer(this.model, this.train, {
      optimizer: state.opt as OptimizerName,
      learningRate: state.lr,
      batchSize: state.batch,
      epochs: state.epochs,
      loss: 'categoricalCrossentropy',
      seed: state.seed,
      shuffle: true,
    });
  }

  /**
   * Skip ahead: load the weights that scripts/train-checkpoints.ts saved after `epoch`
   * epochs with this model and seed. Training then continues from them with a fresh
   * optimizer (Adam's moment estimates are not saved), under the figure's settings.
   */
  async loadCheckpoint(epoch: number): Promise<void> {
    if (!this.checkpoints) throw new Error('No checkpoint source for this figure.');
    const name = this.state.model === 'documents' ? 'documents-cnn' : 'fast-cnn';
    const { meta, snap } = await this.checkpoints(name, this.state.seed, epoch);
    restoreSnapshot(this.model, snap);
    this.trainer.dispose();
    this.trainer = this.makeTrainer();
    this.trainer.epoch = meta.epoch;
    this.trainer.step = meta.step ?? 0;
    this.cache = null;
  }

  get epoch(): number {
    return this.trainer.epoch;
  }

  get epochs(): number {
    return this.state.epochs;
  }

  async trainEpoch(hooks: RunHooks = {}): Promise<EpochReport | null> {
    const report = await this.trainer.runEpoch({ ...hooks, syncEvery: 20 });
    if (!report) return null;
    const test = await this.evaluateTest();
    return { ...report, valLoss: test.loss, valAccuracy: test.accuracy };
  }

  async view(digit: number): Promise<MnistView> {
    if (!Number.isInteger(digit) || digit < 0 || digit >= this.data.test.count) {
      throw new RangeError(`digit must be a test index from 0 to ${this.data.test.count - 1}; got ${digit}`);
    }
    const test = await this.evaluateTest();
    const label = this.data.test.labels[digit]!;
    return {
      epoch: this.epoch,
      testLoss: test.loss,
      testAccuracy: test.accuracy,
      confusion: confusionMatrix(this.data.test.labels.subarray(0, this.testCount), test.predicted, CLASSES),
      summary: modelSummary(this.model),
      digit: {
        index: digit,
        pixels: this.data.test.images.slice(digit * 784, (digit + 1) * 784),
        label,
        probabilities: digit < this.testCount ? test.probs.slice(digit * CLASSES, (digit + 1) * CLASSES) : await this.predictOne(digit),
      },
    };
  }

  /** Probabilities for one test digit outside the evaluated prefix. */
  private async predictOne(digit: number): Promise<Float32Array> {
    const p = tf.tidy(() => this.model.predict(tf.tensor4d(this.data.test.images.subarray(digit * 784, (digit + 1) * 784), [1, 28, 28, 1])) as tf.Tensor);
    const probs = Float32Array.from((await p.data()) as Float32Array);
    p.dispose();
    return probs;
  }

  /** Predicts the evaluated test images in chunks; cached until the weights change. */
  private async evaluateTest() {
    if (this.cache?.epoch === this.epoch) return this.cache;
    const n = this.testCount;
    const probs = new Float32Array(n * CLASSES);
    for (let start = 0; start < n; start += PREDICT_CHUNK) {
      const size = Math.min(PREDICT_CHUNK, n - start);
      const p = tf.tidy(() => this.model.predict(tf.slice(this.test.x, start, size)) as tf.Tensor);
      probs.set(await p.data(), start * CLASSES);
      p.dispose();
    }
    const { predicted, loss, accuracy } = scoreProbabilities(probs, this.data.test.labels, n, CLASSES);
    this.cache = { epoch: this.epoch, loss, accuracy, predicted, probs };
    return this.cache;
  }

  dispose(): void {
    this.trainer.dispose();
    this.model.dispose();
    tf.dispose([this.train.x, this.train.y, this.test.x, this.test.y]);
  }
}
