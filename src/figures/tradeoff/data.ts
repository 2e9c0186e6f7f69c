/**
 * The data both models of the transparency–performance figure learn: a 2-D toy set
 * (src/data/toy2d.ts), a training half and an independent test half from separate
 * seeds, and the lattice on which both decision boundaries are drawn. No TF.js, so the
 * page (tree) and the worker (network) build identical data from the same state.
 */
import { circles, moons, spirals, type Toy2d } from '../../data/toy2d.ts';
import { subSeed } from '../../engine/random.ts';

export const GRID = 40;
export const POINTS = 300;

export interface TradeoffData {
  train: Toy2d;
  test: Toy2d;
  /** The square [min, max]² the boundaries are drawn over. */
  min: number;
  max: number;
  /** GRID×GRID points, row-major, row 0 at x₂ = min. */
  grid: Float32Array;
}

const MAKERS: Record<string, { make: (seed: number) => Toy2d; min: number; max: number }> = {
  moons: { make: (seed) => moons({ n: POINTS, noise: 0.2, seed }), min: -1.6, max: 2.6 },
  circles: { make: (seed) => circles({ n: POINTS, noise: 0.12, factor: 0.5, seed }), min: -1.5, max: 1.5 },
  spirals: { make: (seed) => spirals({ n: POINTS, noise: 0.04, turns: 1.25, seed }), min: -1.2, max: 1.2 },
};

export function tradeoffData(name: string, seed: number): TradeoffData {
  const maker = MAKERS[name];
  if (!maker) throw new RangeError(`data set must be one of ${Object.keys(MAKERS).join(', ')}; got ${name}`);
  const grid = new Float32Array(GRID * GRID * 2);
  const step = (maker.max - maker.min) / (GRID - 1);
  for (let r = 0; r < GRID; r++) {
    for (let c = 0; c < GRID; c++) {
      grid[(r * GRID + c) * 2] = maker.min + c * step;
      grid[(r * GRID + c) * 2 + 1] = maker.min + r * step;
    }
  }
  return { train: maker.make(subSeed(seed, 'train')), test: maker.make(subSeed(seed, 'test')), min: maker.min, max: maker.max, grid };
}
