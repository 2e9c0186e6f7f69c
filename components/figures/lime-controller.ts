/**
 * The tabular LIME figure on the page: training through LiveFigure, then the three
 * steps of LIME drawn from the worker's numbers: perturbations (scatter + table),
 * kernel weights, the weighted fit (signed bars, fidelity), and stability over seeds.
 */
import { limeSchema, limeSelectionOf, STAGES, type LimeSelection, type LimeState, type Stage } from '../../src/figures/lime/state.ts';
import type { LimeView } from '../../src/figures/lime/session.ts';
import type { EpochReport } from '../../src/train/trainer.ts';
import { fieldLabel, parseField } from '../../src/state/url-state.ts';
import { drawTable } from '../views/table.ts';
import { legend } from '../views/heatmap.ts';
import { formatNumber } from '../views/format.ts';
import { drawScatter, drawSignedBars } from './lime-views.ts';
import { LiveFigure } from './live-figure.ts';
import { t } from '../../src/i18n/ui.ts';

/** Controls that change what is explained, not the network. */
const SELECTION_KEYS = ['row', 'n', 'kw', 'ls', 'k', 'fa', 'fb'] as const;
const TABLE_ROWS = 12;

export function mount(root: HTMLElement): void {
  new LimeFigure(root);
}

const confidentCorrect = (v: LimeView, i: number) => {
  const p = v.testP1[i]!;
  return Math.max(p, 1 - p) >= 0.9 && (p > 0.5 ? 1 : 0) === v.testLabels[i];
};

class LimeFigure extends LiveFigure<typeof limeSchema, LimeSelection, LimeView> {
  private last: LimeView | null = null;

  constructor(root: HTMLElement) {
    super(root, limeSchema, ['data', 'seed', 'epochs'], (name) =>
      new Worker(new URL('../../src/worker/lime.worker.ts', import.meta.url), { type: 'module', name }),
    );
    for (const key of SELECTION_KEYS) {
      const input = this.$<HTMLInputElement | HTMLSelectElement>(`[name="${key}"]`);
      input.value = String(this.state[key]);
      input.addEventListener('change', () => {
        const parsed = parseField(limeSchema[key], input.value);
        if (!parsed.ok) {
          this.notices.add(t('live.badControl', { label: fieldLabel(limeSchema[key]), reason: parsed.reason, value: String(this.state[key]) }));
          input.value = String(this.state[key]);
          return;
        }
        this.explainAgain({ [key]: parsed.value });
      });
    }
    const moveTo = (row: number) => {
      this.$<HTMLInputElement>('input[name="row"]').value = String(row);
      this.explainAgain({ row });
    };
    const rows = limeSchema.row.max + 1;
    this.$('[data-action="prev-row"]').addEventListener('click', () => moveTo((this.state.row + rows - 1) % rows));
    this.$('[data-action="next-row"]').addEventListener('click', () => moveTo((this.state.row + 1) % rows));
    this.$('[data-action="confident-row"]').addEventListener('click', () => {
      const v = this.last;
      if (!v) return;
      for (let s = 1; s <= v.testP1.length; s++) {
        const i = (this.state.row + s) % v.testP1.length;
        if (confidentCorrect(v, i)) return moveTo(i);
      }
      this.notices.add(t('lime.noConfident'));
    });
    this.root.querySelectorAll<HTMLButtonElement>('[data-stage-button]').forEach((b) =>
      b.addEventListener('click', () => {
        this.state = { ...this.state, stage: b.dataset.stageButton as Stage };
        this.syncUrl();
        this.showStage();
        if (this.last) this.render(this.last);
      }),
    );
    this.showStage();
    this.start();
  }

  private explainAgain(patch: Partial<LimeState>): void {
    this.root.dataset.viewReady = 'false';
    this.select(patch);
  }

  private stageIndex(): number {
    return STAGES.indexOf(this.state.stage as Stage);
  }

  private showStage(): void {
    const at = this.stageIndex();
    this.root.dataset.stage = this.state.stage;
    this.root.querySelectorAll<HTMLButtonElement>('[data-stage-button]').forEach((b) =>
      b.setAttribute('aria-pressed', String(b.dataset.stageButton === this.state.stage)),
    );
    this.root.querySelectorAll<HTMLElement>('[data-needs]').forEach((e) => (e.hidden = at < STAGES.indexOf(e.dataset.needs as Stage)));
  }

  protected selection(): LimeSelection {
    return limeSelectionOf(this.state);
  }

  protected onReports(_reports: EpochReport[]): void {}

  protected onReset(): void {
    this.$('[data-out="training"]').textContent = t('xpl.notTrained');
  }

  protected render(v: LimeView): void {
    this.last = v;
    const d = this.root.dataset;
    d.row = String(v.row);
    d.target = String(v.target);
    d.bothInTop = String(v.stability.bothInformativeInTop);
    d.limeKey = `${v.epoch}:${v.row}:${v.numSamples}:${v.kernelWidth}:${this.state.ls}`;
    const weighted = this.stageIndex() >= 1;
    const fitted = this.stageIndex() >= 2;
    const name = (j: number) => `x${j}`;
    const inf = new Set(v.informative);
    this.$('[data-out="training"]').textContent =
      t('lime.training', { epoch: v.epoch, epochs: this.state.epochs, accuracy: (v.testAccuracy * 100).toFixed(1), informative: v.informative.map(name).join(', ') });
    const pT = v.probs[v.target]!;
    this.$('[data-out="readout"]').textContent =
      t('lime.readout', {
        row: v.row, label: v.label, target: v.target, p: formatNumber(pT), doubt: confidentCorrect(v, v.row) ? '' : t('lime.notConfident'),
        n: v.numSamples, kw: v.kernelWidth, ms: v.ms.toFixed(0),
      });

    // 1 · Sample (and 2 · weight): the first perturbations in two features.
    const s = v.samples;
    drawScatter(this.$('[data-view="scatter"]'), {
      xs: s.za, ys: s.zb, colour: s.f, size: weighted ? s.pi : null,
      xLabel: `${name(v.a)}${inf.has(v.a) ? ' ★' : ''}`, yLabel: `${name(v.b)}${inf.has(v.b) ? ' ★' : ''}`,
      xEdges: v.edgesA, yEdges: v.edgesB,
    });
    this.$('[data-out="scatter-note"]').textContent =
      t('lime.scatterNote', { shown: s.za.length, n: v.numSamples, target: v.target }) + (weighted ? t('lime.scatterSize') : '');
    this.$('[data-view="scatter-legend"]').replaceChildren(legend('magnitude', 0, 1));
    const cols = [`z ${name(v.a)}`, `z ${name(v.b)}`, `z′ ${name(v.a)}`, `z′ ${name(v.b)}`, t('lime.col.outside')];
    if (weighted) cols.push(t('lime.col.distance'), 'π_x(z)');
    cols.push(`f(z) = p(${v.target})`);
    drawTable(this.$('[data-table="samples"]'), {
      caption: t('lime.samplesCaption', { rows: TABLE_ROWS }),
      columns: cols,
      rows: Array.from({ length: Math.min(TABLE_ROWS, s.za.length) }, (_, i) => {
        const vals = [s.za[i]!, s.zb[i]!, s.inA[i]!, s.inB[i]!, s.outside[i]!];
        if (weighted) vals.push(Math.sqrt(s.outside[i]!), s.pi[i]!);
        vals.push(s.f[i]!);
        return { label: i === 0 ? '0 (x)' : String(i), values: vals };
      }),
    });

    // 3 · Fit.
    const w = v.fit.weights;
    const order = Array.from(w, (_, j) => j).sort((i, j) => Math.abs(w[j]!) - Math.abs(w[i]!));
    const limit = Math.max(...Array.from(w, Math.abs), 1e-9);
    drawSignedBars(this.$('[data-view="coef"]'), order.map((j) => ({ label: v.binLabels[j]!, value: w[j]!, marked: inf.has(j) })), limit);
    this.$('[data-view="coef-legend"]').replaceChildren(legend('signed', -limit, limit));
    d.top3 = order.slice(0, 3).join(',');
    d.informative = v.informative.join(',');
    drawTable(this.$('[data-table="fit"]'), {
      caption: t('lime.fitCaption'),
      columns: [t('lime.col.intercept'), t('lime.col.r2'), t('lime.col.mse'), 'g(x′)', 'f(x)', 'Σ π'],
      rows: [{ label: t('lime.allFeatures'), values: [v.fit.intercept, v.fit.score, v.fit.weightedMse, v.fit.localPrediction, v.fit.prediction, v.fit.sumPi] }],
    });
    drawTable(this.$('[data-table="coefficients"]'), {
      caption: t('lime.coefCaption', { informative: v.informative.map(name).join(', ') }),
      columns: ['β_j', t('lime.col.rank'), t('lime.col.informative')],
      rows: Array.from(w, (b, j) => ({ label: `${name(j)}: ${v.binLabels[j]}`, values: [b, order.indexOf(j) + 1, inf.has(j) ? 1 : 0] })),
    });
    drawTable(this.$('[data-table="selected"]'), {
      caption: t('lime.selectedCaption', { k: v.selected.features.length, r2: formatNumber(v.selected.score), intercept: formatNumber(v.selected.intercept) }),
      columns: [t('lime.col.refit'), t('lime.col.informative')],
      rows: v.selected.features.map((j, c) => ({ label: v.binLabels[j]!, values: [v.selected.weights[c]!, inf.has(j) ? 1 : 0] })),
    });

    // Stability over seeds.
    const st = v.stability;
    const byFreq = Array.from(st.inTopK, (_, j) => j).sort((i, j) => st.inTopK[j]! - st.inTopK[i]! || Math.abs(st.mean[j]!) - Math.abs(st.mean[i]!)).filter((j) => st.inTopK[j]! > 0);
    drawSignedBars(
      this.$('[data-view="stability"]'),
      byFreq.map((j) => ({ label: name(j), value: st.inTopK[j]!, marked: inf.has(j), note: `· β ${formatNumber(st.mean[j]!)} ± ${formatNumber(st.std[j]!)}` })),
      1,
      true,
    );
    const seeds = { first: st.seeds[0], last: st.seeds[st.seeds.length - 1], runs: st.seeds.length };
    this.$('[data-out="stability-note"]').textContent =
      t('lime.stabilityNote', { ...seeds, n: v.numSamples, k: this.state.k, both: st.bothInformativeInTop });
    drawTable(this.$('[data-table="stability"]'), {
      caption: t('lime.stabilityCaption', seeds),
      columns: [t('lime.col.fraction'), t('lime.col.mean'), t('lime.col.std')],
      rows: Array.from(st.inTopK, (f, j) => ({ label: name(j), values: [f, st.mean[j]!, st.std[j]!] })),
    });
    drawTable(this.$('[data-table="instance"]'), {
      caption: t('lime.instanceCaption', { row: v.row }),
      columns: [...Array.from(v.x, (_, j) => name(j)), 'p(0)', 'p(1)', t('lime.col.label')],
      rows: [{ label: 'x', values: [...v.x, v.probs[0], v.probs[1], v.label] }],
    });
    d.viewReady = 'true';
  }
}
