/**
 * Train/test splitting and standardisation for row-major tables. Kept apart from
 * the generators because every tabular figure (trees, MLPs, attributions) needs
 * them, whatever produced the data.
 */
import { mulberry32, permutation, subSeed } from '../engine/random.ts';
import type { Table } from './tabular.ts';

/** Copies the rows `rows` of a table into a new table. */
export function selectRows(data: Table, rows: ArrayLike<number>): Table {
  const d = data.nFeatures;
  const x = new Float32Array(rows.length * d);
  const y = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    x.set(data.x.subarray(r * d, (r + 1) * d), i * d);
    y[i] = data.y[r]!;
  }
  return { x, y, nSamples: rows.length, nFeatures: d };
}

/**
 * Seeded random split: `round(nSamples × testFraction)` rows go to `test`, the
 * rest to `train`, each keeping the shuffled order. Not stratified: with the
 * balanced generators here, class proportions differ by sampling noise only.
 */
export function trainTestSplit(
  data: Table,
  testFraction: number,
  seed: number,
): { train: Table; test: Table } {
  if (!(testFraction > 0 && testFraction < 1)) {
    throw new Error(`trainTestSplit: testFraction must be in (0, 1), got ${testFraction}`);
  }
  const order = permutation(data.nSamples, mulberry32(subSeed(seed, 'train-test-split')));
  const nTest = Math.round(data.nSamples * testFraction);
  return {
    test: selectRows(data, order.subarray(0, nTest)),
    train: selectRows(data, order.subarray(nTest)),
  };
}

/**
 * Z-scores every column with the mean and (population) standard deviation of the
 * *training* rows, applied to both sets, so no test statistics leak into the
 * model. A constant column gets std 1 (it is centred, not blown up).
 */
export function standardize(
  train: Table,
  test: Table,
): { train: Table; test: Table; mean: Float64Array; std: Float64Array } {
  const d = train.nFeatures;
  const n = train.nSamples;
  const mean = new Float64Array(d);
  const std = new Float64Array(d);
  for (let r = 0; r < n; r++) for (let j = 0; j < d; j++) mean[j]! += train.x[r * d + j]! / n;
  for (let r = 0; r < n; r++) {
    for (let j = 0; j < d; j++) {
      const v = train.x[r * d + j]! - mean[j]!;
      std[j]! += (v * v) / n;
    }
  }
  for (let j = 0; j < d; j++) {
    const s = Math.sqrt(std[j]!);
    std[j] = s > 1e-12 ? s : 1;
  }
  const apply = (t: Table): Table => {
    const x = new Float32Array(t.x.length);
    for (let i = 0; i < t.x.length; i++) {
      const j = i % d;
      x[i] = (t.x[i]! - mean[j]!) / std[j]!;
    }
    return { x, y: t.y.slice(), nSamples: t.nSamples, nFeatures: d };
  };
  return { train: apply(train), test: apply(test), mean, std };
}
