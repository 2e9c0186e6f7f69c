/**
 * The attention training figure: train/validation curves, the attention mass on
 * the answer step against chance, the attention weights of validation sequences as
 * a heat map, one sequence's attention beside its gradient saliency, and how far
 * the two agree. The worker does the computing; this draws plain numbers.
 */
import { attentionSchema } from '../../src/figures/attention/state.ts';
import type { AttentionEpochReport, AttentionView } from '../../src/figures/attention/session.ts';
import { tokenText } from '../../src/data/sequences.ts';
import type { EpochReport } from '../../src/train/trainer.ts';
import { drawAttentionMap } from '../views/attention-map.ts';
import { drawTable } from '../views/table.ts';
import { LineChart } from '../views/line-chart.ts';
import { formatNumber } from '../views/format.ts';
import { LiveFigure } from './live-figure.ts';
import { t } from '../../src/i18n/ui.ts';

export function mount(root: HTMLElement): void {
  new AttentionFigure(root);
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
    const series = (training: string, validation: string) => [
      { label: t(training), colour: '--book-pos' },
      { label: t(validation), colour: '--book-neg', dash: [6, 4] },
    ];
    this.lossChart = new LineChart(this.$('[data-view="loss"]'), series('curve.trainingLoss', 'curve.validationLoss'), { yLabel: t('curve.lossAxis') });
    this.accChart = new LineChart(this.$('[data-view="accuracy"]'), series('curve.trainingAccuracy', 'curve.validationAccuracy'), { yLabel: t('curve.accuracyAxis') });
    this.massChart = new LineChart(
      this.$('[data-view="mass"]'),
      [
        { label: t('attn.massSeries'), colour: '--book-pos' },
        { label: t('attn.chanceSeries'), colour: '--book-neg', dash: [6, 4] },
      ],
      { yLabel: t('attn.massAxis') },
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
        caption: t('attn.historyCaption'),
        columns: ['curve.lossAxis', 'curve.accuracyAxis', 'curve.validationLoss', 'curve.validationAccuracy', 'curve.sequencesPerSecond'].map((k) => t(k)),
        rows: this.history.map((r) => ({ label: t('live.epoch', { epoch: r.epoch }), values: [r.loss, r.accuracy, r.valLoss ?? NaN, r.valAccuracy ?? NaN, r.samplesPerSecond] })),
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
      t('curve.readout', { epoch: v.epoch, loss: formatNumber(v.valLoss), accuracy: (v.valAccuracy * 100).toFixed(1) });
    this.$('[data-out="mass"]').innerHTML = '';
    this.$('[data-out="mass"]').append(
      strong(formatNumber(v.mass)),
      t('attn.massOn', { chance: formatNumber(v.chance), ratio: (v.mass / v.chance).toFixed(1) }),
      strong(formatNumber(v.massFromAnswer)),
      t('attn.massFrom', { chance: formatNumber(v.chanceFromAnswer) }),
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
    const stepCols = Array.from({ length: T }, (_, s) => `t${s + 1}`);
    drawTable(this.$('[data-table="attention"]'), {
      caption: t('attn.mapCaption', { last: rows - 1, epoch: v.epoch }),
      columns: [t('attn.answerStep'), ...stepCols],
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
      rowLabels: [t('attn.rowAttention'), t('attn.rowSaliency')],
      cellText: [...tokens, ...tokens],
      marks: [Array.from(e.important), Array.from(e.important)],
    });
    this.$('[data-out="example"]').textContent =
      t('attn.example', {
        index: e.index,
        label: e.label,
        predicted: e.predicted,
        p: formatNumber(e.probabilities[e.predicted]!),
        step: e.important[0]! + 1,
        attention: formatNumber(e.alpha[e.important[0]!]!),
        saliency: formatNumber(salNorm[e.important[0]!]!),
      });
    drawTable(this.$('[data-table="example"]'), {
      caption: t('attn.exampleCaption', { index: e.index, label: e.label, predicted: e.predicted }),
      columns: stepCols,
      rows: [
        { label: t('attn.token'), values: e.tokens },
        { label: t('attn.attentionT'), values: e.alpha },
        { label: t('attn.saliency'), values: e.saliency },
        { label: t('attn.saliencyShare'), values: salNorm },
      ],
    });

    const a = v.agreement;
    this.$('[data-out="agreement"]').replaceChildren(
      t('attn.agreementLead'),
      strong(formatNumber(a.spearman)),
      t('attn.agreementRest', {
        top1: pct(a.top1),
        attentionHits: pct(a.attentionHits),
        saliencyHits: pct(a.saliencyHits),
        saliencyMass: formatNumber(v.saliencyMass),
        chance: formatNumber(v.chance),
      }),
    );
    drawTable(this.$('[data-table="measures"]'), {
      caption: t('attn.measuresCaption', { epoch: v.epoch }),
      columns: [t('attn.value'), t('attn.chance')],
      rows: [
        { label: t('attn.m.mass'), values: [v.mass, v.chance] },
        { label: t('attn.m.massFrom'), values: [v.massFromAnswer, v.chanceFromAnswer] },
        { label: t('attn.m.saliencyMass'), values: [v.saliencyMass, v.chance] },
        { label: t('attn.m.spearman'), values: [a.spearman, 0] },
        { label: t('attn.m.top1'), values: [a.top1, 1 / T] },
        { label: t('attn.m.attentionHits'), values: [a.attentionHits, v.chance] },
        { label: t('attn.m.saliencyHits'), values: [a.saliencyHits, v.chance] },
        { label: t('attn.m.valAccuracy'), values: [v.valAccuracy, 0.1] },
      ],
    });
  }
}

function strong(text: string): HTMLElement {
  const el = document.createElement('strong');
  el.textContent = text;
  return el;
}
