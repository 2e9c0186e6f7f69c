/**
 * The transparency–performance figure. Both models are computed in the worker (the
 * tree refits in milliseconds for each depth the slider asks for; the network trains
 * through the shared LiveFigure); this page only draws them.
 */
import { tradeoffSchema } from '../../src/figures/tradeoff/state.ts';
import { GRID, tradeoffData, type TradeoffData } from '../../src/figures/tradeoff/data.ts';
import type { TradeoffView } from '../../src/figures/tradeoff/session.ts';
import type { EpochReport } from '../../src/train/trainer.ts';
import { drawBoundary } from '../views/boundary.ts';
import { legend } from '../views/heatmap.ts';
import { drawTable } from '../views/table.ts';
import { LiveFigure } from './live-figure.ts';

const pct = (v: number) => `${(v * 100).toFixed(1)} %`;

export function mount(root: HTMLElement): void {
  new TradeoffFigure(root);
}

class TradeoffFigure extends LiveFigure<typeof tradeoffSchema, number, TradeoffView> {
  /** The same points the worker generates, for drawing the test set. */
  private data: TradeoffData;
  private last: TradeoffView | null = null;

  constructor(root: HTMLElement) {
    super(root, tradeoffSchema, ['data', 'seed', 'hidden', 'epochs'], (name) =>
      new Worker(new URL('../../src/worker/tradeoff.worker.ts', import.meta.url), { type: 'module', name }),
    );
    this.data = tradeoffData(this.state.data, this.state.seed);
    const slider = this.$<HTMLInputElement>('input[name="depth"]');
    slider.value = String(this.state.depth);
    this.$('[data-out="depth"]').textContent = String(this.state.depth);
    slider.addEventListener('input', () => {
      this.$('[data-out="depth"]').textContent = slider.value;
      this.select({ depth: Number(slider.value) });
    });
    this.$('[data-action="check"]').addEventListener('click', () => this.check());
    const l = legend('signed', -0.5, 0.5);
    l.querySelectorAll('span:not(.legend-bar)').forEach((s, i) => (s.textContent = i === 0 ? 'class 0' : 'class 1'));
    this.$('[data-view="legend"]').replaceChildren(l);
    this.start();
  }

  protected selection(): number {
    return this.state.depth;
  }

  protected onReports(_reports: EpochReport[]): void {}

  protected onReset(): void {
    this.data = tradeoffData(this.state.data, this.state.seed);
    this.$('[data-out="check"]').textContent = '';
  }

  private paint(selector: string, grid: Float32Array): void {
    const canvas = this.$<HTMLCanvasElement>(selector);
    const { min, max, test } = this.data;
    drawBoundary(canvas, { grid, size: GRID, min, max, points: [] });
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    const px = canvas.width;
    const to = (v: number) => ((v - min) / (max - min)) * px;
    for (let i = 0; i < test.n; i++) {
      ctx.beginPath();
      ctx.arc(to(test.x[2 * i]!), px - to(test.x[2 * i + 1]!), 3, 0, 2 * Math.PI);
      ctx.fillStyle = test.y[i] ? '#b35806' : '#542788';
      ctx.fill();
      ctx.lineWidth = 1;
      ctx.strokeStyle = '#fff';
      ctx.stroke();
    }
  }

  private check(): void {
    const out = this.$('[data-out="check"]');
    const v = this.last;
    if (!v || v.epoch === 0) {
      out.textContent = 'Train the network first: the target is its test accuracy.';
      return;
    }
    const target = v.testAccuracy;
    const answer = v.depths.find((d) => d.testAccuracy >= target - 0.02 - 1e-9);
    const mine = v.tree.depth;
    let verdict: string;
    if (!answer) verdict = `No depth up to 8 comes within 2 points of the network's ${pct(target)} on this data: here transparency costs accuracy.`;
    else if (answer.depth === mine) verdict = `Yes: depth ${mine} (${pct(answer.testAccuracy)}, ${answer.leaves} leaves) is the smallest within 2 points of the network's ${pct(target)}. Its leaves are the rules a reader must check.`;
    else if (mine > answer.depth) verdict = 'Within 2 points, but not the smallest: try a shallower tree.';
    else verdict = `Not yet: depth ${mine} reaches ${pct(v.tree.testAccuracy)}, more than 2 points below the network's ${pct(target)}.`;
    out.textContent = verdict;
    this.root.dataset.check = verdict.startsWith('Yes') || verdict.startsWith('No depth') ? 'right' : 'wrong';
  }

  protected render(v: TradeoffView): void {
    this.last = v;
    const t = v.tree;
    Object.assign(this.root.dataset, {
      mlpAccuracy: String(v.testAccuracy),
      treeAccuracy: String(t.testAccuracy),
      treeLeaves: String(t.leaves),
      depth: String(t.depth),
      treeMillis: t.millis.toFixed(1),
    });
    this.$('[data-out="code"]').textContent = t.code;
    this.$('[data-out="tree"]').textContent =
      `depth ${t.actualDepth}, ${t.leaves} leaves (rules) · test accuracy ${pct(t.testAccuracy)} (train ${pct(t.trainAccuracy)}) · fitted in ${t.millis.toFixed(0)} ms`;
    this.paint('[data-view="tree-boundary"]', t.boundary);
    this.$('[data-out="mlp"]').textContent = v.epoch === 0
      ? `2 hidden layers of ${this.state.hidden} tanh units, ${v.parameters} weights · untrained (${pct(v.testAccuracy)}); press Train`
      : `2 hidden layers of ${this.state.hidden} tanh units, ${v.parameters} weights · epoch ${v.epoch} · test accuracy ${pct(v.testAccuracy)} (train ${pct(v.trainAccuracy)})`;
    this.paint('[data-view="mlp-boundary"]', v.boundary);
    drawTable(this.$('[data-table="accuracy"]'), {
      caption: 'Side by side on the same data (300 training and 300 test points)',
      columns: ['train accuracy', 'test accuracy', 'parameters or leaves'],
      rows: [
        { label: `tree, depth ${t.depth}`, values: [t.trainAccuracy, t.testAccuracy, t.leaves] },
        { label: `network, epoch ${v.epoch}`, values: [v.trainAccuracy, v.testAccuracy, v.parameters] },
      ],
    });
    drawTable(this.$('[data-table="depths"]'), {
      caption: 'Tree accuracy at every depth (the readability–accuracy curve)',
      columns: ['leaves', 'train accuracy', 'test accuracy'],
      rows: v.depths.map((d) => ({ label: `depth ${d.depth}`, values: [d.leaves, d.trainAccuracy, d.testAccuracy] })),
    });
  }
}
