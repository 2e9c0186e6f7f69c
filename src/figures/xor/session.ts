/**
 * The XOR figure's compute, with no DOM: builds the network from the figure state,
 * trains it one epoch at a time, and reports plain numbers for the views: the loss,
 * the decision boundary over the input square, the activation map for all four
 * inputs and the gradient map for the selected one. Runs in the page's worker and
 * in Node tests alike.
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { xorData } from '../../data/xor.ts';
import { buildMlp, type Activation } from '../../models/mlp.ts';
import { Trainer, type EpochReport, type RunHooks } from '../../train/trainer.ts';
import type { FigureSession } from '../../worker/session-host.ts';
import type { OptimizerName } from '../../train/config.ts';
import { activations, type LayerValues } from '../../explain/activations.ts';
import { gradientMap, type GradientMap } from '../../explain/gradient-map.ts';
import type { XorState } from './state.ts';

import { GRID, GRID_MAX, GRID_MIN } from './grid.ts';

export { GRID, GRID_MAX, GRID_MIN };

export interface XorView {
  epoch: number;
  loss: number;
  accuracy: number;
  /** Model output p(y = 1 | x) on the grid, row-major, row 0 at x₂ = GRID_MIN. */
  boundary: Float32Array;
  /** The network's output for each of the four inputs. */
  predictions: Float32Array;
  /** a⁽ˡ⁾ for each layer, rows = the four inputs. */
  activations: LayerValues[];
  /** ∂L/∂a and ∂L/∂W for the selected input's loss. */
  gradients: GradientMap;
  input: number;
}

export class XorSession implements FigureSession<XorView, number> {
  private readonly x: tf.Tensor2D;
  private readonly y: tf.Tensor2D;
  private readonly grid: tf.Tensor2D;
  readonly model: tfl.Sequential;
  readonly trainer: Trainer;
  lastReport: EpochReport | null = null;

  constructor(readonly state: XorState) {
    const data = xorData();
    this.x = tf.tensor2d(data.x, [4, 2]);
    this.y = tf.tensor2d(Float32Array.from(data.y), [4, 1]);
    this.grid = gridPoints();
    this.model = buildMlp({ inputs: 2, hidden: [state.hidden], outputs: 1, activation: state.act as Activation, seed: state.seed });
    this.trainer = new Trainer(this.model, { x: this.x, y: this.y }, {
      optimizer: state.opt as OptimizerName,
      learningRate: state.lr,
      batchSize: 4,
      epochs: state.epochs,
      loss: 'binaryCrossentropy',
      seed: state.seed,
      shuffle: false,
    });
  }

  get epoch(): number {
    return this.trainer.epoch;
  }

  get epochs(): number {
    return this.state.epochs;
  }

  /** Trains one full-batch epoch. Throws DivergedError if the loss stops being finite. */
  async trainEpoch(hooks: RunHooks = {}): Promise<EpochReport | null> {
    const report = await this.trainer.runEpoch(hooks);
    if (report) this.lastReport = report;
    return report;
  }

  async view(input: number): Promise<XorView> {
    if (!Number.isInteger(input) || input < 0 || input > 3) throw new RangeError(`input must be 0, 1, 2 or 3; got ${input}`);
    const { loss, accuracy } = await this.trainer.evaluate({ x: this.x, y: this.y });
    const [boundaryT, predsT] = tf.tidy(() => [this.model.predict(this.grid) as tf.Tensor, this.model.predict(this.x) as tf.Tensor]);
    const boundary = (await boundaryT!.data()) as Float32Array;
    const predictions = (await predsT!.data()) as Float32Array;
    tf.dispose([boundaryT!, predsT!]);
    const acts = await activations(this.model, this.x);
    const [xi, yi] = [tf.slice(this.x, [input, 0], [1, 2]), tf.slice(this.y, [input, 0], [1, 1])];
    const gradients = await gradientMap(this.model, xi, yi, 'binaryCrossentropy');
    tf.dispose([xi, yi]);
    return { epoch: this.epoch, loss, accuracy, boundary, predictions, activations: acts, gradients, input };
  }

  dispose(): void {
    this.trainer.dispose();
    this.model.dispose();
    tf.dispose([this.x, this.y, this.grid]);
  }
}

function gridPoints(): tf.Tensor2D {
  const pts = new Float32Array(GRID * GRID * 2);
  const step = (GRID_MAX - GRID_MIN) / (GRID - 1);
  for (let r = 0; r < GRID; r++) {
    for (let c = 0; c < GRID; c++) {
      pts[(r * GRID + c) * 2] = GRID_MIN + c * step;
      pts[(r * GRID + c) * 2 + 1] = GRID_MIN + r * step;
    }
  }
  return tf.tensor2d(pts, [GRID * GRID, 2]);
}
