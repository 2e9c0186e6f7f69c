/**
 * The optimizer race's compute, with no DOM: three copies of one MLP (same seed, so
 * identical initial weights; same data; same batch order) trained side by side with
 * plain gradient descent, momentum and Adam. Each epoch trains every copy once and
 * records its training and validation loss and accuracy. Runs in the page's worker
 * and in Node tests alike.
 *
 * A copy whose loss stops being finite is marked diverged and left behind; the
 * other two race on.
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { buildMlp } from '../../models/mlp.ts';
import { DivergedError, Trainer, type EpochReport, type RunHooks } from '../../train/trainer.ts';
import type { OptimizerName } from '../../train/config.ts';
import type { FigureSession } from '../../worker/session-host.ts';
import type { Table } from '../../data/tabular.ts';
import { prepare, type Scaling } from '../preprocessing/messy.ts';
import type { RaceState } from './state.ts';

export const RACERS: readonly OptimizerName[] = ['sgd', 'momentum', 'adam'];

export interface RacerHistory {
  optimizer: OptimizerName;
  learningRate: number;
  /** One entry per finished epoch (index 0 is epoch 1). NaN after divergence. */
  loss: number[];
  accuracy: number[];
  valLoss: number[];
  valAccuracy: number[];
  /** The epoch in which the loss became NaN or infinite, or null. */
  divergedAt: number | null;
}

export interface RaceView {
  epoch: number;
  epochs: number;
  /** The three models' training and validation loss and accuracy before training (epoch 0). */
  start: { loss: number; accuracy: number; valLoss: number; valAccuracy: number };
  racers: RacerHistory[];
}

interface Racer {
  history: RacerHistory;
  model: tfl.Sequential;
  trainer: Trainer;
}

function toTensors(t: Table): { x: tf.Tensor2D; y: tf.Tensor2D } {
  return {
    x: tf.tensor2d(t.x, [t.nSamples, t.nFeatures]),
    y: tf.tensor2d(Float32Array.from(t.y), [t.nSamples, 1]),
  };
}

export class RaceSession implements FigureSession<RaceView, null> {
  private readonly train: { x: tf.Tensor2D; y: tf.Tensor2D };
  private readonly validation: { x: tf.Tensor2D; y: tf.Tensor2D };
  readonly racers: Racer[];
  private start: RaceView['start'] | null = null;
  epoch = 0;

  constructor(readonly state: RaceState) {
    const data = prepare(state.seed, state.features as Scaling);
    this.train = toTensors(data.train);
    this.validation = toTensors(data.validation);
    const rates: Record<OptimizerName, number> = { sgd: state.lrSgd, momentum: state.lrMomentum, adam: state.lrAdam };
    this.racers = RACERS.map((optimizer) => {
      // Same seed for every copy: identical initial weights and identical batch order.
      const model = buildMlp({ inputs: data.train.nFeatures, hidden: [state.hidden], outputs: 1, activation: 'tanh', seed: state.seed });
      const trainer = new Trainer(model, this.train, {
        optimizer,
        learningRate: rates[optimizer],
        batchSize: state.batch,
        epochs: state.epochs,
        loss: 'binaryCrossentropy',
        seed: state.seed,
        shuffle: true,
      }, this.validation);
      const history: RacerHistory = { optimizer, learningRate: rates[optimizer], loss: [], accuracy: [], valLoss: [], valAccuracy: [], divergedAt: null };
      return { history, model, trainer };
    });
  }

  get epochs(): number {
    return this.state.epochs;
  }

  /**
   * Trains each copy through the current epoch. If `shouldStop` interrupts, returns
   * null; the next call resumes exactly where it stopped. The report returned is
   * Adam's (the host needs one); the view carries all three.
   */
  async trainEpoch(hooks: RunHooks = {}): Promise<EpochReport | null> {
    await this.ensureStart();
    let last: EpochReport | null = null;
    const per = this.racers[0]!.trainer.batchesPerEpoch;
    for (const [i, r] of this.racers.entries()) {
      if (r.history.divergedAt !== null || r.trainer.epoch > this.epoch) continue;
      try {
        const report = await r.trainer.runEpoch({
          shouldStop: hooks.shouldStop,
          onBatch: (b) => hooks.onBatch?.({ epoch: b.epoch, batch: i * per + b.batch, batchesPerEpoch: per * this.racers.length }),
        });
        if (!report) return null;
        last = report;
        r.history.loss.push(report.loss);
        r.history.accuracy.push(report.accuracy);
        r.history.valLoss.push(report.valLoss ?? NaN);
        r.history.valAccuracy.push(report.valAccuracy ?? NaN);
      } catch (error) {
        if (!(error instanceof DivergedError)) throw error;
        r.history.divergedAt = this.epoch + 1;
      }
    }
    for (const r of this.racers) {
      if (r.history.divergedAt === null) continue;
      // Keep every history one entry per epoch: a gap in the curves after divergence.
      for (const k of ['loss', 'accuracy', 'valLoss', 'valAccuracy'] as const) r.history[k].push(NaN);
    }
    this.epoch++;
    return last ?? { epoch: this.epoch, step: 0, loss: NaN, accuracy: NaN, samplesPerSecond: 0, etaSeconds: 0 };
  }

  async view(_selection: null = null): Promise<RaceView> {
    await this.ensureStart();
    return {
      epoch: this.epoch,
      epochs: this.epochs,
      start: this.start!,
      racers: this.racers.map((r) => ({
        ...r.history,
        loss: r.history.loss.slice(),
        accuracy: r.history.accuracy.slice(),
        valLoss: r.history.valLoss.slice(),
        valAccuracy: r.history.valAccuracy.slice(),
      })),
    };
  }

  /** Initial weights of every copy, layer by layer (the same numbers three times). */
  async initialWeights(): Promise<Float32Array[][]> {
    return Promise.all(this.racers.map((r) => Promise.all(r.model.getWeights().map(async (w) => (await w.data()) as Float32Array))));
  }

  /** Loss and accuracy before any training: identical for all three copies. */
  private async ensureStart(): Promise<void> {
    if (this.start) return;
    const t = this.racers[0]!.trainer;
    const a = await t.evaluate(this.train);
    const v = await t.evaluate(this.validation);
    this.start = { loss: a.loss, accuracy: a.accuracy, valLoss: v.loss, valAccuracy: v.accuracy };
  }

  dispose(): void {
    for (const r of this.racers) {
      r.trainer.dispose();
      r.model.dispose();
    }
    tf.dispose([this.train.x, this.train.y, this.validation.x, this.validation.y]);
  }
}
