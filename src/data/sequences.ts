/**
 * Sequence tasks where we know exactly which time steps decide the answer, so a
 * saliency or attention figure over time can be scored against the truth.
 *
 * Both generators return a {@link SequenceData}: `x` is a row-major Float32Array
 * of n×steps×features, `y` an Int32Array(n) of class indices (10 classes), and
 * `important` an Int32Array(n×k) with the k ground-truth time steps of each
 * example (example i's positions are `important[i*k … i*k+k-1]`, ascending).
 * Same seed → identical sequences.
 */
import { mulberry32, subSeed } from '../engine/random.ts';

export interface SequenceData {
  /** Row-major n×steps×features. */
  x: Float32Array;
  /** Class index per sequence, 0…classes-1. */
  y: Int32Array;
  /** n×k ground-truth time steps (the only ones the label depends on). */
  important: Int32Array;
  n: number;
  steps: number;
  features: number;
  /** Ground-truth positions per example. */
  k: number;
  classes: number;
}

export interface AddingOptions {
  n?: number;
  /** Sequence length T (default 20). */
  steps?: number;
  seed: number;
}

/**
 * The adding problem (Hochreiter & Schmidhuber, 1997), as a 10-class task.
 * Each step carries two features: a value v ∈ U(0, 1) and a marker m ∈ {0, 1};
 * exactly two steps i < j (uniform, distinct) are marked. The label is the
 * decile of their mean: y = min(9, ⌊(v_i + v_j) / 2 · 10⌋). Classes 4 and 5 are
 * the most frequent (the mean of two uniforms is triangular), so chance accuracy
 * is about 19 %, not 10 %. Ground truth: `important = [i, j]` (k = 2).
 */
export function addingProblem(opts: AddingOptions): SequenceData {
  const { n = 1000, steps = 20, seed } = opts;
  if (steps < 2) throw new Error('addingProblem: steps must be ≥ 2');
  const rng = mulberry32(subSeed(seed, 'adding-problem'));
  const f = 2;
  const x = new Float32Array(n * steps * f);
  const y = new Int32Array(n);
  const important = new Int32Array(n * 2);
  for (let e = 0; e < n; e++) {
    const base = e * steps * f;
    for (let t = 0; t < steps; t++) x[base + t * f] = rng();
    const a = Math.floor(rng() * steps);
    let b = Math.floor(rng() * (steps - 1));
    if (b >= a) b += 1;
    const i = Math.min(a, b);
    const j = Math.max(a, b);
    x[base + i * f + 1] = 1;
    x[base + j * f + 1] = 1;
    important[2 * e] = i;
    important[2 * e + 1] = j;
    // Use the float32 values actually stored, so the label is exact for the data given.
    y[e] = addingLabel(x[base + i * f]!, x[base + j * f]!);
  }
  return { x, y, important, n, steps, features: f, k: 2, classes: 10 };
}

/** The adding problem's label for marked values a and b: decile of their mean, 0…9. */
export function addingLabel(a: number, b: number): number {
  return Math.max(0, Math.min(9, Math.floor(((a + b) / 2) * 10)));
}

export interface MarkerOptions {
  n?: number;
  /** Sequence length T (default 20). */
  steps?: number;
  /** Probability that a non-answer step is the filler token rather than a random digit (default 0.5). */
  fillerRate?: number;
  seed: number;
}

/** Token ids of the "token after the marker" task: digits 0–9 are classes. */
export const MARKER_TOKEN = 10;
export const FILLER_TOKEN = 11;
export const MARKER_VOCAB = 12;

/**
 * "Token after the marker": each step is a one-hot token over a 12-word vocabulary
 * (digits 0–9, a marker, a filler). Exactly one step m ∈ [0, T-2] holds the
 * marker; the label is the digit at step m+1. Every other step is the filler
 * (probability `fillerRate`) or a random distractor digit, so the network must
 * find the marker rather than count digits. Ground truth: `important = [m+1]`
 * (k = 1), the step whose token *is* the answer; the marker sits just before it.
 * Shape: n×T×12.
 */
export function tokenAfterMarker(opts: MarkerOptions): SequenceData {
  const { n = 1000, steps = 20, fillerRate = 0.5, seed } = opts;
  if (steps < 2) throw new Error('tokenAfterMarker: steps must be ≥ 2');
  const rng = mulberry32(subSeed(seed, 'token-after-marker'));
  const f = MARKER_VOCAB;
  const x = new Float32Array(n * steps * f);
  const y = new Int32Array(n);
  const important = new Int32Array(n);
  for (let e = 0; e < n; e++) {
    const m = Math.floor(rng() * (steps - 1));
    const label = Math.floor(rng() * 10);
    for (let t = 0; t < steps; t++) {
      let token: number;
      if (t === m) token = MARKER_TOKEN;
      else if (t === m + 1) token = label;
      else token = rng() < fillerRate ? FILLER_TOKEN : Math.floor(rng() * 10);
      x[(e * steps + t) * f + token] = 1;
    }
    y[e] = label;
    important[e] = m + 1;
  }
  return { x, y, important, n, steps, features: f, k: 1, classes: 10 };
}

/** How the figures print a token: the digit, ▶ for the marker, · for filler. */
export function tokenText(token: number): string {
  if (token === MARKER_TOKEN) return '▶';
  if (token === FILLER_TOKEN) return '·';
  return String(token);
}
