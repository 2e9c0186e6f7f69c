/**
 * The sequence LIME figure's compute, with no DOM: the attention figure's session
 * (LSTM + attention → Dense(10) trained on "token after the marker") does the
 * training, and `limeSequence` explains the model's probability for its predicted
 * class on one held-out sequence, with the time steps as interpretable features.
 * A hidden step is masked: its one-hot token is replaced by the all-zero vector,
 * the "no token" padding value, which the model never saw in training.
 * The view carries the ground truth (the answer step, the marker step) and the
 * attention weights α of the same sequence, so the two can be compared.
 * Runs in the page's worker and in Node tests alike.
 */
import * as tf from '@tensorflow/tfjs-core';
import { MARKER_TOKEN } from '../../data/sequences.ts';
import { limeSequence } from '../../explain/lime-sequence.ts';
import { modelPredict } from '../../explain/model-graph.ts';
import type { EpochReport, RunHooks } from '../../train/trainer.ts';
import type { FigureSession } from '../../worker/session-host.ts';
import { defaults } from '../../state/url-state.ts';
import { AttentionSession } from '../attention/session.ts';
import { attentionSchema, type AttentionState } from '../attention/state.ts';
import type { LimeSequenceSelection, LimeSequenceState } from './state.ts';

/** What a masked step shows: every channel of the one-hot token set to 0 (no token). */
export const MASK_VALUE = 0;

export interface LimeSequenceView {
  epoch: number;
  valAccuracy: number;
  /** The explained held-out sequence. */
  index: number;
  /** Token id per step: 0–9 digits, 10 the marker, 11 the filler. */
  tokens: Int32Array;
  label: number;
  /** The model's predicted class: the class whose probability LIME explains. */
  predicted: number;
  /** The model's probabilities for the unmasked sequence. */
  probabilities: Float32Array;
  /** Ground truth: the step right after the marker (0-based). */
  answerStep: number;
  /** The marker's step (0-based). */
  markerStep: number;
  /** LIME weight of each time step (surrogate coefficients). */
  weights: Float64Array;
  /** The step with the largest |weight| (0-based). */
  topStep: number;
  intercept: number;
  /** Weighted R² of the surrogate on the perturbations. */
  score: number;
  /** Surrogate at the unmasked sequence, g(1, …, 1), against the model's f(x). */
  localPrediction: number;
  prediction: number;
  /** The model's probability for the explained class with only the answer step masked, and with only the marker masked. */
  maskedAnswer: number;
  maskedMarker: number;
  /** Attention weights α_t of the same sequence (sum to 1). */
  alpha: Float32Array;
  numSamples: number;
  kernelWidth: number;
  limeSeed: number;
  /** Milliseconds for the explanation (sampling, the model's predictions, the fit). */
  ms: number;
}

/** The attention figure's state with this figure's seed and epoch budget; every other setting at its default. */
export function attentionStateOf(state: LimeSequenceState): AttentionState {
  return { ...defaults(attentionSchema), seed: state.seed, epochs: state.epochs, epoch: state.epoch };
}

/** Index of the largest |v_t| (the first on ties). */
export function topByMagnitude(v: ArrayLike<number>): number {
  let best = 0;
  for (let t = 1; t < v.length; t++) if (Math.abs(v[t]!) > Math.abs(v[best]!)) best = t;
  return best;
}

export class LimeSequenceSession implements FigureSession<LimeSequenceView, LimeSequenceSelection> {
  readonly attention: AttentionSession;
  private cache: { key: string; view: LimeSequenceView } | null = null;

  constructor(readonly state: LimeSequenceState) {
    this.attention = new AttentionSession(attentionStateOf(state));
  }

  get epoch(): number {
    return this.attention.epoch;
  }

  get epochs(): number {
    return this.attention.epochs;
  }

  trainEpoch(hooks: RunHooks = {}): Promise<EpochReport | null> {
    return this.attention.trainEpoch(hooks);
  }

  async view(sel: LimeSequenceSelection): Promise<LimeSequenceView> {
    const key = `${this.epoch}:${sel.index}:${sel.numSamples}:${sel.kernelWidth}:${sel.limeSeed}`;
    if (this.cache?.key === key) return this.cache.view;
    const a = await this.attention.view(sel.index);
    const e = a.example;
    const val = this.attention.data.val;
    const per = val.steps * val.features;
    const predict = modelPredict(this.attention.model);
    const x = tf.tensor3d(val.x.slice(sel.index * per, (sel.index + 1) * per), [1, val.steps, val.features]);
    const answerStep = e.important[0]!;
    const markerStep = e.tokens.indexOf(MARKER_TOKEN);
    try {
      const t0 = performance.now();
      const fit = await limeSequence(predict, x, {
        target: e.predicted,
        numSamples: sel.numSamples,
        kernelWidth: sel.kernelWidth,
        seed: sel.limeSeed,
        baseline: MASK_VALUE,
      });
      const ms = performance.now() - t0;
      const [maskedAnswer, maskedMarker] = await this.maskedProbabilities(x, [answerStep, markerStep], e.predicted);
      const view: LimeSequenceView = {
        epoch: a.epoch,
        valAccuracy: a.valAccuracy,
        index: e.index,
        tokens: e.tokens,
        label: e.label,
        predicted: e.predicted,
        probabilities: e.probabilities,
        answerStep,
        markerStep,
        weights: fit.weights,
        topStep: topByMagnitude(fit.weights),
        intercept: fit.intercept,
        score: fit.score,
        localPrediction: fit.localPrediction,
        prediction: fit.prediction,
        maskedAnswer: maskedAnswer!,
        maskedMarker: maskedMarker!,
        alpha: e.alpha,
        numSamples: sel.numSamples,
        kernelWidth: sel.kernelWidth,
        limeSeed: sel.limeSeed,
        ms,
      };
      this.cache = { key, view };
      return view;
    } finally {
      x.dispose();
    }
  }

  /** The model's probability for `target` with each of `steps` masked alone. */
  private async maskedProbabilities(x: tf.Tensor3D, steps: number[], target: number): Promise<number[]> {
    const T = x.shape[1];
    const p = tf.tidy(() => {
      const keep = tf.tensor3d(
        steps.flatMap((s) => Array.from({ length: T }, (_, t) => (t === s ? 0 : 1))),
        [steps.length, T, 1],
      );
      const masked = tf.add(tf.mul(x, keep), tf.mul(tf.sub(1, keep), MASK_VALUE));
      return tf.slice(modelPredict(this.attention.model)(masked), [0, target], [steps.length, 1]);
    });
    const out = Array.from(await p.data());
    p.dispose();
    return out;
  }

  dispose(): void {
    this.attention.dispose();
  }
}
