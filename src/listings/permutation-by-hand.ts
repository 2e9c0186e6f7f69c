// Permutation importance by hand on a model whose answer we know: f(x) = 3·x0 + 1·x1
// ignores x2. Shuffle one column at a time and measure how much the squared error grows.
import { mulberry32, normal, permutation } from '../engine/random.ts';

const rng = mulberry32(7);
const gauss = normal(rng);
const n = 500;
const X = Array.from({ length: n }, () => [gauss(), gauss(), gauss()]);
const f = (x: number[]) => 3 * x[0]! + 1 * x[1]!;
const y = X.map((x) => f(x) + 0.1 * gauss());
const mse = (rows: number[][]) => rows.reduce((s, x, i) => s + (f(x) - y[i]!) ** 2, 0) / n;

const base = mse(X);
const importance = [0, 1, 2].map((j) => {
  const order = permutation(n, rng);
  const shuffled = X.map((x, i) => x.map((v, k) => (k === j ? X[order[i]!]![j]! : v)));
  return mse(shuffled) - base;
});
print(`error without shuffling: ${base.toFixed(3)}`);
print(`importance x0 x1 x2: ${importance.map((v) => v.toFixed(2)).join(' ')}`);
show.bars(['x0', 'x1', 'x2'], importance, { title: 'increase in squared error when the column is shuffled' });
