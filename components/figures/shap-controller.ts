/**
 * The SHAP figure: a waterfall of one test row's Shapley values, mean |φ| over
 * several rows, and the exact-vs-KernelSHAP table of a small game, from the plain
 * numbers the tabular worker sends.
 */
import { GLOBAL_ROWS, shapSchema, shapSelection, type TabularSelection } from '../../src/figures/tabular/state.ts';
import type { ShapView, TabularView } from '../../src/figures/tabular/session.ts';
import { fieldLabel, parseField } from '../../src/state/url-state.ts';
import { drawImportanceChart } from '../views/importance-chart.ts';
import { drawWaterfall } from '../views/waterfall.ts';
import { drawTable } from '../views/table.ts';
import { formatNumber } from '../views/format.ts';
import { LiveFigure } from './live-figure.ts';
import { t } from '../../src/i18n/ui.ts';

/** Features drawn one by one in the waterfall; the rest are one "other features" bar. */
const SHOWN = 8;
const SELECTION_KEYS = ['row', 'ns', 'sseed', 'bg'] as const;

export function mount(root: HTMLElement): void {
  new ShapFigure(root);
}

class ShapFigure extends LiveFigure<typeof shapSchema, TabularSelection, TabularView> {
  constructor(root: HTMLElement) {
    super(root, shapSchema, ['seed', 'hidden', 'epochs'], (name) =>
      new Worker(new URL('../../src/worker/tabular.worker.ts', import.meta.url), { type: 'module', name }),
    );
    for (const key of SELECTION_KEYS) {
      const el = this.$<HTMLInputElement | HTMLSelectElement>(`[name="${key}"]`);
      el.value = String(this.state[key]);
      el.addEventListener('change', () => {
        const parsed = parseField(shapSchema[key], el.value);
        if (!parsed.ok) {
          this.notices.add(t('live.badControl', { label: fieldLabel(shapSchema[key]), reason: parsed.reason, value: String(this.state[key]) }));
          el.value = String(this.state[key]);
          return;
        }
        this.root.dataset.viewReady = 'false';
        this.select({ [key]: parsed.value });
      });
    }
    const rowInput = this.$<HTMLInputElement>('[name="row"]');
    const step = (d: number) => {
      const row = Math.min(shapSchema.row.max, Math.max(0, this.state.row + d));
      rowInput.value = String(row);
      this.root.dataset.viewReady = 'false';
      this.select({ row });
    };
    this.$('[data-action="prev-row"]').addEventListener('click', () => step(-1));
    this.$('[data-action="next-row"]').addEventListener('click', () => step(1));
    this.start();
  }

  protected selection(): TabularSelection {
    return shapSelection(this.state);
  }

  protected onReports(): void {}
  protected onReset(): void {}

  protected render(view: TabularView): void {
    if (view.kind !== 'shap') return;
    const v: ShapView = view;
    const names = v.featureNames;
    const label = (j: number) => (v.informative.includes(j) ? `${names[j]} ★` : names[j]!);
    this.$('[data-out="epoch"]').textContent = t('xpl.epoch', { epoch: v.epoch });
    this.$('[data-out="accuracy"]').textContent = t('xpl.testAccuracy', { accuracy: `${(v.testAccuracy * 100).toFixed(1)}%` });
    this.$('[data-out="latency"]').textContent = t('xpl.latency', { coalitions: v.coalitions, exact: v.exact ? t('xpl.exactAll') : '', ms: Math.round(v.ms.kernelShap) });
    this.$('[data-out="row-title"]').textContent = t('xpl.rowTitle', { row: v.row, label: v.label, fx: formatNumber(v.fx) });
    this.root.dataset.informative = v.informative.join(',');
    this.root.dataset.kernelMs = String(v.ms.kernelShap);
    this.root.dataset.smallMaxDiff = String(Math.max(...Array.from(v.small.exact, (e, i) => Math.abs(e - v.small.kernel[i]!))));
    Object.assign(this.root.dataset, { row: String(v.row), bg: v.background, sseed: String(v.sampleSeed), ns: String(v.coalitions) });

    const order = Array.from(v.phi, (_, j) => j).sort((a, b) => Math.abs(v.phi[b]!) - Math.abs(v.phi[a]!));
    const rest = order.slice(SHOWN);
    const items = order.slice(0, SHOWN).map((j) => ({ label: `${names[j]} = ${formatNumber(v.x[j]!)}`, value: v.phi[j]!, marked: v.informative.includes(j) }));
    items.push({ label: t('xpl.others', { count: rest.length }), value: rest.reduce((s, j) => s + v.phi[j]!, 0), marked: false });
    drawWaterfall(this.$('[data-view="waterfall"]'), { base: v.baseValue, fx: v.fx, items });

    const sum = v.phi.reduce((a, b) => a + b, 0);
    const gap = sum - (v.fx - v.baseValue);
    this.$('[data-out="sum-check"]').textContent =
      t('xpl.sumCheck', { sum: formatNumber(sum), fx: formatNumber(v.fx), base: formatNumber(v.baseValue), gap: formatNumber(v.fx - v.baseValue), error: gap.toExponential(1) });

    drawImportanceChart(this.$('[data-view="mean-abs"]'), { names, values: v.meanAbs, marked: v.informative });

    drawTable(this.$('[data-table="sums"]'), {
      caption: t('xpl.sumsCaption', { row: v.row }),
      columns: [t('xpl.value')],
      rows: [
        { label: t('xpl.baseValue'), values: [v.baseValue] },
        { label: 'f(x) = p(y = 1 | x)', values: [v.fx] },
        { label: t('xpl.minusBase'), values: [v.fx - v.baseValue] },
        { label: 'Σ φⱼ', values: [sum] },
      ],
    });
    drawTable(this.$('[data-table="phi"]'), {
      caption: t('xpl.phiCaption', { row: v.row, rows: GLOBAL_ROWS }),
      columns: [t('xpl.xStandardised'), 'φⱼ', t('xpl.meanAbsCol')],
      rows: names.map((_, j) => ({ label: label(j), values: [v.x[j]!, v.phi[j]!, v.meanAbs[j]!] })),
    });
    drawTable(this.$('[data-table="small"]'), {
      caption: t('xpl.smallCaption', { k: v.small.features.length, all: 2 ** v.small.features.length, n: v.small.nsamples, exact: v.small.kernelExact ? t('xpl.wholeBudget') : '' }),
      columns: [t('xpl.exactPhi'), 'KernelSHAP φⱼ', t('xpl.difference')],
      rows: v.small.features.map((j, k) => ({ label: label(j), values: [v.small.exact[k]!, v.small.kernel[k]!, v.small.kernel[k]! - v.small.exact[k]!] })),
    });
  }
}
