/**
 * The CNN inspector's compute, with no DOM: the fast CNN with a pre-trained
 * checkpoint's weights, its learned 3×3 filters, and for one input (a test digit or
 * the reader's drawing) the feature maps of every convolution and pooling layer and
 * the class probabilities. Runs in the page's worker and, unchanged, in Node tests.
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { Mnist } from '../../data/mnist/load.ts';
import { buildFastCnn } from '../../models/cnn.ts';
import { activations } from '../../explain/activations.ts';
import { restoreSnapshot, takeSnapshot, type CheckpointMeta, type WeightSnapshot } from '../../train/snapshot.ts';
import type { EpochReport } from '../../train/trainer.ts';
import type { FigureSession } from '../../worker/session-host.ts';
import type { InspectorSelection, InspectorState } from './state.ts';
import { said, type Progress } from '../../i18n/worker-messages.ts';

const SIZE = 28;
/** The checkpoints were trained from seed 1; "untrained" is that seed's initial weights. */
export const INSPECTOR_SEED = 1;

/** Fetches (page) or reads (tests) the fast-CNN checkpoint of seed 1 at `epoch`. */
export type InspectorCheckpoints = (epoch: number) => Promise<{ meta: CheckpointMeta; snap: WeightSnapshot }>;

/** One convolution's learned kernel, k × k × cin × cout (TF layout), and its biases. */
export interface FilterBank {
  layer: string;
  k: number;
  cin: number;
  cout: number;
  kernel: Float32Array;
  bias: Float32Array;
  /** ‖W[:, :, c, o]‖₂ for input channel c and output channel o, at norms[o * cin + c]. */
  norms: Float32Array;
}

/** One layer's output for the input: height × width × channels, row-major (HWC). */
export interface FeatureMaps {
  layer: string;
  kind: 'conv' | 'pool';
  h: number;
  w: number;
  c: number;
  values: Float32Array;
}

export interface InspectorView {
  epoch: number;
  checkpointTestAccuracy: number | null;
  input: { source: 'test' | 'drawn'; index: number; label: number | null; pixels: Float32Array };
  probabilities: Float32Array;
  predicted: number;
  filters: FilterBank[];
  maps: FeatureMaps[];
}

function kernelNorms(kernel: Float32Array, k: number, cin: number, cout: number): Float32Array {
  const norms = new Float32Array(cin * cout);
  for (let u = 0; u < k * k; u++) {
    for (let c = 0; c < cin; c++) {
      for (let o = 0; o < cout; o++) norms[o * cin + c]! += kernel[(u * cin + c) * cout + o]! ** 2;
    }
  }
  return norms.map(Math.sqrt);
}

export class InspectorSession implements FigureSession<InspectorView, InspectorSelection> {
  readonly model: tfl.Sequential;
  private initial: WeightSnapshot | null = null;
  private loaded = 0;
  private meta: CheckpointMeta | null = null;
  private filters: FilterBank[] | null = null;

  private constructor(
    private readonly data: Mnist,
    private readonly source: InspectorCheckpoints,
  ) {
    this.model = buildFastCnn({ seed: INSPECTOR_SEED });
  }

  static async create(state: InspectorState, data: Mnist, source: InspectorCheckpoints, progress: Progress = () => {}): Promise<InspectorSession> {
    const s = new InspectorSession(data, source);
    try {
      await s.loadCheckpoint(Number(state.ckpt), progress);
    } catch (e) {
      s.dispose();
      throw e;
    }
    return s;
  }

  get epoch(): number {
    return this.loaded;
  }

  /** The inspector does not train: its budget is the checkpoint it shows. */
  get epochs(): number {
    return this.loaded;
  }

  async trainEpoch(): Promise<EpochReport | null> {
    return null;
  }

  async loadCheckpoint(epoch: number, progress: Progress = () => {}): Promise<void> {
    this.initial ??= await takeSnapshot(this.model);
    if (epoch === 0) {
      restoreSnapshot(this.model, this.initial);
      this.meta = null;
    } else {
      progress(0, said('worker.loadingCheckpoint', { epoch }));
      const { meta, snap } = await this.source(epoch);
      restoreSnapshot(this.model, snap);
      this.meta = meta;
    }
    this.loaded = epoch;
    this.filters = null;
  }

  /** The learned kernels of every convolution, read once per checkpoint. */
  private async filterBanks(): Promise<FilterBank[]> {
    if (this.filters) return this.filters;
    const banks: FilterBank[] = [];
    for (const layer of this.model.layers) {
      if (layer.getClassName() !== 'Conv2D') continue;
      const [w, b] = layer.getWeights();
      const [k, , cin, cout] = w!.shape as number[];
      const kernel = Float32Array.from((await w!.data()) as Float32Array);
      banks.push({ layer: layer.name, k: k!, cin: cin!, cout: cout!, kernel, bias: Float32Array.from((await b!.data()) as Float32Array), norms: kernelNorms(kernel, k!, cin!, cout!) });
    }
    this.filters = banks;
    return banks;
  }

  async view(sel: InspectorSelection): Promise<InspectorView> {
    let pixels: Float32Array;
    let label: number | null = null;
    if (sel.drawing) {
      if (sel.drawing.length !== SIZE * SIZE) throw new RangeError(`a drawing has ${SIZE * SIZE} pixels; got ${sel.drawing.length}`);
      pixels = Float32Array.from(sel.drawing);
    } else {
      const test = this.data.test;
      if (!Number.isInteger(sel.digit) || sel.digit < 0 || sel.digit >= test.count) {
        throw new RangeError(`digit must be a test index from 0 to ${test.count - 1}; got ${sel.digit}`);
      }
      pixels = test.images.slice(sel.digit * SIZE * SIZE, (sel.digit + 1) * SIZE * SIZE);
      label = test.labels[sel.digit]!;
    }
    const x = tf.tensor4d(pixels, [1, SIZE, SIZE, 1]);
    try {
      const layers = await activations(this.model, x);
      const maps: FeatureMaps[] = [];
      for (const [l, out] of layers.entries()) {
        const cls = this.model.layers[l]!.getClassName();
        const kind = cls === 'Conv2D' ? 'conv' : cls === 'MaxPooling2D' ? 'pool' : null;
        if (!kind) continue;
        const [, h, w, c] = out.shape;
        maps.push({ layer: out.name, kind, h: h!, w: w!, c: c!, values: Float32Array.from(out.values) });
      }
      const probabilities = Float32Array.from(layers[layers.length - 1]!.values);
      let predicted = 0;
      for (let c = 1; c < probabilities.length; c++) if (probabilities[c]! > probabilities[predicted]!) predicted = c;
      return {
        epoch: this.loaded,
        checkpointTestAccuracy: this.meta?.testAccuracy ?? null,
        input: { source: sel.drawing ? 'drawn' : 'test', index: sel.digit, label, pixels },
        probabilities,
        predicted,
        filters: await this.filterBanks(),
        maps,
      };
    } finally {
      x.dispose();
    }
  }

  dispose(): void {
    this.model.dispose();
  }
}
