/**
 * The feature-importance figure: three importance charts of the same trained MLP on
 * one feature axis, from the plain numbers the tabular worker sends.
 */
import { importanceSchema, importanceSelection, type TabularSelection } from '../../src/figures/tabular/state.ts';
import type { ImportanceView, TabularView } from '../../src/figures/tabular/session.ts';
import { fieldLabel, parseField } from '../../src/state/url-state.ts';
import { drawImportanceChart, importanceLegend } from '../views/importance-chart.ts';
import { drawTable } from '../views/table.ts';
import { LiveFigure } from './live-figure.ts';
import { t } from '../../src/i18n/ui.ts';

export function mount(root: HTMLElement): void {
  new ImportanceFigure(root);
}

class ImportanceFigure extends LiveFigure<typeof importanceSchema, TabularSelection, TabularView> {
  constructor(root: HTMLElement) {
    super(root, importanceSchema, ['seed', 'hidden', 'epochs'], (name) =>
      new Worker(new URL('../../src/worker/tabular.worker.ts', import.meta.url), { type: 'module', name }),
    );
    const reps = this.$<HTMLInputElement>('[name="reps"]');
    reps.value = String(this.state.reps);
    reps.addEventListener('change', () => {
      const parsed = parseField(importanceSchema.reps, reps.value);
      if (!parsed.ok) {
        this.notices.add(t('live.badControl', { label: fieldLabel(importanceSchema.reps), reason: parsed.reason, value: String(this.state.reps) }));
        reps.value = String(this.state.reps);
        return;
      }
      this.root.dataset.viewReady = 'false';
      this.select({ reps: parsed.value as number });
    });
    this.start();
  }

  protected selection(): TabularSelection {
    return importanceSelection(this.state);
  }

  protected onReports(): void {}
  protected onReset(): void {}

  protected render(view: TabularView): void {
    if (view.kind !== 'importance') return;
    const v: ImportanceView = view;
    const names = v.featureNames;
    this.$('[data-out="epoch"]').textContent = t('xpl.epoch', { epoch: v.epoch });
    this.$('[data-out="accuracy"]').textContent = t('xpl.mlpAccuracy', { accuracy: `${(v.testAccuracy * 100).toFixed(1)}%` });
    this.$('[data-out="tree"]').textContent = t('xpl.treeAccuracy', { accuracy: `${(v.tree.testAccuracy * 100).toFixed(1)}%` });
    this.root.dataset.testAccuracy = String(v.testAccuracy);
    this.root.dataset.informative = v.informative.join(',');
    this.root.dataset.permInformativeMin = String(Math.min(...v.informative.map((j) => v.permutation.mean[j]!)));
    const reps = v.permutation.repeats[0]?.length ?? 0;
    this.$('[data-out="perm-sub"]').textContent = t(reps === 1 ? 'xpl.permBarOne' : 'xpl.permBar', { reps });
    this.$('[data-view="legend"]').replaceChildren(importanceLegend(v.informative.map((j) => names[j]!), true));
    drawImportanceChart(this.$('[data-view="gradient"]'), { names, values: v.gradient, marked: v.informative });
    drawImportanceChart(this.$('[data-view="permutation"]'), { names, values: v.permutation.mean, marked: v.informative, repeats: v.permutation.repeats });
    drawImportanceChart(this.$('[data-view="tree"]'), { names, values: v.tree.importance, marked: v.informative });

    const min = (a: ArrayLike<number>) => Math.min(...Array.from(a));
    const max = (a: ArrayLike<number>) => Math.max(...Array.from(a));
    drawTable(this.$('[data-table="importance"]'), {
      caption: t('xpl.importanceCaption', { epoch: v.epoch, accuracy: (v.permutation.baseline * 100).toFixed(1) }),
      columns: [t('xpl.col.informativeYes'), 'mean |∂p/∂x|', t('xpl.col.permMean'), t('xpl.col.permMin'), t('xpl.col.permMax'), t('xpl.col.treeImpurity')],
      rows: names.map((name, j) => ({
        label: v.informative.includes(j) ? `${name} ★` : name,
        values: [v.informative.includes(j) ? 1 : 0, v.gradient[j]!, v.permutation.mean[j]!, min(v.permutation.repeats[j]!), max(v.permutation.repeats[j]!), v.tree.importance[j]!],
      })),
    });
    drawTable(this.$('[data-table="repeats"]'), {
      caption: t('xpl.repeatsCaption'),
      columns: Array.from({ length: reps }, (_, r) => t('xpl.repeat', { n: r + 1 })),
      rows: names.map((name, j) => ({ label: name, values: v.permutation.repeats[j]! })),
    });
  }
}
