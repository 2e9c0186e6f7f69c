/**
 * The evaluation figure's compute, with no DOM: judges the attribution methods of
 * the fast CNN (loaded from a pre-trained checkpoint) in three ways,
 *  1. faithfulness: deletion and insertion curves and their areas, per method and
 *     for a random ranking, averaged over n test digits;
 *  2. the model-randomisation sanity check: each method's map after re-initialising
 *     the layers one by one from the top, compared with the original map;
 *  3. agreement: between methods (rank correlation) and, for each method, between
 *     this checkpoint and other checkpoints and training seeds.
 * Runs in the page's worker and, unchanged, in Node tests.
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { Mnist } from '../../data/mnist/load.ts';
import { buildFastCnn } from '../../models/cnn.ts';
import { deletionCurve, insertionCurve, modelPredict, randomisationCheck, spearman } from '../../explain/index.ts';
import { explain, randomMap } from './methods.ts';
import { restoreSnapshot, type CheckpointMeta, type WeightSnapshot } from '../../train/snapshot.ts';
import type { FigureSession } from '../../worker/session-host.ts';
import { EVAL_METHODS, RANDOMISED, type EvalMethodId, type EvaluationSelection, type EvaluationState, type RandomisedId } from './state.ts';
import { agreementMatrix, meanStd, normaliseAbs, ssim, topOverlap } from './similarity.ts';
import { said, type Progress } from '../../i18n/worker-messages.ts';

export { explain, randomMap, METHOD_SETTINGS } from './methods.ts';

const SIZE = 28;
const CLASSES = 10;
/** The seed the book's checkpoints were trained from; other seeds are compared with it. */
export const REFERENCE_SEED = 1;
/** Fetches (page) or reads (tests) the fast-CNN checkpoint of `seed` after `epoch` epochs. */
export type CheckpointLoader = (seed: number, epoch: number) => Promise<{ meta: CheckpointMeta; snap: WeightSnapshot }>;

/** A checkpoint the loader can provide, with the test accuracy recorded when it was saved. */
export interface AvailableCheckpoint {
  seed: number;
  epoch: number;
  testAccuracy: number | null;
}

export interface MethodCurves {
  id: EvalMethodId;
  /** Mean over the digits of f_c at each fraction removed (deletion) or inserted (insertion). */
  deletion: Float64Array;
  insertion: Float64Array;
  /** Area under each digit's curve, in digit order, and their mean. */
  deletionAucs: Float64Array;
  insertionAucs: Float64Array;
  deletionAuc: number;
  insertionAuc: number;
}

export interface RandomisedMethod {
  id: RandomisedId;
  /** Similarity to the original map after each cascading step; entry 0 is the original itself (1). */
  spearmanAbs: Float64Array;
  spearman: Float64Array;
  ssim: Float64Array;
  /** |top-10%(|E|) ∩ top-10%(|E′|)| / k, k = 78 of the 784 pixels. */
  topOverlap: Float64Array;
  /** The 28×28 map before randomisation and after the last step (all layers random). */
  before: Float32Array;
  after: Float32Array;
}

export interface CheckpointColumn {
  seed: number;
  epoch: number;
  testAccuracy: number | null;
}

export interface EvaluationView {
  /** The checkpoint judged (seed 1), which the page shows as epoch. */
  epoch: number;
  testAccuracy: number | null;
  request: number;
  /** True when a newer request superseded this one before it finished: draw nothing. */
  stale: boolean;
  digits: { index: number; label: number; predicted: number; probability: number }[];
  /** Every method's ranking scores for the first digit, 28×28 (what the curves delete by). */
  maps: { id: EvalMethodId; values: Float32Array }[];
  firstPixels: Float32Array;
  curves: { fractions: Float64Array; methods: MethodCurves[] };
  randomisation: { digit: number; target: number; layers: string[]; methods: RandomisedMethod[] };
  /** Mean Spearman ρ between the methods' rankings over the digits (row-major, methods × methods). */
  agreement: { methods: EvalMethodId[]; matrix: Float64Array };
  /** For each method, mean Spearman ρ between its map here and on another checkpoint or seed (null unless asked for). */
  stability: null | { columns: CheckpointColumn[]; methods: { id: EvalMethodId; rho: Float64Array }[] };
}

/** Raised inside a computation that a newer request superseded. */
class Superseded extends Error {}

async function read(t: tf.Tensor): Promise<Float32Array> {
  const v = Float32Array.from((await t.data()) as Float32Array);
  t.dispose();
  return v;
}

export class EvaluationSession implements FigureSession<EvaluationView, EvaluationSelection> {
  readonly model: tfl.Sequential;
  /** Holds the other checkpoints and seeds, one at a time. */
  private scratch: tfl.Sequential | null = null;
  private meta: CheckpointMeta | null = null;
  private latest = -Infinity;
  private queue: Promise<unknown> = Promise.resolve();
  /** Results kept while only other parts of the selection change. */
  private cache = new Map<string, unknown>();

  constructor(
    readonly state: EvaluationState,
    private readonly data: Mnist,
    private readonly load: CheckpointLoader,
    private readonly available: AvailableCheckpoint[],
    private readonly progress: Progress = () => {},
  ) {
    this.model = buildFastCnn({ seed: REFERENCE_SEED });
  }

  static async create(
    state: EvaluationState,
    data: Mnist,
    load: CheckpointLoader,
    available: AvailableCheckpoint[],
    progress: Progress = () => {},
  ): Promise<EvaluationSession> {
    const s = new EvaluationSession(state, data, load, available, progress);
    try {
      await s.loadModel(Number(state.ckpt));
    } catch (e) {
      s.dispose();
      throw e;
    }
    return s;
  }

  private loaded = 0;

  private async loadModel(epoch: number): Promise<void> {
    this.progress(0, said('worker.loadingCheckpoint', { epoch }));
    const { meta, snap } = await this.load(REFERENCE_SEED, epoch);
    restoreSnapshot(this.model, snap);
    this.meta = meta;
    this.loaded = epoch;
  }

  /** Nothing is trained here: the figure judges fixed checkpoints. */
  get epoch(): number {
    return this.loaded;
  }

  get epochs(): number {
    return this.epoch;
  }

  async trainEpoch(): Promise<null> {
    return null;
  }

  /** Views are computed one at a time; a newer request makes an older one stop early. */
  view(sel: EvaluationSelection): Promise<EvaluationView> {
    this.latest = Math.max(this.latest, sel.request);
    const run = this.queue.then(() => this.compute(sel));
    this.queue = run.catch(() => {});
    return run;
  }

  private check(sel: EvaluationSelection): void {
    if (sel.request < this.latest) throw new Superseded();
  }

  private digitTensor(index: number): tf.Tensor4D {
    const test = this.data.test;
    return tf.tensor4d(test.images.slice(index * SIZE * SIZE, (index + 1) * SIZE * SIZE), [1, SIZE, SIZE, 1]);
  }

  private async predicted(model: tfl.LayersModel, x: tf.Tensor): Promise<{ predicted: number; probability: number }> {
    const p = await read(tf.tidy(() => modelPredict(model)(x)));
    let best = 0;
    for (let c = 1; c < CLASSES; c++) if (p[c]! > p[best]!) best = c;
    return { predicted: best, probability: p[best]! };
  }

  /** Ranking scores of every method for one digit and class, on `model`. */
  private async allMaps(model: tfl.LayersModel, x: tf.Tensor, target: number, digit: number, seed: number): Promise<Record<EvalMethodId, Float32Array>> {
    const out = {} as Record<EvalMethodId, Float32Array>;
    for (const id of EVAL_METHODS) out[id] = id === 'random' ? randomMap(seed, digit) : await read(await explain(id, model, x, target, seed));
    return out;
  }

  private async compute(sel: EvaluationSelection): Promise<EvaluationView> {
    const test = this.data.test;
    for (const [name, v, max] of [['digit', sel.digit, test.count - 1], ['n', sel.n, 16], ['steps', sel.steps, 200]] as const) {
      if (!Number.isInteger(v) || v < (name === 'digit' ? 0 : 1) || v > max) throw new RangeError(`${name} must be a whole number up to ${max}; got ${v}`);
    }
    if (!this.available.some((c) => c.seed === REFERENCE_SEED && c.epoch === sel.ckpt) && sel.ckpt !== this.loaded) {
      throw new RangeError(`there is no checkpoint of seed ${REFERENCE_SEED} after ${sel.ckpt} epochs`);
    }
    // Weights change only here, between computations (views run one at a time).
    if (sel.ckpt !== this.loaded) await this.loadModel(sel.ckpt);
    const base: EvaluationView = {
      epoch: this.epoch,
      testAccuracy: this.meta?.testAccuracy ?? null,
      request: sel.request,
      stale: true,
      digits: [],
      maps: [],
      firstPixels: new Float32Array(0),
      curves: { fractions: new Float64Array(0), methods: [] },
      randomisation: { digit: sel.digit, target: 0, layers: [], methods: [] },
      agreement: { methods: [], matrix: new Float64Array(0) },
      stability: null,
    };
    try {
      const indices = Array.from({ length: sel.n }, (_, i) => (sel.digit + i) % test.count);
      const maps = await this.mapsFor(indices, sel);
      const curves = await this.curvesFor(indices, maps, sel);
      const randomisation = await this.randomisationFor(sel);
      const agreement = { methods: [...EVAL_METHODS], matrix: agreementMatrix(maps.perDigit, EVAL_METHODS) };
      const stability = sel.compare ? await this.stabilityFor(indices, maps, sel) : null;
      this.progress(1, said('worker.done'));
      return {
        ...base,
        stale: false,
        digits: indices.map((index, i) => ({ index, label: test.labels[index]!, ...maps.predictions[i]! })),
        maps: EVAL_METHODS.map((id) => ({ id, values: maps.perDigit[0]![id] })),
        firstPixels: test.images.slice(sel.digit * SIZE * SIZE, (sel.digit + 1) * SIZE * SIZE),
        curves,
        randomisation,
        agreement,
        stability,
      };
    } catch (e) {
      if (e instanceof Superseded) return base;
      throw e;
    }
  }

  private async cached<T>(key: string, make: () => Promise<T>): Promise<T> {
    if (this.cache.has(key)) return this.cache.get(key) as T;
    const v = await make();
    this.cache.set(key, v);
    return v;
  }

  private mapsFor(indices: number[], sel: EvaluationSelection) {
    return this.cached(`maps:${sel.ckpt}:${indices.join(',')}:${sel.seed}`, async () => {
      const perDigit: Record<EvalMethodId, Float32Array>[] = [];
      const predictions: { predicted: number; probability: number }[] = [];
      for (const [i, index] of indices.entries()) {
        this.check(sel);
        this.progress(i / indices.length, said('worker.eval.explaining', { digit: i + 1, count: indices.length, methods: EVAL_METHODS.length - 1 }));
        const x = this.digitTensor(index);
        try {
          const p = await this.predicted(this.model, x);
          predictions.push(p);
          perDigit.push(await this.allMaps(this.model, x, p.predicted, index, sel.seed));
        } finally {
          x.dispose();
        }
      }
      return { perDigit, predictions };
    });
  }

  private curvesFor(indices: number[], maps: Awaited<ReturnType<EvaluationSession['mapsFor']>>, sel: EvaluationSelection) {
    return this.cached(`curves:${sel.ckpt}:${indices.join(',')}:${sel.seed}:${sel.steps}`, async () => {
      const n = indices.length;
      const points = sel.steps + 1;
      const methods: MethodCurves[] = EVAL_METHODS.map((id) => ({
        id,
        deletion: new Float64Array(points),
        insertion: new Float64Array(points),
        deletionAucs: new Float64Array(n),
        insertionAucs: new Float64Array(n),
        deletionAuc: 0,
        insertionAuc: 0,
      }));
      let fractions: Float64Array = new Float64Array(points);
      const predict = modelPredict(this.model);
      for (const [i, index] of indices.entries()) {
        this.check(sel);
        this.progress(i / n, said('worker.eval.curves', { digit: i + 1, count: n }));
        const x = this.digitTensor(index);
        try {
          const target = maps.predictions[i]!.predicted;
          for (const m of methods) {
            const attribution = maps.perDigit[i]![m.id];
            const del = await deletionCurve(predict, x, attribution, target, { steps: sel.steps });
            const ins = await insertionCurve(predict, x, attribution, target, { steps: sel.steps });
            fractions = del.fractions;
            for (let k = 0; k < points; k++) {
              m.deletion[k]! += del.scores[k]! / n;
              m.insertion[k]! += ins.scores[k]! / n;
            }
            m.deletionAucs[i] = del.auc;
            m.insertionAucs[i] = ins.auc;
          }
        } finally {
          x.dispose();
        }
      }
      for (const m of methods) {
        m.deletionAuc = meanStd(m.deletionAucs).mean;
        m.insertionAuc = meanStd(m.insertionAucs).mean;
      }
      return { fractions, methods };
    });
  }

  /** The cascading randomisation check on the first digit, for every model-dependent method and the control. */
  private randomisationFor(sel: EvaluationSelection) {
    return this.cached(`random:${sel.ckpt}:${sel.digit}:${sel.seed}`, async () => {
      const x = this.digitTensor(sel.digit);
      try {
        const { predicted: target } = await this.predicted(this.model, x);
        const methods: RandomisedMethod[] = [];
        let layers: string[] = [];
        for (const [i, id] of RANDOMISED.entries()) {
          this.check(sel);
          this.progress(i / RANDOMISED.length, said('worker.eval.randomising', { method: id }));
          // Keep every map the check computes: the first is the original, then one per step.
          const seen: Float32Array[] = [];
          const method = async (m: tfl.LayersModel, xx: tf.Tensor, t: number) => {
            const e = await explain(id, m, xx, t, sel.seed);
            seen.push(Float32Array.from((await e.data()) as Float32Array));
            return e;
          };
          const r = await randomisationCheck(this.model, x, target, method, { seed: sel.seed });
          layers = r.steps.map((s) => s.layer);
          const a0 = normaliseAbs(seen[0]!);
          methods.push({
            id,
            spearmanAbs: Float64Array.from([1, ...r.steps.map((s) => s.spearmanAbs)]),
            spearman: Float64Array.from([1, ...r.steps.map((s) => s.spearman)]),
            ssim: Float64Array.from(seen.map((v) => ssim(a0, normaliseAbs(v), SIZE))),
            topOverlap: Float64Array.from(seen.map((v) => topOverlap(a0, normaliseAbs(v), Math.round((SIZE * SIZE) / 10)))),
            before: seen[0]!,
            after: seen[seen.length - 1]!,
          });
        }
        return { digit: sel.digit, target, layers, methods };
      } finally {
        x.dispose();
      }
    });
  }

  /** Each method's map on every other available checkpoint and seed, against this checkpoint's. */
  private stabilityFor(indices: number[], maps: Awaited<ReturnType<EvaluationSession['mapsFor']>>, sel: EvaluationSelection) {
    return this.cached(`stability:${sel.ckpt}:${indices.join(',')}:${sel.seed}`, async () => {
      const columns = this.available.filter((c) => !(c.seed === REFERENCE_SEED && c.epoch === this.epoch));
      const ids = EVAL_METHODS.filter((id) => id !== 'random');
      const rho = ids.map(() => new Float64Array(columns.length));
      this.scratch ??= buildFastCnn({ seed: REFERENCE_SEED });
      for (const [c, col] of columns.entries()) {
        this.check(sel);
        this.progress(c / columns.length, said('worker.eval.comparing', { seed: col.seed, epoch: col.epoch }));
        const { snap } = await this.load(col.seed, col.epoch);
        restoreSnapshot(this.scratch, snap);
        const perMethod = ids.map(() => [] as number[]);
        for (const [i, index] of indices.entries()) {
          const x = this.digitTensor(index);
          try {
            // The same class as on the judged model, so the maps answer the same question.
            const target = maps.predictions[i]!.predicted;
            for (const [m, id] of ids.entries()) {
              const other = await read(await explain(id as Exclude<EvalMethodId, 'random'>, this.scratch, x, target, sel.seed));
              perMethod[m]!.push(spearman(maps.perDigit[i]![id], other));
            }
          } finally {
            x.dispose();
          }
        }
        perMethod.forEach((values, m) => (rho[m]![c] = meanStd(values).mean));
      }
      return { columns, methods: ids.map((id, m) => ({ id, rho: rho[m]! })) };
    });
  }

  dispose(): void {
    this.model.dispose();
    this.scratch?.dispose();
    this.cache.clear();
  }
}
