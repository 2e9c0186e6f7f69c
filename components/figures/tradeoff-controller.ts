/**
 * The transparency–performance figure. The tree is fitted here on the main thread
 * (a few milliseconds: CART on 300 points, no TF.js), so the depth slider answers at
 * once; the network trains in the worker through the shared LiveFigure.
 */
import { tradeoffSchema } from '../../src/figures/tradeoff/state.ts';
import { GRID, tradeoffData, type TradeoffData } from '../../src/figures/tradeoff/data.ts';
import { fitTree, smallestDepthWithin, type TreeResult } from '../../src/figures/tradeoff/tree.ts';
import type { MlpView } from '../../src/figures/tradeoff/session.ts';
import type { EpochReport } from '../../src/train/trainer.ts';
import { drawBoundary } from '../views/boundary.ts';
import { legend } from '../views/heatmap.ts';
import { drawTable } from '../views/table.ts';
import { LiveFigure } from './live-figure.ts';

const pct = (v: number) => `${(v * 100).toFixed(1)} %`;

export function mount(root: HTMLElement): void {
  new TradeoffFigure(root);
}

class TradeoffFigure extends LiveFigure<typeof tradeoffSchema, null, MlpView> {
  private data!: TradeoffData;
  private tree: TreeResult | null = null;
  private mlp: MlpView | null = null;

  constructor(root: HTMLElement) {
    super(root, tradeoffSchema, ['data', 'seed', 'hidden', 'epochs'], (name) =>
      new Worker(new URL('../../src/worker/tradeoff.worker.ts', import.meta.url), { type: 'module', name }),
    );
    const slider = this.$<HTMLInputElement>('input[name="depth"]');
    slider.value = String(this.state.depth);
    slider.addEventListener('input', () => {
      this.state = { ...this.state, depth: Number(slider.value) };
      this.refitTree();
      this.syncUrl();
    });
    this.$('[data-action="check"]').addEventListener('click', () => this.check());
    const l = legend('signed', -0.5, 0.5);
    l.querySelectorAll('span:not(.legend-bar)').forEach((s, i) => (s.textContent = i === 0 ? 'class 0' : 'class 1'));
    this.$('[data-view="legend"]').replaceChildren(l);
    this.loadData();
    this.start();
  }

  private loadData(): void {
    this.data = tradeoffData(this.state.data, this.state.seed);
    this.refitTree();
    drawTable(this.$('[data-table="depths"]'), {
      caption: 'Tree accuracy at every depth (the readability–accuracy curve)',
      columns: ['leaves', 'train accuracy', 'test accuracy'],
      rows: Array.from({ length: 8 }, (_, i) => {
        const t = fitTree(this.data, i + 1);
        return { label: `depth ${i + 1}`, values: [t.leaves, t.trainAccuracy, t.testAccuracy] };
      }),
    });
  }

  private refitTree(): void {
    const t = fitTree(this.data, this.state.depth);
    this.tree = t;
    this.$('[data-out="depth"]').textContent = String(this.state.depth);
    Object.assign(this.root.dataset, { treeAccuracy: String(t.testAccuracy), treeLeaves: String(t.leaves), depth: String(this.state.depth), treeMillis: t.millis.toFixed(1) });
    this.$('[data-out="code"]').textContent = t.code;
    this.$('[data-out="tree"]').textContent =
      `depth ${t.actualDepth}, ${t.leaves} leaves (rules) · test accuracy ${pct(t.testAccuracy)} (train ${pct(t.trainAccuracy)}) · fitted in ${t.millis.toFixed(0)} ms`;
    this.paint('[data-view="tree-boundary"]', t.boundary);
    this.tableAccuracy();
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

  private tableAccuracy(): void {
    const t = this.tree;
    const m = this.mlp;
    drawTable(this.$('[data-table="accuracy"]'), {
      caption: 'Side by side on the same data (300 training and 300 test points)',
      columns: ['train accuracy', 'test accuracy', 'parameters or leaves'],
      rows: [
        ...(t ? [{ label: `tree, depth ${t.depth}`, values: [t.trainAccuracy, t.testAccuracy, t.leaves] }] : []),
        ...(m ? [{ label: `network, epoch ${m.epoch}`, values: [m.trainAccuracy, m.testAccuracy, m.parameters] }] : []),
      ],
    });
  }

  private check(): void {
    const out = this.$('[data-out="check"]');
    const m = this.mlp;
    if (!m || m.epoch === 0) {
      out.textContent = 'Train the network first: the target is its test accuracy.';
      return;
    }
    const answer = smallestDepthWithin(this.data, m.testAccuracy, 2);
    const mine = this.state.depth;
    let verdict: string;
    if (!answer) verdict = `No depth up to 8 comes within 2 points of the network's ${pct(m.testAccuracy)} on this data: here transparency costs accuracy.`;
    else if (answer.depth === mine) verdict = `Yes: depth ${mine} (${pct(answer.accuracy)}) is the smallest within 2 points of the network's ${pct(m.testAccuracy)}. Count its leaves: that is how many rules a reader must check.`;
    else if (mine > answer.depth) verdict = `Within 2 points, but not the smallest: try a shallower tree.`;
    else verdict = `Not yet: depth ${mine} reaches ${pct(this.tree!.testAccuracy)}, more than 2 points below the network's ${pct(m.testAccuracy)}.`;
    out.textContent = verdict;
    this.root.dataset.check = verdict.startsWith('Yes') || verdict.startsWith('No depth') ? 'right' : 'wrong';
  }

  protected selection(): null {
    return null;
  }

  protected onReports(_reports: EpochReport[]): void {}

  protected onReset(): void {
    this.mlp = null;
    this.$('[data-out="check"]').textContent = '';
    // Data set or seed may have changed: the tree learns the new data at once.
    this.loadData();
  }

  protected render(v: MlpView): void {
    this.mlp = v;
    this.root.dataset.mlpAccuracy = String(v.testAccuracy);
    this.$('[data-out="mlp"]').textContent =
      `2 hidden layers of ${this.state.hidden} tanh units, ${v.parameters} weights · epoch ${v.epoch} · test accuracy ${pct(v.testAccuracy)} (train ${pct(v.trainAccuracy)})`;
    this.paint('[data-view="mlp-boundary"]', v.boundary);
    this.tableAccuracy();
  }
}
