/**
 * The engine lab's contract: which scenarios exist, their options and their
 * plain-JSON results, and the RPC messages between the lab page and its worker.
 * `scripts/bench.mjs` and `tests/e2e/lab-*.spec.ts` call `window.lab.run(scenario,
 * options)` on /lab/engine/ and get one of the results below.
 */
import type { BackendName } from '../tf/choose-backend.ts';

export type ScenarioName = 'info' | 'train-throughput' | 'time-to-accuracy' | 'explainers';
export const SCENARIOS: readonly ScenarioName[] = ['info', 'train-throughput', 'time-to-accuracy', 'explainers'];

/** Options every scenario takes. */
export interface CommonOptions {
  /** TF.js backend to run on ('cpu' | 'wasm' | 'webgl' | 'webgpu'); omitted: the book's automatic choice for heavy models. */
  backend?: string;
  seed?: number;
}

/** `info`: starts the backend (cheap) and says which one runs; a bench's probe. */
export interface InfoResult {
  scenario: 'info';
  backend: BackendName;
  tfVersion: string;
  /** A 64×64 matmul checked against plain JavaScript: the backend computes, not just starts. */
  matmulOk: boolean;
  userAgent: string;
}

export interface TrainThroughputOptions extends CommonOptions {
  model?: 'documents' | 'fast';
  batchSize?: number;
  /** Batches timed for each loop (after one warm-up batch each). Omitted: sized to take about `seconds`. */
  batches?: number;
  /** Seconds each timed loop should take when `batches` is omitted (default 5). */
  seconds?: number;
  /** Fewest batches when sized by `seconds` (default 3). */
  minBatches?: number;
  /** Timed rounds, ours then fit, alternating; each figure is the median over rounds. */
  rounds?: number;
  /** Passed to Trainer.runEpoch as the figures do (0: read back only at the epoch's end). */
  syncEvery?: number;
  learningRate?: number;
}

export interface TrainThroughputResult {
  scenario: 'train-throughput';
  backend: BackendName;
  model: 'documents' | 'fast';
  parameters: number;
  batchSize: number;
  batches: number;
  samples: number;
  /** Milliseconds of one warm batch of ours, used to size `batches` (0 when batches was given). */
  probeBatchMs: number;
  rounds: number;
  syncEvery: number;
  /** Samples per second of our Trainer.runEpoch (median over rounds). */
  oursSamplesPerSecond: number;
  /** Samples per second of tfjs-layers model.fit (median over rounds). */
  fitSamplesPerSecond: number;
  /** ours / fit; the target is ≥ 0.95. */
  ratio: number;
  oursRounds: number[];
  fitRounds: number[];
  /** Tensors alive after everything was disposed minus before: 0 when nothing leaks. */
  leakedTensors: number;
}

export interface TimeToAccuracyOptions extends CommonOptions {
  /** Test accuracy to reach (default 0.95). */
  target?: number;
  /** Give up after this many seconds of training and evaluation (default 120). */
  maxSeconds?: number;
  /** Most epochs (default 30). */
  maxEpochs?: number;
  batchSize?: number;
  learningRate?: number;
  /** Training images used, from the start of the 10,000 (default all). */
  trainRows?: number;
  /** Test images evaluated each epoch (default all 2,000). */
  testRows?: number;
  /** Also evaluate every this many batches (default: once per epoch), for a finer time to the target. */
  evalEveryBatches?: number;
}

export interface TimeToAccuracyResult {
  scenario: 'time-to-accuracy';
  backend: BackendName;
  target: number;
  reached: boolean;
  /** Seconds of training plus per-epoch evaluation until the target was reached (or until stopping). */
  seconds: number;
  /** Epochs trained until then (fractional when evaluated mid-epoch). */
  epochs: number;
  bestAccuracy: number;
  evalEveryBatches: number;
  /** Training images per second over the run, evaluations included. */
  samplesPerSecond: number;
  /** Test accuracy at each evaluation point, and the cumulative seconds then; trainLoss at epoch ends. */
  curve: { epoch: number; seconds: number; testAccuracy: number; trainLoss?: number }[];
  batchSize: number;
  learningRate: number;
  trainRows: number;
  testRows: number;
}

export interface ExplainersOptions extends CommonOptions {
  /** Integrated-gradients path points (default 64). */
  igSteps?: number;
  /** LIME perturbations (default 1000). */
  limeSamples?: number;
  /** KernelSHAP coalitions (default 2048). */
  shapCoalitions?: number;
  /** KernelSHAP background rows (default 50). */
  shapBackground?: number;
  /** Permutation-importance repeats (default 10). */
  permutationRepeats?: number;
  /** Permutation-importance rows (default 1000). */
  permutationRows?: number;
  /** Timed runs per method after one warm-up; the median is reported (default 3). */
  runs?: number;
  /** Stop repeating a method once its timed runs took this long; if the warm-up alone took longer, report it (cold). Default: no limit. */
  maxSecondsPerMethod?: number;
  /** Skip the warm-up run (default false). */
  noWarmup?: boolean;
  /** Batches of brief training for the CNN before explaining (default 30). */
  cnnTrainBatches?: number;
  /** Epochs of brief training for the tabular MLP (default 10). */
  mlpEpochs?: number;
  /** Only these methods (default all). */
  methods?: ExplainerMethod[];
}

export type ExplainerMethod = 'saliency' | 'gradCam' | 'integratedGradients' | 'limeImage' | 'kernelShap' | 'permutationImportance';
export const EXPLAINER_METHODS: readonly ExplainerMethod[] = ['saliency', 'gradCam', 'integratedGradients', 'limeImage', 'kernelShap', 'permutationImportance'];

export interface ExplainerMeasure {
  method: ExplainerMethod;
  /** Median milliseconds over the timed runs. */
  ms: number;
  runsMs: number[];
  /** The only time is the warm-up's (kernel compilation included): it was too slow to repeat. */
  cold?: boolean;
  /** The method threw (e.g. a kernel the backend lacks); the other fields are then empty. */
  error?: string;
  /** Every number of every output is finite. */
  finite: boolean;
  /** The main output (the attribution map or values) has at least two distinct values. */
  varying: boolean;
  outputLength: number;
  /** min, max of the main output, for eyeballing. */
  min: number;
  max: number;
  /** tf.memory().numTensors just before the first (warm-up) call and after the last, outputs disposed. */
  tensorsBefore: number;
  tensorsAfter: number;
  /** What the sizes were, e.g. "64 steps". */
  size: string;
  /** A few scalars worth seeing (IG's completeness gap, LIME's R², SHAP's sum check). */
  extra?: Record<string, number | boolean>;
}

export interface ExplainersResult {
  scenario: 'explainers';
  backend: BackendName;
  /** setupMs: loading MNIST (first time) and the brief training, before any explainer. */
  cnn: { target: number; label: number; trainAccuracy: number; parameters: number; setupMs: number; trainError?: string };
  mlp: { trainAccuracy: number; testAccuracy: number; features: number; setupMs: number };
  methods: ExplainerMeasure[];
}

export type ScenarioOptions = CommonOptions | TrainThroughputOptions | TimeToAccuracyOptions | ExplainersOptions;
export type ScenarioResult = InfoResult | TrainThroughputResult | TimeToAccuracyResult | ExplainersResult;

/** What each scenario reports while it runs (only for humans watching). */
export interface LabProgress {
  text: string;
}

export interface LabRequest {
  id: number;
  scenario: ScenarioName;
  options: ScenarioOptions;
}

export type LabResponse =
  | { id: number; type: 'result'; result: ScenarioResult; backend: BackendName; backendNotices: string[] }
  | { id: number; type: 'error'; message: string; stack?: string }
  | { id: number; type: 'progress'; progress: LabProgress };
