/**
 * The vanishing-gradient figure's compute, with no DOM: a plain RNN (SimpleRNN(64))
 * and an LSTM(64), each followed by Dense(10), start from seeded weights and learn
 * "token after the marker" side by side on the same sequences. After every epoch
 * the view holds, for both, the gradient norm of the true class's score with
 * respect to each time step's input, averaged over a fixed probe set:
 * g_t = mean_n ‖∂z_c/∂x_{n,t}‖ (see gradients.ts).
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { tokenAfterMarker, type SequenceData } from '../../data/sequences.ts';
import { buildLstmClassifier } from '../../models/lstm.ts';
import { buildSimpleRnnClassifier } from '../../models/simple-rnn.ts';
import { Trainer, type EpochReport, type RunHooks } from '../../train/trainer.ts';
import type { FigureSession } from '../../worker/session-host.ts';
import { tidyBuild } from './tidy-build.ts';
import { gradientNormsPerStep, meanPerStep } from './gradients.ts';
import type { VanishState } from './state.ts';

/** Training sequences per epoch: small, so both models train in seconds on a CPU. */
export const VANISH_TRAIN = 320;
/** Sequences the gradient is averaged over. */
export const VANISH_PROBE = 32;

export interface ModelTrace {
  /** g_t for t = 0 … T−1. */
  norms: Float32Array;
  /** Training loss and accuracy of the last epoch (NaN before training). */
  loss: number;
  accuracy: number;
}

export interface VanishView {
  epoch: number;
  steps: number;
  rnn: ModelTrace;
  lstm: ModelTrace;
}

function tensors(d: SequenceData) {
  return tf.tidy(() => ({
    x: tf.tensor3d(d.x, [d.n, d.steps, d.features]),
    y: tf.oneHot(tf.tensor1d(d.y, 'int32'), d.classes).toFloat() as tf.Tensor2D,
  }));
}

export class VanishSession implements FigureSession<VanishView, null> {
  readonly models: { rnn: tfl.Sequential; lstm: tfl.Sequential };
  private readonly trainers: { rnn: Trainer; lstm: Trainer };
  private readonly train: { x: tf.Tensor3D; y: tf.Tensor2D };
  private readonly probe: { x: tf.Tensor3D; y: Int32Array };
  private last: { rnn: EpochReport | null; lstm: EpochReport | null } = { rnn: null, lstm: null };

  constructor(readonly state: VanishState) {
    const { steps, seed } = state;
    const data = tokenAfterMarker({ n: VANISH_TRAIN, steps, seed });
    const probe = tokenAfterMarker({ n: VANISH_PROBE, steps, seed: seed + 50_000 });
    this.train = tensors(data);
    this.probe = { x: tf.tensor3d(probe.x, [probe.n, steps, probe.features]), y: probe.y };
    const opts = { steps, features: data.features, seed };
    this.models = tidyBuild(() => ({ rnn: buildSimpleRnnClassifier(opts), lstm: buildLstmClassifier(opts) }));
    const config = { optimizer: 'adam', learningRate: state.lr, batchSize: 32, epochs: state.epochs, loss: 'categoricalCrossentropy', seed, shuffle: true } as const;
    this.trainers = { rnn: new Trainer(this.models.rnn, this.train, config), lstm: new Trainer(this.models.lstm, this.train, config) };
  }

  /** Both models have finished this many epochs. */
  get epoch(): number {
    return this.trainers.lstm.epoch;
  }

  get epochs(): number {
    return this.state.epochs;
  }

  /** One epoch of each model (the RNN first); resumable after a pause. */
  async trainEpoch(hooks: RunHooks = {}): Promise<EpochReport | null> {
    if (this.trainers.rnn.epoch === this.trainers.lstm.epoch) {
      const r = await this.trainers.rnn.runEpoch(hooks);
      if (!r) return null;
      this.last.rnn = r;
    }
    const l = await this.trainers.lstm.runEpoch(hooks);
    if (!l) return null;
    this.last.lstm = l;
    return l;
  }

  async view(): Promise<VanishView> {
    const trace = async (key: 'rnn' | 'lstm'): Promise<ModelTrace> => {
      const g = await gradientNormsPerStep(this.models[key], this.probe.x, this.probe.y);
      const r = this.last[key];
      return { norms: meanPerStep(g, VANISH_PROBE, this.state.steps), loss: r?.loss ?? NaN, accuracy: r?.accuracy ?? NaN };
    };
    return { epoch: this.epoch, steps: this.state.steps, rnn: await trace('rnn'), lstm: await trace('lstm') };
  }

  dispose(): void {
    this.trainers.rnn.dispose();
    this.trainers.lstm.dispose();
    this.models.rnn.dispose();
    this.models.lstm.dispose();
    tf.dispose([this.train.x, this.train.y, this.probe.x]);
  }
}
