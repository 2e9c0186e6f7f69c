/**
 * The image LIME figure's compute, with no DOM: the fast CNN from a pre-trained
 * checkpoint (the attribution figure's session, reused for loading and training),
 * explained for one MNIST test digit by `limeImage` over SLIC or grid superpixels,
 * plus the network's probability when only LIME's top superpixels are shown.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Mnist } from '../../data/mnist/load.ts';
import { gridSegments, limeImage, modelPredict, segmentMap, slicSegments, countSegments } from '../../explain/index.ts';
import type { EpochReport, RunHooks } from '../../train/trainer.ts';
import type { FigureSession } from '../../worker/session-host.ts';
import { AttributionSession, type CheckpointSource } from '../attribution/session.ts';
import { attributionSchema } from '../attribution/state.ts';
import { defaults } from '../../state/url-state.ts';
import type { LimeImageSelection, LimeImageState } from './image-state.ts';
import type { Progress } from '../../i18n/worker-messages.ts';

const SIZE = 28;
const CLASSES = 10;

export interface LimeImageView {
  epoch: number;
  checkpoint: number;
  digit: { index: number; label: number; pixels: Float32Array; probabilities: Float32Array };
  target: number;
  segments: Int32Array;
  numSegments: number;
  /** One weight per superpixel, and the same spread over the 784 pixels. */
  weights: Float64Array;
  map: Float32Array;
  intercept: number;
  score: number;
  localPrediction: number;
  prediction: number;
  /** The superpixels with the largest positive weights, and f(target) with only them shown (the rest set to 0). */
  top: number[];
  topOnly: Float32Array;
  pTopOnly: number;
  numSamples: number;
  ms: number;
}

export class LimeImageSession implements FigureSession<LimeImageView, LimeImageSelection> {
  private constructor(
    private readonly inner: AttributionSession,
    private readonly data: Mnist,
    private loaded: number,
  ) {}

  static async create(state: LimeImageState, data: Mnist, source: CheckpointSource, progress: Progress = () => {}): Promise<LimeImageSession> {
    const attr = { ...defaults(attributionSchema), ckpt: state.ckpt, more: state.more };
    return new LimeImageSession(await AttributionSession.create(attr, data, source, progress), data, Number(state.ckpt));
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

  async loadCheckpoint(epoch: number, progress?: Progress): Promise<void> {
    await this.inner.loadCheckpoint(epoch, progress);
    this.loaded = epoch;
  }

  async view(sel: LimeImageSelection): Promise<LimeImageView> {
    const test = this.data.test;
    if (!Number.isInteger(sel.digit) || sel.digit < 0 || sel.digit >= test.count) throw new RangeError(`digit must be a test index from 0 to ${test.count - 1}; got ${sel.digit}`);
    const pixels = test.images.slice(sel.digit * SIZE * SIZE, (sel.digit + 1) * SIZE * SIZE);
    const predict = modelPredict(this.inner.model);
    const x = tf.tensor4d(pixels, [1, SIZE, SIZE, 1]);
    try {
      const pT = tf.tidy(() => predict(x));
      const probabilities = Float32Array.from(await pT.data());
      pT.dispose();
      let target = 0;
      for (let c = 1; c < CLASSES; c++) if (probabilities[c]! > probabilities[target]!) target = c;
      const segments = sel.seg === 'grid' ? gridSegments(SIZE, SIZE, 4) : slicSegments(pixels, SIZE, SIZE, { nSegments: 25 });
      const t0 = performance.now();
      const r = await limeImage(predict, x, { segments, target, numSamples: sel.numSamples, seed: sel.limeSeed });
      const ms = performance.now() - t0;
      const K = countSegments(segments);
      const top = Array.from({ length: K }, (_, k) => k)
        .filter((k) => r.weights[k]! > 0)
        .sort((a, b) => r.weights[b]! - r.weights[a]!)
        .slice(0, sel.top);
      const topOnly = pixels.map((v, p) => (top.includes(segments[p]!) ? v : 0));
      const yT = tf.tidy(() => predict(tf.tensor4d(topOnly, [1, SIZE, SIZE, 1])));
      const pTopOnly = (await yT.data())[target]!;
      yT.dispose();
      return {
        epoch: this.epoch,
        checkpoint: this.loaded,
        digit: { index: sel.digit, label: test.labels[sel.digit]!, pixels, probabilities },
        target,
        segments,
        numSegments: K,
        weights: r.weights,
        map: segmentMap(r.weights, segments),
        intercept: r.intercept,
        score: r.score,
        localPrediction: r.localPrediction,
        prediction: r.prediction,
        top,
        topOnly,
        pTopOnly,
        numSamples: sel.numSamples,
        ms,
      };
    } finally {
      x.dispose();
    }
  }

  dispose(): void {
    this.inner.dispose();
  }
}
