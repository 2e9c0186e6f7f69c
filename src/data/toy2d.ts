/**
 * Seeded 2-D toy data sets for decision-boundary figures. Two dimensions so the
 * whole input space can be drawn; each set stresses a different kind of boundary
 * (a closed curve, interleaved arcs, spirals that need depth, linear-ish blobs).
 *
 * Every generator returns `{ x, y, n, classes }`: `x` is a row-major Float32Array
 * of n×2, `y` an Int32Array(n) of class indices. Points come out in a seeded
 * random order so any prefix is a fair sample. Same seed → identical points.
 * Sources: `circles` and `moons` follow scikit-learn's `make_circles` /
 * `make_moons`; `spirals` is the classic two-spiral benchmark (Lang & Witbrock,
 * 1988); `gaussians` follows `make_blobs` with centres on a circle.
 */
import { mulberry32, normal, permutation, subSeed, type Rng } from '../engine/random.ts';

export interface Toy2d {
  /** Row-major n×2 coordinates. */
  x: Float32Array;
  /** Class index per point. */
  y: Int32Array;
  n: number;
  classes: number;
}

export interface Toy2dOptions {
  /** Number of points (default 200). */
  n?: number;
  /** Standard deviation of Gaussian noise added to each coordinate. */
  noise?: number;
  seed: number;
}

/** Fills a Toy2d from per-point generators, then shuffles it with its own stream. */
function assemble(
  n: number,
  classes: number,
  seed: number,
  point: (i: number, rng: Rng, gauss: () => number) => [number, number, number],
): Toy2d {
  const rng = mulberry32(subSeed(seed, 'points'));
  const gauss = normal(mulberry32(subSeed(seed, 'noise')));
  const px = new Float32Array(n * 2);
  const py = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const [a, b, c] = point(i, rng, gauss);
    px[2 * i] = a;
    px[2 * i + 1] = b;
    py[i] = c;
  }
  const order = permutation(n, mulberry32(subSeed(seed, 'shuffle')));
  const x = new Float32Array(n * 2);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const j = order[i]!;
    x[2 * i] = px[2 * j]!;
    x[2 * i + 1] = px[2 * j + 1]!;
    y[i] = py[j]!;
  }
  return { x, y, n, classes };
}

/**
 * Two concentric circles (outer radius 1 → class 0, inner radius `factor` → class 1),
 * like `make_circles`. No line separates them; one hidden layer can.
 */
export function circles(opts: Toy2dOptions & { factor?: number }): Toy2d {
  const { n = 200, noise = 0.08, factor = 0.5, seed } = opts;
  const nOuter = Math.floor(n / 2);
  return assemble(n, 2, seed, (i, rng, gauss) => {
    const inner = i >= nOuter;
    const t = 2 * Math.PI * rng();
    const r = inner ? factor : 1;
    return [r * Math.cos(t) + noise * gauss(), r * Math.sin(t) + noise * gauss(), inner ? 1 : 0];
  });
}

/** Two interleaving half circles, like `make_moons` (x in about [-1, 2], y in [-0.5, 1]). */
export function moons(opts: Toy2dOptions): Toy2d {
  const { n = 200, noise = 0.1, seed } = opts;
  const nUpper = Math.floor(n / 2);
  return assemble(n, 2, seed, (i, rng, gauss) => {
    const t = Math.PI * rng();
    if (i < nUpper) return [Math.cos(t) + noise * gauss(), Math.sin(t) + noise * gauss(), 0];
    return [1 - Math.cos(t) + noise * gauss(), 0.5 - Math.sin(t) + noise * gauss(), 1];
  });
}

/**
 * `classes` interleaved spiral arms (default 2) in about [-1, 1]², each turning
 * `turns` times; the classic benchmark a shallow network struggles with.
 */
export function spirals(opts: Toy2dOptions & { classes?: number; turns?: number }): Toy2d {
  const { n = 300, noise = 0.04, classes = 2, turns = 1.25, seed } = opts;
  return assemble(n, classes, seed, (i, rng, gauss) => {
    const c = i % classes;
    const r = 0.05 + 0.95 * rng();
    const t = 2 * Math.PI * (turns * r + c / classes);
    return [r * Math.cos(t) + noise * gauss(), r * Math.sin(t) + noise * gauss(), c];
  });
}

/**
 * `classes` isotropic Gaussian blobs (default 3) whose centres sit evenly on a
 * circle of `radius` (default 1.5), each with standard deviation `noise`;
 * like `make_blobs` but with fixed, well-spread centres so figures look alike across seeds.
 */
export function gaussians(opts: Toy2dOptions & { classes?: number; radius?: number }): Toy2d {
  const { n = 300, noise = 0.5, classes = 3, radius = 1.5, seed } = opts;
  return assemble(n, classes, seed, (i, _rng, gauss) => {
    const c = i % classes;
    const a = (2 * Math.PI * c) / classes + Math.PI / 2;
    return [radius * Math.cos(a) + noise * gauss(), radius * Math.sin(a) + noise * gauss(), c];
  });
}
