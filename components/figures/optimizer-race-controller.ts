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

const NAMES: Record<string, string> = { sgd: 'SGD', momentum: 'momentum', adam: 'Adam' };

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
    const series = (what: string): Series[] => [
      { label: `SGD ${what}`, colour: '--race-sgd', dash: [2, 3] },
      { label: `momentum ${what}`, colour: '--race-momentum', dash: [6, 4] },
      { label: `Adam ${what}`, colour: '--race-adam' },
    ];
    this.lossChart = new LineChart(this.$('[data-view="loss"]'), series('loss'), { yLabel: 'loss' });
    this.accChart = new LineChart(this.$('[data-view="accuracy"]'), series('validation accuracy'), { yLabel: 'accuracy' });
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
    this.$('[data-out="readout"]').textContent = 'not trained yet';
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
        this.notices.add(
          `${NAMES[r.optimizer]} diverged in epoch ${r.divergedAt}: its loss became NaN or infinite. ` +
            `Its learning rate ${r.learningRate} is too large here; the other two race on.`,
        );
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
    this.$('[data-out="readout"]').textContent =
      `epoch ${v.epoch} · training loss: ` + finals.map((f) => `${NAMES[f.r.optimizer]} ${formatNumber(f.loss)}`).join(', ') +
      ' · validation accuracy: ' + finals.map((f) => `${NAMES[f.r.optimizer]} ${Number.isFinite(f.valAcc) ? (f.valAcc * 100).toFixed(1) + '%' : '–'}`).join(', ');

    drawTable(this.$('[data-table="summary"]'), {
      caption: `After epoch ${v.epoch} of ${v.epochs}: the three copies of the same network`,
      columns: ['learning rate', 'training loss', 'training accuracy', 'validation loss', 'validation accuracy'],
      rows: finals.map((f) => ({ label: NAMES[f.r.optimizer]!, values: [f.r.learningRate, f.loss, f.acc, f.valLoss, f.valAcc] })),
    });
    const rows = [{ label: 'epoch 0', values: [v.start.loss, v.start.loss, v.start.loss, v.start.valAccuracy, v.start.valAccuracy, v.start.valAccuracy] }];
    for (let e = 1; e <= v.epoch; e++) {
      rows.push({ label: `epoch ${e}`, values: [...v.racers.map((r) => r.loss[e - 1]!), ...v.racers.map((r) => r.valAccuracy[e - 1]!)] });
    }
    drawTable(this.$('[data-table="history"]'), {
      caption: 'Training loss and validation accuracy per epoch (the curves)',
      columns: ['SGD loss', 'momentum loss', 'Adam loss', 'SGD val. acc.', 'momentum val. acc.', 'Adam val. acc.'],
      rows,
    });
  }
}
