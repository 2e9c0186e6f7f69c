/**
 * A tabular data set as it arrives in practice, and the preprocessing that makes it
 * trainable. Plain TypeScript, no TF.js: the chapter's preprocessing figure runs it
 * in the page, and the optimizer race runs it in its worker.
 *
 * The table starts as the book's make_classification-like generator (6 features,
 * 2 informative, 2 redundant, 2 noise). Each column is then given the scale and
 * offset of a measurement in its own units, a few values go missing (NaN), and one
 * column has out-of-range codes (−999, a common "no reading" code). Preprocessing:
 *
 *  1. split into training and validation rows (seeded);
 *  2. clean: a value outside its column's valid range counts as missing; missing
 *     values are replaced by the column's median over the *training* rows;
 *  3. scale (optional): z = (x − μ) / σ with μ and σ of the *training* rows.
 */
import { makeClassification, type Table } from '../../data/tabular.ts';
import { standardize, trainTestSplit } from '../../data/split.ts';
import { mulberry32, subSeed } from '../../engine/random.ts';

export interface RawColumn {
  name: string;
  /** Raw value = scale · generated value + offset. */
  scale: number;
  offset: number;
  /** Values outside [min, max] are impossible readings and count as missing. */
  min: number;
  max: number;
  /** Fraction of values that go missing (NaN). */
  missing: number;
  /** Fraction of values replaced by the code −999. */
  outOfRange: number;
}

/** Six columns whose scales span five orders of magnitude, as real measurements do. */
export const RAW_COLUMNS: readonly RawColumn[] = [
  { name: 'x0', scale: 1000, offset: 5000, min: 0, max: 1e5, missing: 0.03, outOfRange: 0 },
  { name: 'x1', scale: 0.01, offset: 0.05, min: -1, max: 1, missing: 0, outOfRange: 0 },
  { name: 'x2', scale: 20, offset: 100, min: 0, max: 1000, missing: 0, outOfRange: 0.02 },
  { name: 'x3', scale: 1, offset: 0, min: -100, max: 100, missing: 0.05, outOfRange: 0 },
  { name: 'x4', scale: 0.1, offset: 3, min: 0, max: 10, missing: 0, outOfRange: 0 },
  { name: 'x5', scale: 300, offset: 0, min: -1e4, max: 1e4, missing: 0, outOfRange: 0 },
];

export const OUT_OF_RANGE_CODE = -999;

/** The generator's table with real-world scales, gaps and bad codes. Same seed → same table. */
export function messyTable(seed: number, nSamples = 1000): Table {
  const d = RAW_COLUMNS.length;
  const clean = makeClassification({ nSamples, nFeatures: d, nInformative: 2, nRedundant: 2, flipY: 0.01, classSep: 1, seed });
  const rng = mulberry32(subSeed(seed, 'messy'));
  const x = new Float32Array(clean.x.length);
  for (let r = 0; r < nSamples; r++) {
    for (let j = 0; j < d; j++) {
      const c = RAW_COLUMNS[j]!;
      const u = rng();
      let v = c.scale * clean.x[r * d + j]! + c.offset;
      if (u < c.missing) v = NaN;
      else if (u < c.missing + c.outOfRange) v = OUT_OF_RANGE_CODE;
      x[r * d + j] = v;
    }
  }
  return { x, y: clean.y.slice(), nSamples, nFeatures: d };
}

export interface ColumnStats {
  mean: Float64Array;
  std: Float64Array;
  min: Float64Array;
  max: Float64Array;
  /** NaN values per column. */
  missing: Int32Array;
  /** Values outside the column's valid range per column (NaN not counted). */
  outOfRange: Int32Array;
}

/**
 * Mean, population std, min and max of each column over its non-missing values.
 * With `checkRanges`, also counts values outside each raw column's valid range.
 */
export function columnStats(t: Table, checkRanges = false): ColumnStats {
  const d = t.nFeatures;
  const s: ColumnStats = {
    mean: new Float64Array(d),
    std: new Float64Array(d),
    min: new Float64Array(d).fill(Infinity),
    max: new Float64Array(d).fill(-Infinity),
    missing: new Int32Array(d),
    outOfRange: new Int32Array(d),
  };
  const count = new Int32Array(d);
  for (let r = 0; r < t.nSamples; r++) {
    for (let j = 0; j < d; j++) {
      const v = t.x[r * d + j]!;
      if (Number.isNaN(v)) {
        s.missing[j]!++;
        continue;
      }
      const c = checkRanges ? RAW_COLUMNS[j] : undefined;
      if (c && (v < c.min || v > c.max)) s.outOfRange[j]!++;
      s.mean[j]! += v;
      count[j]!++;
      if (v < s.min[j]!) s.min[j] = v;
      if (v > s.max[j]!) s.max[j] = v;
    }
  }
  for (let j = 0; j < d; j++) s.mean[j]! /= Math.max(count[j]!, 1);
  for (let r = 0; r < t.nSamples; r++) {
    for (let j = 0; j < d; j++) {
      const v = t.x[r * d + j]!;
      if (!Number.isNaN(v)) s.std[j]! += (v - s.mean[j]!) ** 2;
    }
  }
  for (let j = 0; j < d; j++) s.std[j] = Math.sqrt(s.std[j]! / Math.max(count[j]!, 1));
  return s;
}

/**
 * Cleaning: out-of-range values become missing, and missing values become the
 * column's median over the training rows (the validation rows get the same fill).
 */
export function clean(train: Table, validation: Table): { train: Table; validation: Table; medians: Float64Array; replaced: Int32Array } {
  const d = train.nFeatures;
  const valid = (v: number, j: number) => !Number.isNaN(v) && v >= RAW_COLUMNS[j]!.min && v <= RAW_COLUMNS[j]!.max;
  const medians = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    const vs: number[] = [];
    for (let r = 0; r < train.nSamples; r++) {
      const v = train.x[r * d + j]!;
      if (valid(v, j)) vs.push(v);
    }
    vs.sort((a, b) => a - b);
    const m = vs.length >> 1;
    medians[j] = vs.length === 0 ? 0 : vs.length % 2 ? vs[m]! : (vs[m - 1]! + vs[m]!) / 2;
  }
  const replaced = new Int32Array(d);
  const fill = (t: Table, count: boolean): Table => {
    const x = new Float32Array(t.x.length);
    for (let i = 0; i < t.x.length; i++) {
      const j = i % d;
      const v = t.x[i]!;
      if (valid(v, j)) x[i] = v;
      else {
        x[i] = medians[j]!;
        if (count) replaced[j]!++;
      }
    }
    return { x, y: t.y.slice(), nSamples: t.nSamples, nFeatures: d };
  };
  return { train: fill(train, true), validation: fill(validation, false), medians, replaced };
}

export type Scaling = 'standardised' | 'unscaled';

export interface Prepared {
  train: Table;
  validation: Table;
  /** Statistics of the training rows at each stage: as loaded, after cleaning, after scaling. */
  raw: ColumnStats;
  cleaned: ColumnStats;
  scaled: ColumnStats;
  /** The validation rows after scaling with the training μ and σ: close to, not exactly, 0 and 1. */
  validationScaled: ColumnStats;
  /** Training-row μ and σ used for z = (x − μ)/σ. */
  mu: Float64Array;
  sigma: Float64Array;
  medians: Float64Array;
  /** Values replaced by the median in the training rows, per column. */
  replaced: Int32Array;
}

/** The whole pipeline: split (20% validation), clean, and standardise unless asked not to. */
export function prepare(seed: number, scaling: Scaling = 'standardised', nSamples = 1000): Prepared {
  const table = messyTable(seed, nSamples);
  const split = trainTestSplit(table, 0.2, seed);
  const raw = columnStats(split.train, true);
  const cleaned = clean(split.train, split.test);
  const z = standardize(cleaned.train, cleaned.validation);
  const [train, validation] = scaling === 'standardised' ? [z.train, z.test] : [cleaned.train, cleaned.validation];
  return {
    train,
    validation,
    raw,
    cleaned: columnStats(cleaned.train),
    scaled: columnStats(z.train),
    validationScaled: columnStats(z.test),
    mu: z.mean,
    sigma: z.std,
    medians: cleaned.medians,
    replaced: cleaned.replaced,
  };
}

/** Largest over smallest column variance: how stretched the loss surface of a linear model is along the axes. */
export function varianceRatio(s: ColumnStats): number {
  const v = Array.from(s.std, (x) => x * x);
  return Math.max(...v) / Math.min(...v);
}
