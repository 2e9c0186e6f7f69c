/**
 * The one training loop every figure uses, in the page's worker and in Node tests.
 *
 * Mini-batch gradient descent: for each batch B, θ ← θ − η · update(∇θ L_B(θ)),
 * where `update` is plain SGD, momentum or Adam. Rows are reshuffled each epoch from
 * a seeded permutation, so the same seed and backend give the same losses.
 *
 * The loop reads numbers back from the device only at the end of an epoch (and every
 * `syncEvery` batches, to keep the GPU queue short): each read stalls WebGL/WebGPU.
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { mulberry32, permutation, subSeed } from '../engine/random.ts';
import { validateTrainConfig, type TrainConfig } from './config.ts';
import { LOSSES, accuracy } from './losses.ts';
import { makeOptimizer } from './optimizers.ts';

export interface Dataset {
  x: tf.Tensor;
  y: tf.Tensor;
}

export interface EpochReport {
  epoch: number;
  /** Optimisation steps taken so far, over all epochs. */
  step: number;
  loss: number;
  accuracy: number;
  valLoss?: number;
  valAccuracy?: number;
  samplesPerSecond: number;
  /** Seconds left to finish `config.epochs` at the current speed. */
  etaSeconds: number;
}

export interface BatchReport {
  epoch: number;
  batch: number;
  batchesPerEpoch: number;
}

/** Longest stretch of batches without letting the worker's messages (Pause, Reset) in. */
const YIELD_EVERY_MS = 100;

/** Thrown when the loss stops being a finite number; the message says what to try. */
export class DivergedError extends Error {
  constructor(
    readonly epoch: number,
    readonly learningRate: number,
  ) {
    super(
      `Training diverged: the loss became NaN or infinite in epoch ${epoch}. ` +
        `The learning rate ${learningRate} is probably too large for this model; ` +
        `reset and try a smaller one (for example ${+(learningRate / 10).toPrecision(2)}).`,
    );
    this.name = 'DivergedError';
  }
}

export interface RunHooks {
  onBatch?: (r: BatchReport) => void;
  /** Checked between batches; return true to stop after the current batch (pause). */
  shouldStop?: () => boolean;
  /** Read back the loss every n batches (0: only at the end of the epoch). */
  syncEvery?: number;
}

export class Trainer {
  readonly optimizer: tf.Optimizer;
  epoch = 0;
  step = 0;
  private batchInEpoch = 0;
  private order: Int32Array | null = null;
  private lossSum: tf.Scalar | null = null;
  private accSum: tf.Scalar | null = null;
  private seen = 0;
  private epochStart = 0;
  private readonly rows: number;
  /** Only this model's weights: other figures' models may share the engine. */
  private readonly variables: tf.Variable[];

  constructor(
    readonly model: tfl.LayersModel,
    readonly train: Dataset,
    readonly config: TrainConfig,
    readonly validation?: Dataset,
  ) {
    this.rows = train.x.shape[0]!;
    validateTrainConfig(config, this.rows);
    if (train.y.shape[0] !== this.rows) {
      throw new RangeError(`x has ${this.rows} rows but y has ${train.y.shape[0]}`);
    }
    this.optimizer = makeOptimizer(config.optimizer, config.learningRate);
    this.variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
  }

  get batchesPerEpoch(): number {
    return Math.ceil(this.rows / this.config.batchSize);
  }

  get done(): boolean {
    return this.epoch >= this.config.epochs;
  }

  /**
   * Trains until the epoch ends or `shouldStop` says so. Returns the epoch's report
   * when an epoch completed, or null when stopped part-way (call again to resume
   * exactly where it stopped).
   */
  async runEpoch(hooks: RunHooks = {}): Promise<EpochReport | null> {
    if (this.batchInEpoch === 0) this.beginEpoch();
    const { batchSize } = this.config;
    const lossFn = LOSSES[this.config.loss];
    let lastYield = performance.now();
    while (this.batchInEpoch < this.batchesPerEpoch) {
      // On the CPU (and WebGL) a batch never awaits anything: without a real yield the
      // worker would not even receive Pause until a long epoch ended. Same batches, same numbers.
      if (performance.now() - lastYield > YIELD_EVERY_MS) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        lastYield = performance.now();
      }
      if (hooks.shouldStop?.()) return null;
      const start = this.batchInEpoch * batchSize;
      const idx = this.order!.subarray(start, Math.min(start + batchSize, this.rows));
      const n = idx.length;
      let batchAcc: tf.Scalar | null = null;
      const [newLoss, newAcc] = tf.tidy(() => {
        const indices = tf.tensor1d(idx, 'int32');
        const xb = tf.gather(this.train.x, indices);
        const yb = tf.gather(this.train.y, indices);
        const cost = this.optimizer.minimize(() => {
          const predictions = this.model.apply(xb, { training: true }) as tf.Tensor;
          // Kept: the gradient tape disposes everything else made in here.
          batchAcc = tf.keep(accuracy(yb, predictions));
          return lossFn(yb, predictions);
        }, true, this.variables)!;
        return [tf.add(this.lossSum!, tf.mul(cost, n)), tf.add(this.accSum!, tf.mul(batchAcc!, n))];
      });
      tf.dispose(batchAcc!);
      this.lossSum!.dispose();
      this.accSum!.dispose();
      this.lossSum = newLoss as tf.Scalar;
      this.accSum = newAcc as tf.Scalar;
      this.seen += n;
      this.batchInEpoch++;
      this.step++;
      hooks.onBatch?.({ epoch: this.epoch, batch: this.batchInEpoch, batchesPerEpoch: this.batchesPerEpoch });
      if (hooks.syncEvery && this.batchInEpoch % hooks.syncEvery === 0) {
        const partial = (await this.lossSum.data())[0]!;
        if (!Number.isFinite(partial)) this.fail();
      }
    }
    return this.endEpoch();
  }

  /**
   * Loss and accuracy of the current weights on a dataset, without training, in
   * chunks of `chunk` rows so a large test set never needs one huge activation tensor.
   */
  async evaluate(ds: Dataset, chunk = 256): Promise<{ loss: number; accuracy: number }> {
    const n = ds.x.shape[0]!;
    let loss = 0;
    let acc = 0;
    for (let start = 0; start < n; start += chunk) {
      const size = Math.min(chunk, n - start);
      const [l, a] = tf.tidy(() => {
        const xb = tf.slice(ds.x, start, size);
        const yb = tf.slice(ds.y, start, size);
        const p = this.model.predict(xb) as tf.Tensor;
        return [LOSSES[this.config.loss](yb, p), accuracy(yb, p)];
      });
      loss += (await l!.data())[0]! * size;
      acc += (await a!.data())[0]! * size;
      tf.dispose([l!, a!]);
    }
    return { loss: loss / n, accuracy: acc / n };
  }

  dispose(): void {
    this.lossSum?.dispose();
    this.accSum?.dispose();
    this.lossSum = this.accSum = null;
    this.optimizer.dispose();
  }

  private beginEpoch(): void {
    const rng = mulberry32(subSeed(this.config.seed, `shuffle-${this.epoch}`));
    this.order = this.config.shuffle ? permutation(this.rows, rng) : Int32Array.from({ length: this.rows }, (_, i) => i);
    this.lossSum?.dispose();
    this.accSum?.dispose();
    this.lossSum = tf.scalar(0);
    this.accSum = tf.scalar(0);
    this.seen = 0;
    this.epochStart = now();
  }

  private async endEpoch(): Promise<EpochReport> {
    const loss = (await this.lossSum!.data())[0]! / this.seen;
    const acc = (await this.accSum!.data())[0]! / this.seen;
    if (!Number.isFinite(loss)) this.fail();
    const seconds = Math.max((now() - this.epochStart) / 1000, 1e-6);
    this.epoch++;
    this.batchInEpoch = 0;
    const report: EpochReport = {
      epoch: this.epoch,
      step: this.step,
      loss,
      accuracy: acc,
      samplesPerSecond: this.seen / seconds,
      etaSeconds: (this.config.epochs - this.epoch) * seconds,
    };
    if (this.validation) {
      const v = await this.evaluate(this.validation);
      report.valLoss = v.loss;
      report.valAccuracy = v.accuracy;
    }
    return report;
  }

  private fail(): never {
    throw new DivergedError(this.epoch + 1, this.config.learningRate);
  }
}

function now(): number {
  return globalThis.performance?.now() ?? Date.now();
}
