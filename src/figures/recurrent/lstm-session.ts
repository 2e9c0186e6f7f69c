/**
 * The LSTM figure's compute, with no DOM: LSTM(64) → Dense(10) learns "token after
 * the marker" (src/data/sequences.ts), where the answer is the digit right after a
 * marker token, so the one time step that decides each label is known. For one
 * validation sequence the view holds what the layer computed at every step (h_t
 * and the gates i_t, f_t, o_t, recomputed from its weights by traceLstm) and the
 * gradient of the predicted class's score with respect to each step's input; for
 * the whole validation set, the share of that gradient on the known step.
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { tokenAfterMarker, type SequenceData } from '../../data/sequences.ts';
import { buildLstmClassifier } from '../../models/lstm.ts';
import { traceLstm } from '../../models/lstm-trace.ts';
import { Trainer, type EpochReport, type RunHooks } from '../../train/trainer.ts';
import type { OptimizerName } from '../../train/config.ts';
import { scoreProbabilities } from '../../train/metrics.ts';
import type { FigureSession } from '../../worker/session-host.ts';
import { tidyBuild } from '../../models/tidy-build.ts';
import { gradientNormsPerStep, massOnImportant } from './gradients.ts';
import type { LstmState } from './state.ts';

export const LSTM_STEPS = 20;
export const LSTM_UNITS = 64;
export const LSTM_TRAIN = 1000;
export const LSTM_VALIDATION = 200;

export interface LstmView {
  epoch: number;
  steps: number;
  units: number;
  valLoss: number;
  valAccuracy: number;
  /** Mean share of ‖∂z_ŷ/∂x_t‖ on the known answer step, over the validation set; chance is 1/T. */
  importantMass: number;
  example: {
    index: number;
    /** Token id per step: 0–9 digits, 10 the marker, 11 the filler. */
    tokens: Int32Array;
    label: number;
    predicted: number;
    probabilities: Float32Array;
    /** The known answer step(s). */
    important: Int32Array;
    /** ‖∂z_ŷ/∂x_t‖ per step for the predicted class ŷ. */
    gradient: Float32Array;
    /** Row-major steps × units. */
    h: Float32Array;
    i: Float32Array;
    f: Float32Array;
    o: Float32Array;
  };
}

function tensors(d: SequenceData) {
  return tf.tidy(() => ({
    x: tf.tensor3d(d.x, [d.n, d.steps, d.features]),
    y: tf.oneHot(tf.tensor1d(d.y, 'int32'), d.classes).toFloat() as tf.Tensor2D,
  }));
}

export class LstmSession implements FigureSession<LstmView, number> {
  readonly model: tfl.Sequential;
  readonly trainer: Trainer;
  readonly validationData: SequenceData;
  private readonly train: { x: tf.Tensor3D; y: tf.Tensor2D };
  private readonly validation: { x: tf.Tensor3D; y: tf.Tensor2D };
  /** Validation-set numbers for the current weights, computed once per epoch. */
  private cache: { epoch: number; loss: number; accuracy: number; probs: Float32Array; predicted: Int32Array; norms: Float32Array; mass: number } | null = null;

  constructor(readonly state: LstmState) {
    const train = tokenAfterMarker({ n: LSTM_TRAIN, steps: LSTM_STEPS, seed: state.seed });
    // A fixed validation set, the same for every training seed.
    this.validationData = tokenAfterMarker({ n: LSTM_VALIDATION, steps: LSTM_STEPS, seed: 777_001 });
    this.train = tensors(train);
    this.validation = tensors(this.validationData);
    this.model = tidyBuild(() => buildLstmClassifier({ steps: LSTM_STEPS, features: train.features, units: LSTM_UNITS, seed: state.seed }));
    this.trainer = new Trainer(
      this.model,
      this.train,
      { optimizer: 'adam' as OptimizerName, learningRate: state.lr, batchSize: state.batch, epochs: state.epochs, loss: 'categoricalCrossentropy', seed: state.seed, shuffle: true },
      this.validation,
    );
  }

  get epoch(): number {
    return this.trainer.epoch;
  }

  get epochs(): number {
    return this.state.epochs;
  }

  async trainEpoch(hooks: RunHooks = {}): Promise<EpochReport | null> {
    return this.trainer.runEpoch(hooks);
  }

  async view(index: number): Promise<LstmView> {
    if (!Number.isInteger(index) || index < 0 || index >= LSTM_VALIDATION) {
      throw new RangeError(`validation sequence must be a whole number from 0 to ${LSTM_VALIDATION - 1}; got ${index}`);
    }
    const v = await this.evaluateValidation();
    const d = this.validationData;
    const T = LSTM_STEPS;
    const F = d.features;
    const x = d.x.slice(index * T * F, (index + 1) * T * F);
    const tokens = new Int32Array(T);
    for (let t = 0; t < T; t++) tokens[t] = x.subarray(t * F, (t + 1) * F).indexOf(1);
    const trace = await traceLstm(this.model.getLayer('lstm'), x, T);
    return {
      epoch: this.epoch,
      steps: T,
      units: LSTM_UNITS,
      valLoss: v.loss,
      valAccuracy: v.accuracy,
      importantMass: v.mass,
      example: {
        index,
        tokens,
        label: d.y[index]!,
        predicted: v.predicted[index]!,
        probabilities: v.probs.slice(index * 10, index * 10 + 10),
        important: d.important.slice(index * d.k, (index + 1) * d.k),
        gradient: v.norms.slice(index * T, (index + 1) * T),
        h: trace.h,
        i: trace.i,
        f: trace.f,
        o: trace.o,
      },
    };
  }

  private async evaluateValidation() {
    if (this.cache?.epoch === this.epoch) return this.cache;
    const n = LSTM_VALIDATION;
    const p = tf.tidy(() => this.model.predict(this.validation.x) as tf.Tensor);
    const probs = (await p.data()) as Float32Array;
    p.dispose();
    const { predicted, loss, accuracy } = scoreProbabilities(probs, this.validationData.y, n, 10);
    const norms = await gradientNormsPerStep(this.model, this.validation.x, predicted);
    const d = this.validationData;
    const mass = massOnImportant(norms, d.important, n, LSTM_STEPS, d.k);
    this.cache = { epoch: this.epoch, loss, accuracy, probs, predicted, norms, mass };
    return this.cache;
  }

  dispose(): void {
    this.trainer.dispose();
    this.model.dispose();
    tf.dispose([this.train.x, this.train.y, this.validation.x, this.validation.y]);
  }
}
