// A deletion curve by hand: for a linear model f(x) = w·x, remove features (set them to
// 0) in the order an explanation ranks them, and track the score. A faithful ranking
// (by |w_i·x_i|) makes the score fall faster than a random one: a smaller area.
import { mulberry32, permutation } from '../engine/random.ts';

const w = [2, -1, 0.5, 3, 0, -0.5, 1.5, 0.2];
const x = [1, 1, 1, 1, 1, 1, 1, 1];
const score = (keep: boolean[]) => w.reduce((s, wi, i) => s + (keep[i] ? wi * x[i]! : 0), 0);

function deletionCurve(order: number[]): number[] {
  const keep = w.map(() => true);
  const curve = [score(keep)];
  for (const i of order) {
    keep[i] = false;
    curve.push(score(keep));
  }
  return curve;
}
const area = (c: number[]) => c.reduce((s, v) => s + v, 0) / c.length;

const byAttribution = w.map((_, i) => i).sort((a, b) => w[b]! * x[b]! - w[a]! * x[a]!);
const random = Array.from(permutation(w.length, mulberry32(3)));
const faithful = deletionCurve(byAttribution);
const chance = deletionCurve(random);
print(`area, ranking by w·x: ${area(faithful).toFixed(3)}`);
print(`area, random ranking: ${area(chance).toFixed(3)}`);
show.line({ 'by w·x': faithful, random: chance }, { title: 'score as features are deleted', xLabel: 'features deleted' });
