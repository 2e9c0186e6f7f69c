/**
 * The optimizer race: draws the three training-loss curves and validation-accuracy
 * curves from the histories its worker sends, and the numbers as tables. Worker,
 * controls and link state are the shared LiveFigure.
 */
import { raceSchema } from '../../src/figures/optimizer-race/state.ts';
import type { RaceView } from '../../src/figures/optimizer-race/session.ts';
import type { EpochReport } from '../../src/train/trainer.ts';
import { drawTable } from '../views/table.ts';
import { LineChart, type Series } from '../views/line-chart.ts';
import { formatNumber } from '../views/format.ts';
import { LiveFigure } from './live-figure.ts';
import { t } from '../../src/i18n/ui.ts';

const OPTIMIZERS = ['sgd', 'momentum', 'adam'] as const;
const nameOf = (optimizer: string) => t(`race.name.${optimizer}`);

export function mount(root: HTMLElement): void {
  new RaceFigure(root);
}

class RaceFigure extends LiveFigure<typeof raceSchema, null, RaceView> {
  private readonly lossChart: LineChart;
  private readonly accChart: LineChart;
  /** Epochs already on the charts (the epoch-0 point counts as one). */
  private plotted = 0;
  private readonly warned = new Set<string>();

  constructor(root: HTMLElement) {
    super(root, raceSchema, ['seed', 'features', 'hidden', 'batch', 'lrSgd', 'lrMomentum', 'lrAdam', 'epochs'], (name) =>
      new Worker(new URL('../../src/worker/optimizer-race.worker.ts', import.meta.url), { type: 'module', name }),
    );
    const series = (key: string): Series[] => [
      { label: t(key, { name: nameOf('sgd') }), colour: '--race-sgd', dash: [2, 3] },
      { label: t(key, { name: nameOf('momentum') }), colour: '--race-momentum', dash: [6, 4] },
      { label: t(key, { name: nameOf('adam') }), colour: '--race-adam' },
    ];
    const xLabel = t('ctl.epochAxis');
    this.lossChart = new LineChart(this.$('[data-view="loss"]'), series('race.seriesLoss'), { xLabel, yLabel: t('ctl.loss') });
    this.accChart = new LineChart(this.$('[data-view="accuracy"]'), series('race.seriesAcc'), { xLabel, yLabel: t('ctl.accuracy') });
    this.start();
  }

  protected selection(): null {
    return null;
  }

  /** The view carries the whole history of all three models; the reports are not needed. */
  protected onReports(_reports: EpochReport[]): void {}

  protected onReset(): void {
    this.plotted = 0;
    this.warned.clear();
    this.lossChart.clear();
    this.accChart.clear();
    this.$('[data-out="readout"]').textContent = t('ctl.notTrained');
  }

  protected render(v: RaceView): void {
    if (this.plotted > v.epoch + 1) this.onReset();
    if (this.plotted === 0) {
      this.lossChart.push(0, [v.start.loss, v.start.loss, v.start.loss]);
      this.accChart.push(0, [v.start.valAccuracy, v.start.valAccuracy, v.start.valAccuracy]);
      this.plotted = 1;
    }
    for (let e = this.plotted; e <= v.epoch; e++) {
      this.lossChart.push(e, v.racers.map((r) => r.loss[e - 1]!));
      this.accChart.push(e, v.racers.map((r) => r.valAccuracy[e - 1]!));
      this.plotted = e + 1;
    }

    for (const r of v.racers) {
      if (r.divergedAt !== null && !this.warned.has(r.optimizer)) {
        this.warned.add(r.optimizer);
        this.notices.add(t('race.diverged', { name: nameOf(r.optimizer), epoch: r.divergedAt, lr: r.learningRate }));
      }
    }

    const last = (xs: number[], start: number) => (v.epoch === 0 ? start : xs[v.epoch - 1]!);
    const finals = v.racers.map((r) => ({
      r,
      loss: last(r.loss, v.start.loss),
      acc: last(r.accuracy, v.start.accuracy),
      valLoss: last(r.valLoss, v.start.valLoss),
      valAcc: last(r.valAccuracy, v.start.valAccuracy),
    }));
    this.root.dataset.losses = finals.map((f) => f.loss).join(' ');
    const sep = t('ctl.listSep');
    this.$('[data-out="readout"]').textContent = t('race.readout', {
      epoch: v.epoch,
      losses: finals.map((f) => `${nameOf(f.r.optimizer)} ${formatNumber(f.loss)}`).join(sep),
      accuracies: finals.map((f) => `${nameOf(f.r.optimizer)} ${Number.isFinite(f.valAcc) ? (f.valAcc * 100).toFixed(1) + '%' : '–'}`).join(sep),
    });

    drawTable(this.$('[data-table="summary"]'), {
      caption: t('race.summaryCaption', { epoch: v.epoch, epochs: v.epochs }),
      columns: ['ctl.learningRate', 'ctl.trainingLoss', 'ctl.trainingAccuracy', 'ctl.validationLoss', 'ctl.validationAccuracy'].map((k) => t(k)),
      rows: finals.map((f) => ({ label: nameOf(f.r.optimizer), values: [f.r.learningRate, f.loss, f.acc, f.valLoss, f.valAcc] })),
    });
    const rows = [{ label: t('live.epoch', { epoch: 0 }), values: [v.start.loss, v.start.loss, v.start.loss, v.start.valAccuracy, v.start.valAccuracy, v.start.valAccuracy] }];
    for (let e = 1; e <= v.epoch; e++) {
      rows.push({ label: t('live.epoch', { epoch: e }), values: [...v.racers.map((r) => r.loss[e - 1]!), ...v.racers.map((r) => r.valAccuracy[e - 1]!)] });
    }
    drawTable(this.$('[data-table="history"]'), {
      caption: t('race.historyCaption'),
      columns: [...OPTIMIZERS.map((o) => t('race.seriesLoss', { name: nameOf(o) })), ...OPTIMIZERS.map((o) => t('race.seriesValAcc', { name: nameOf(o) }))],
      rows,
    });
  }
}
