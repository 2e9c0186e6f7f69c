/**
 * The attention training figure: train/validation curves, the attention mass on
 * the answer step against chance, the attention weights of validation sequences as
 * a heat map, one sequence's attention beside its gradient saliency, and how far
 * the two agree. The worker does the computing; this draws plain numbers.
 */
import { attentionSchema } from '../../src/figures/attention/state.ts';
import type { AttentionEpochReport, AttentionView } from '../../src/figures/attention/session.ts';
import { FILLER_TOKEN, MARKER_TOKEN } from '../../src/data/sequences.ts';
import type { EpochReport } from '../../src/train/trainer.ts';
import { drawAttentionMap } from '../views/attention-map.ts';
import { drawTable } from '../views/table.ts';
import { LineChart } from '../views/line-chart.ts';
import { formatNumber } from '../views/format.ts';
import { LiveFigure } from './live-figure.ts';

export function mount(root: HTMLElement): void {
  new AttentionFigure(root);
}

export function tokenText(token: number): string {
  if (token === MARKER_TOKEN) return '▶';
  if (token === FILLER_TOKEN) return '·';
  return String(token);
}

const pct = (v: number) => `${(v * 100).toFixed(0)}%`;

class AttentionFigure extends LiveFigure<typeof attentionSchema, number, AttentionView> {
  private readonly lossChart: LineChart;
  private readonly accChart: LineChart;
  private readonly massChart: LineChart;
  private readonly history: EpochReport[] = [];
  private plottedStart = false;

  constructor(root: HTMLElement) {
    super(root, attentionSchema, ['seed', 'steps', 'units', 'rows', 'lr', 'batch', 'epochs'], (name) =>
      new Worker(new URL('../../src/worker/attention.worker.ts', import.meta.url), { type: 'module', name }),
    );
    const series = (what: string) => [
      { label: `training ${what}`, colour: '--book-pos' },
      { label: `validation ${what}`, colour: '--book-neg', dash: [6, 4] },
    ];
    this.lossChart = new LineChart(this.$('[data-view="loss"]'), series('loss'), { yLabel: 'loss' });
    this.accChart = new LineChart(this.$('[data-view="accuracy"]'), series('accuracy'), { yLabel: 'accuracy' });
    this.massChart = new LineChart(
      this.$('[data-view="mass"]'),
      [
        { label: 'attention mass on the answer step', colour: '--book-pos' },
        { label: 'chance (uniform attention), k/T', colour: '--book-neg', dash: [6, 4] },
      ],
      { yLabel: 'mass' },
    );
    const input = this.$<HTMLInputElement>('input[name="example"]');
    input.value = String(this.state.example);
    const pick = (i: number) => {
      const example = Math.min(attentionSchema.example.max, Math.max(0, Number.isInteger(i) ? i : 0));
      input.value = String(example);
      this.select({ example });
    };
    input.addEventListener('change', () => pick(Number(input.value)));
    this.$('[data-action="prev-example"]').addEventListener('click', () => pick(this.state.example - 1));
    this.$('[data-action="next-example"]').addEventListener('click', () => pick(this.state.example + 1));
    this.start();
  }

  protected selection(): number {
    return this.state.example;
  }

  protected onReports(reports: EpochReport[]): void {
    for (const r of reports as AttentionEpochReport[]) {
      this.history.push(r);
      this.lossChart.push(r.epoch, [r.loss, r.valLoss ?? NaN]);
      this.accChart.push(r.epoch, [r.accuracy, r.valAccuracy ?? NaN]);
      this.massChart.push(r.epoch, [r.attentionMass, r.chance]);
    }
    if (reports.length) {
      drawTable(this.$('[data-table="history"]'), {
        caption: 'Training history (training rows and the 200 validation sequences)',
        columns: ['loss', 'accuracy', 'validation loss', 'validation accuracy', 'sequences/s'],
        rows: this.history.map((r) => ({ label: `epoch ${r.epoch}`, values: [r.loss, r.accuracy, r.valLoss ?? NaN, r.valAccuracy ?? NaN, r.samplesPerSecond] })),
      });
    }
  }

  protected onReset(): void {
    this.history.length = 0;
    this.plottedStart = false;
    this.lossChart.clear();
    this.accChart.clear();
    this.massChart.clear();
    this.$('[data-table="history"]').replaceChildren();
  }

  protected render(v: AttentionView): void {
    const T = v.steps;
    Object.assign(this.root.dataset, {
      loss: String(v.valLoss),
      valAccuracy: String(v.valAccuracy),
      mass: String(v.mass),
      chance: String(v.chance),
      agreement: String(v.agreement.spearman),
    });
    if (v.epoch === 0 && !this.plottedStart) {
      // The untrained model: the chance level the curves start from.
      this.plottedStart = true;
      this.lossChart.push(0, [NaN, v.valLoss]);
      this.accChart.push(0, [NaN, v.valAccuracy]);
      this.massChart.push(0, [v.mass, v.chance]);
    }
    this.$('[data-out="readout"]').textContent =
      `epoch ${v.epoch} · validation loss ${formatNumber(v.valLoss)} · validation accuracy ${(v.valAccuracy * 100).toFixed(1)}%`;
    this.$('[data-out="mass"]').innerHTML = '';
    this.$('[data-out="mass"]').append(
      strong(formatNumber(v.mass)),
      ` of the attention falls on the answer step (chance: ${formatNumber(v.chance)}, ${(v.mass / v.chance).toFixed(1)}× chance); `,
      strong(formatNumber(v.massFromAnswer)),
      ` on the answer step or after it (chance ${formatNumber(v.chanceFromAnswer)}).`,
    );

    const rows = v.labels.length;
    const k = v.k;
    const rowLabels = Array.from({ length: rows }, (_, i) => `#${i} y=${v.labels[i]} ŷ=${v.predicted[i]}`);
    drawAttentionMap(this.$('[data-view="attention"]'), {
      values: v.alphaRows,
      rows,
      steps: T,
      rowLabels,
      cellText: Array.from(v.tokenRows, tokenText),
      marks: Array.from({ length: rows }, (_, i) => Array.from(v.importantRows.slice(i * k, (i + 1) * k))),
      highlightRow: v.example.index < rows ? v.example.index : -1,
    });
    const stepCols = Array.from({ length: T }, (_, t) => `t${t + 1}`);
    drawTable(this.$('[data-table="attention"]'), {
      caption: `Attention weights α_t of validation sequences #0–#${rows - 1} after epoch ${v.epoch} (each row sums to 1); first column: the answer step (1-based)`,
      columns: ['answer step', ...stepCols],
      rows: Array.from({ length: rows }, (_, i) => ({ label: rowLabels[i]!, values: [v.importantRows[i * k]! + 1, ...v.alphaRows.slice(i * T, (i + 1) * T)] })),
    });

    const e = v.example;
    const total = e.saliency.reduce((a, b) => a + b, 0);
    const salNorm = e.saliency.map((s) => (total > 0 ? s / total : 0));
    const tokens = Array.from(e.tokens, tokenText);
    drawAttentionMap(this.$('[data-view="example"]'), {
      values: [...e.alpha, ...salNorm],
      rows: 2,
      steps: T,
      rowLabels: ['attention α', 'saliency (÷ sum)'],
      cellText: [...tokens, ...tokens],
      marks: [Array.from(e.important), Array.from(e.important)],
    });
    this.$('[data-out="example"]').textContent =
      `Sequence #${e.index}: label ${e.label}, predicted ${e.predicted} (p = ${formatNumber(e.probabilities[e.predicted]!)}); answer at step ${e.important[0]! + 1}. ` +
      `Attention there: ${formatNumber(e.alpha[e.important[0]!]!)}; saliency there: ${formatNumber(salNorm[e.important[0]!]!)} of its total.`;
    drawTable(this.$('[data-table="example"]'), {
      caption: `Validation sequence #${e.index} (label ${e.label}, predicted ${e.predicted}): token ids (10 = marker, 11 = filler), attention, and saliency max_f |∂y_c/∂x_t,f| for the predicted class c`,
      columns: stepCols,
      rows: [
        { label: 'token', values: e.tokens },
        { label: 'attention α_t', values: e.alpha },
        { label: 'saliency', values: e.saliency },
        { label: 'saliency ÷ sum', values: salNorm },
      ],
    });

    const a = v.agreement;
    this.$('[data-out="agreement"]').replaceChildren(
      'Spearman rank correlation between α and saliency over the steps, averaged over the 200 validation sequences: ',
      strong(formatNumber(a.spearman)),
      `. They peak at the same step in ${pct(a.top1)} of sequences. Attention peaks on the answer step in ${pct(a.attentionHits)}, saliency in ${pct(a.saliencyHits)}; saliency puts ${formatNumber(v.saliencyMass)} of its total there (chance ${formatNumber(v.chance)}).`,
    );
    drawTable(this.$('[data-table="measures"]'), {
      caption: `Measured on the 200 validation sequences after epoch ${v.epoch}`,
      columns: ['value', 'chance'],
      rows: [
        { label: 'attention mass on the answer step', values: [v.mass, v.chance] },
        { label: 'attention mass on or after the answer step', values: [v.massFromAnswer, v.chanceFromAnswer] },
        { label: 'saliency share on the answer step', values: [v.saliencyMass, v.chance] },
        { label: 'Spearman ρ(α, saliency), mean', values: [a.spearman, 0] },
        { label: 'same top step (α and saliency)', values: [a.top1, 1 / T] },
        { label: 'α peaks on the answer step', values: [a.attentionHits, v.chance] },
        { label: 'saliency peaks on the answer step', values: [a.saliencyHits, v.chance] },
        { label: 'validation accuracy', values: [v.valAccuracy, 0.1] },
      ],
    });
  }
}

function strong(text: string): HTMLElement {
  const el = document.createElement('strong');
  el.textContent = text;
  return el;
}
