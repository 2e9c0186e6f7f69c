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
import { t } from '../../src/i18n/ui.ts';

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
    l.querySelectorAll('span:not(.legend-bar)').forEach((s, i) => (s.textContent = t('tradeoff.class', { k: i === 0 ? 0 : 1 })));
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
      out.textContent = t('tradeoff.trainFirst');
      return;
    }
    const target = v.testAccuracy;
    const answer = v.depths.find((d) => d.testAccuracy >= target - 0.02 - 1e-9);
    const mine = v.tree.depth;
    let verdict: string;
    const right = !answer || answer.depth === mine;
    if (!answer) verdict = t('tradeoff.noDepth', { target: pct(target) });
    else if (answer.depth === mine) verdict = t('tradeoff.yes', { depth: mine, accuracy: pct(answer.testAccuracy), leaves: answer.leaves, target: pct(target) });
    else if (mine > answer.depth) verdict = t('tradeoff.tooDeep');
    else verdict = t('tradeoff.notYet', { depth: mine, accuracy: pct(v.tree.testAccuracy), target: pct(target) });
    out.textContent = verdict;
    this.root.dataset.check = right ? 'right' : 'wrong';
  }

  protected render(v: TradeoffView): void {
    this.last = v;
    const tree = v.tree;
    Object.assign(this.root.dataset, {
      mlpAccuracy: String(v.testAccuracy),
      treeAccuracy: String(tree.testAccuracy),
      treeLeaves: String(tree.leaves),
      depth: String(tree.depth),
      treeMillis: tree.millis.toFixed(1),
    });
    this.$('[data-out="code"]').textContent = tree.code;
    this.$('[data-out="tree"]').textContent = t('tradeoff.treeReadout', {
      depth: tree.actualDepth,
      leaves: tree.leaves,
      test: pct(tree.testAccuracy),
      train: pct(tree.trainAccuracy),
      ms: tree.millis.toFixed(0),
    });
    this.paint('[data-view="tree-boundary"]', tree.boundary);
    const mlp = { hidden: this.state.hidden, parameters: v.parameters, epoch: v.epoch, test: pct(v.testAccuracy), train: pct(v.trainAccuracy) };
    this.$('[data-out="mlp"]').textContent = t(v.epoch === 0 ? 'tradeoff.mlpUntrained' : 'tradeoff.mlpTrained', mlp);
    this.paint('[data-view="mlp-boundary"]', v.boundary);
    drawTable(this.$('[data-table="accuracy"]'), {
      caption: t('tradeoff.accuracyCaption'),
      columns: [t('tradeoff.trainAccuracy'), t('tradeoff.testAccuracy'), t('tradeoff.size')],
      rows: [
        { label: t('tradeoff.treeRow', { depth: tree.depth }), values: [tree.trainAccuracy, tree.testAccuracy, tree.leaves] },
        { label: t('tradeoff.networkRow', { epoch: v.epoch }), values: [v.trainAccuracy, v.testAccuracy, v.parameters] },
      ],
    });
    drawTable(this.$('[data-table="depths"]'), {
      caption: t('tradeoff.depthsCaption'),
      columns: [t('tradeoff.leaves'), t('tradeoff.trainAccuracy'), t('tradeoff.testAccuracy')],
      rows: v.depths.map((d) => ({ label: t('tradeoff.depthRow', { depth: d.depth }), values: [d.leaves, d.trainAccuracy, d.testAccuracy] })),
    });
  }
}
