/**
 * The LSTM figure: train/validation curves, and for the chosen validation sequence
 * its tokens, the gradient per time step with the answer step marked, and the
 * hidden state and gates as units × time heat maps. Worker, controls and link
 * state are the shared LiveFigure.
 */
import { lstmSchema } from '../../src/figures/recurrent/state.ts';
import type { LstmView } from '../../src/figures/recurrent/lstm-session.ts';
import type { EpochReport } from '../../src/train/trainer.ts';
import { drawTable } from '../views/table.ts';
import { LineChart, type Series } from '../views/line-chart.ts';
import { drawUnitHeatmap } from '../views/unit-heatmap.ts';
import { drawStepBars } from '../views/step-bars.ts';
import { formatNumber } from '../views/format.ts';
import { LiveFigure } from './live-figure.ts';
import { t } from '../../src/i18n/ui.ts';

/** How the figure prints a token id: digits as themselves, the marker and the filler as symbols. */
export function tokenName(id: number): string {
  return id === 10 ? 'M' : id === 11 ? '·' : String(id);
}

const MAPS = [
  { key: 'h', scale: 'signed', range: undefined },
  { key: 'i', scale: 'magnitude', range: [0, 1] },
  { key: 'f', scale: 'magnitude', range: [0, 1] },
  { key: 'o', scale: 'magnitude', range: [0, 1] },
] as const;

const HISTORY_COLUMNS = ['curve.lossAxis', 'curve.accuracyAxis', 'curve.validationLoss', 'curve.validationAccuracy', 'curve.sequencesPerSecond'];

export function mount(root: HTMLElement): void {
  new LstmFigure(root);
}

class LstmFigure extends LiveFigure<typeof lstmSchema, number, LstmView> {
  private readonly lossChart: LineChart;
  private readonly accChart: LineChart;
  private readonly history: EpochReport[] = [];
  private plottedStart = false;

  constructor(root: HTMLElement) {
    super(root, lstmSchema, ['lr', 'batch', 'epochs', 'seed'], (name) =>
      new Worker(new URL('../../src/worker/lstm.worker.ts', import.meta.url), { type: 'module', name }),
    );
    const series = (training: string, validation: string): Series[] => [
      { label: t(training), colour: '--lstm-colour' },
      { label: t(validation), colour: '--rnn-colour', dash: [6, 4] },
    ];
    this.lossChart = new LineChart(this.$('[data-view="loss"]'), series('curve.trainingLoss', 'curve.validationLoss'), { yLabel: t('curve.lossAxis') });
    this.accChart = new LineChart(this.$('[data-view="accuracy"]'), series('curve.trainingAccuracy', 'curve.validationAccuracy'), { yLabel: t('curve.accuracyAxis') });
    const input = this.$<HTMLInputElement>('input[name="example"]');
    input.value = String(this.state.example);
    const pick = (k: number) => {
      const example = Math.min(lstmSchema.example.max, Math.max(0, Math.round(k)));
      input.value = String(example);
      this.select({ example });
    };
    input.addEventListener('change', () => pick(Number(input.value) || 0));
    this.$('[data-action="prev-example"]').addEventListener('click', () => pick(this.state.example - 1));
    this.$('[data-action="next-example"]').addEventListener('click', () => pick(this.state.example + 1));
    this.start();
  }

  protected selection(): number {
    return this.state.example;
  }

  protected onReports(reports: EpochReport[]): void {
    for (const r of reports) {
      this.history.push(r);
      this.lossChart.push(r.epoch, [r.loss, r.valLoss ?? NaN]);
      this.accChart.push(r.epoch, [r.accuracy, r.valAccuracy ?? NaN]);
    }
    if (!reports.length) return;
    const last = this.history.at(-1)!;
    this.root.dataset.loss = String(last.loss);
    this.root.dataset.valAccuracy = String(last.valAccuracy);
    drawTable(this.$('[data-table="history"]'), {
      caption: t('lstm.historyCaption'),
      columns: HISTORY_COLUMNS.map((k) => t(k)),
      rows: this.history.map((r) => ({ label: t('live.epoch', { epoch: r.epoch }), values: [r.loss, r.accuracy, r.valLoss ?? NaN, r.valAccuracy ?? NaN, r.samplesPerSecond] })),
    });
  }

  protected onReset(): void {
    this.history.length = 0;
    this.plottedStart = false;
    this.lossChart.clear();
    this.accChart.clear();
    this.$('[data-table="history"]').replaceChildren();
    this.$('[data-out="readout"]').textContent = t('ctl.notTrained');
  }

  protected render(v: LstmView): void {
    if (this.history.length === 0 && !this.plottedStart) {
      // The curves start from the untrained network: the chance level to beat.
      this.plottedStart = true;
      this.lossChart.push(v.epoch, [NaN, v.valLoss]);
      this.accChart.push(v.epoch, [NaN, v.valAccuracy]);
    }
    const ds = this.root.dataset;
    ds.valLoss = String(v.valLoss);
    ds.importantMass = String(v.importantMass);
    ds.chance = String(1 / v.steps);
    this.$('[data-out="readout"]').textContent =
      t('lstm.readout', { epoch: v.epoch, loss: formatNumber(v.valLoss), accuracy: (v.valAccuracy * 100).toFixed(1) });

    const e = v.example;
    const tokens = Array.from(e.tokens, tokenName);
    const answer = e.important[0]!;
    this.$('[data-out="example"]').textContent =
      t('lstm.example', { tokens: tokens.join(' '), label: e.label, step: answer + 1, predicted: e.predicted, p: formatNumber(e.probabilities[e.predicted]!) });
    drawStepBars(this.$('[data-view="gradient"]'), e.gradient, tokens, e.important);
    let total = 0;
    for (const g of e.gradient) total += g;
    const share = total > 0 ? e.gradient[answer]! / total : 0;
    ds.exampleMass = String(share);
    this.$('[data-out="mass"]').textContent = t('lstm.mass', {
      share: (share * 100).toFixed(0),
      mean: (v.importantMass * 100).toFixed(0),
      even: (100 / v.steps).toFixed(0),
    });
    drawTable(this.$('[data-table="sequence"]'), {
      caption: t('lstm.sequenceCaption', { index: e.index, predicted: e.predicted, step: answer + 1 }),
      columns: tokens.map((tok, s) => `${s + 1}${s === answer ? '★' : ''} (${tok})`),
      rows: [
        { label: t('lstm.tokenId'), values: e.tokens },
        { label: '‖∂z_ŷ/∂x_t‖', values: e.gradient },
      ],
    });
    for (const m of MAPS) {
      const values = e[m.key];
      const name = t(`lstm.name.${m.key}`);
      drawUnitHeatmap(this.$(`[data-view="map-${m.key}"]`), {
        values, steps: v.steps, units: v.units, scale: m.scale, range: m.range ? [m.range[0], m.range[1]] : undefined, marked: e.important, label: name,
      });
      drawTable(this.$(`[data-table="map-${m.key}"]`), {
        caption: t('lstm.mapCaption', { name, index: e.index }),
        columns: Array.from({ length: v.steps }, (_, s) => `t${s + 1}`),
        rows: Array.from({ length: v.units }, (_, u) => ({
          label: t('lstm.unit', { unit: u + 1 }),
          values: Array.from({ length: v.steps }, (_, s) => values[s * v.units + u]!),
        })),
      });
    }
  }
}
