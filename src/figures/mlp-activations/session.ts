/**
 * The MLP activation-map figure's compute, with no DOM: a 784 → 64 → 32 → 10 network
 * learns MNIST in the worker with Adam, and after every epoch reports, for one test
 * digit, the activation a⁽ˡ⁾ of every neuron of every layer, and the first layer's
 * weight vectors W⁽¹⁾_j (one 28×28 image per hidden neuron j). Runs in the page's
 * worker and, unchanged, in Node tests.
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { Mnist, MnistSplit } from '../../data/mnist/load.ts';
import { buildMlp } from '../../models/mlp.ts';
import { activations, type LayerValues } from '../../explain/activations.ts';
import { Trainer, type EpochReport, type RunHooks } from '../../train/trainer.ts';
import type { FigureSession } from '../../worker/session-host.ts';
import { MLP_BATCH, MLP_LAYERS, type MlpActivationsState } from './state.ts';

const CLASSES = 10;
const PIXELS = 784;

export interface MlpActivationsView {
  epoch: number;
  /** Test-set loss and accuracy of the current weights (2,000 digits). */
  testLoss: number;
  testAccuracy: number;
  digit: { index: number; label: number; pixels: Float32Array };
  predicted: number;
  /** a⁽ˡ⁾ for every Dense layer, in order: hidden1 (64), hidden2 (32), output (10, softmax). */
  layers: LayerValues[];
  /**
   * The first layer's weights: `values[j * 784 + p]` is W⁽¹⁾_{j p}, the weight from
   * pixel p to hidden neuron j (transposed from the kernel's [784, 64]), so each
   * neuron's weights are one contiguous 28×28 image. Its bias is `bias[j]`;
   * `initial` is the same layout at epoch 0, before any training.
   */
  weights: { units: number; values: Float32Array; bias: Float32Array; initial: Float32Array };
}

function tensors(split: MnistSplit): { x: tf.Tensor2D; y: tf.Tensor2D } {
  return tf.tidy(() => ({
    x: tf.tensor2d(split.images, [split.count, PIXELS]),
    y: tf.oneHot(tf.tensor1d(split.labels, 'int32'), CLASSES).toFloat() as tf.Tensor2D,
  }));
}

export class MlpActivationsSession implements FigureSession<MlpActivationsView, number> {
  readonly model: tfl.Sequential;
  readonly trainer: Trainer;
  private readonly train: { x: tf.Tensor2D; y: tf.Tensor2D };
  private readonly test: { x: tf.Tensor2D; y: tf.Tensor2D };
  private cache: { epoch: number; loss: number; accuracy: number } | null = null;
  /** W⁽¹⁾ at initialisation, transposed: kept on the device until first read. */
  private initialT: tf.Tensor | null;
  private initial: Float32Array | null = null;

  constructor(
    readonly state: MlpActivationsState,
    private readonly data: Mnist,
  ) {
    this.train = tensors(data.train);
    this.test = tensors(data.test);
    this.model = buildMlp({ inputs: MLP_LAYERS.inputs, hidden: [...MLP_LAYERS.hidden], outputs: MLP_LAYERS.outputs, activation: 'relu', seed: state.seed });
    this.trainer = new Trainer(this.model, this.train, {
      optimizer: 'adam',
      learningRate: state.lr,
      batchSize: MLP_BATCH,
      epochs: state.epochs,
      loss: 'categoricalCrossentropy',
      seed: state.seed,
      shuffle: true,
    });
    this.initialT = tf.tidy(() => tf.transpose(this.model.getLayer('hidden1').getWeights()[0]!));
  }

  get epoch(): number {
    return this.trainer.epoch;
  }

  get epochs(): number {
    return this.state.epochs;
  }

  async trainEpoch(hooks: RunHooks = {}): Promise<EpochReport | null> {
    const report = await this.trainer.runEpoch({ ...hooks, syncEvery: 40 });
    if (!report) return null;
    const test = await this.evaluateTest();
    return { ...report, valLoss: test.loss, valAccuracy: test.accuracy };
  }

  async view(digit: number): Promise<MlpActivationsView> {
    const test = this.data.test;
    if (!Number.isInteger(digit) || digit < 0 || digit >= test.count) {
      throw new RangeError(`digit must be a test index from 0 to ${test.count - 1}; got ${digit}`);
    }
    const pixels = test.images.slice(digit * PIXELS, (digit + 1) * PIXELS);
    const x = tf.tensor2d(pixels, [1, PIXELS]);
    let layers: LayerValues[];
    try {
      layers = await activations(this.model, x);
    } finally {
      x.dispose();
    }
    const output = layers[layers.length - 1]!.values;
    let predicted = 0;
    for (let c = 1; c < CLASSES; c++) if (output[c]! > output[predicted]!) predicted = c;
    const first = this.model.getLayer('hidden1');
    const [kernel, bias] = first.getWeights() as [tf.Tensor2D, tf.Tensor1D];
    const transposed = tf.transpose(kernel);
    const values = (await transposed.data()) as Float32Array;
    transposed.dispose();
    const b = (await bias.data()) as Float32Array;
    if (!this.initial) {
      this.initial = (await this.initialT!.data()) as Float32Array;
      this.initialT!.dispose();
      this.initialT = null;
    }
    const evaluation = await this.evaluateTest();
    return {
      epoch: this.epoch,
      testLoss: evaluation.loss,
      testAccuracy: evaluation.accuracy,
      digit: { index: digit, label: test.labels[digit]!, pixels },
      predicted,
      layers,
      weights: { units: kernel.shape[1], values, bias: Float32Array.from(b), initial: this.initial },
    };
  }

  /** Test-set loss and accuracy, cached until the weights change. */
  private async evaluateTest(): Promise<{ loss: number; accuracy: number }> {
    if (this.cache?.epoch === this.epoch) return this.cache;
    const r = await this.trainer.evaluate(this.test);
    this.cache = { epoch: this.epoch, ...r };
    return this.cache;
  }

  dispose(): void {
    this.trainer.dispose();
    this.model.dispose();
    this.initialT?.dispose();
    tf.dispose([this.train.x, this.train.y, this.test.x, this.test.y]);
  }
}
