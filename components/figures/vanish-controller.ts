/**
 * The vanishing-gradient figure: one log-scale chart of the gradient norm per time
 * step for the plain RNN and the LSTM, redrawn after every epoch, and its numbers.
 * Worker, controls and link state are the shared LiveFigure.
 */
import { vanishSchema } from '../../src/figures/recurrent/state.ts';
import type { VanishView } from '../../src/figures/recurrent/vanish-session.ts';
import type { EpochReport } from '../../src/train/trainer.ts';
import { drawTable } from '../views/table.ts';
import { LineChart } from '../views/line-chart.ts';
import { formatNumber } from '../views/format.ts';
import { LiveFigure } from './live-figure.ts';
import { t } from '../../src/i18n/ui.ts';

export function mount(root: HTMLElement): void {
  new VanishFigure(root);
}

class VanishFigure extends LiveFigure<typeof vanishSchema, null, VanishView> {
  private readonly chart: LineChart;
  private readonly history: { epoch: number; rnn: VanishView['rnn']; lstm: VanishView['lstm'] }[] = [];

  constructor(root: HTMLElement) {
    super(root, vanishSchema, ['steps', 'lr', 'epochs', 'seed'], (name) =>
      new Worker(new URL('../../src/worker/vanish.worker.ts', import.meta.url), { type: 'module', name }),
    );
    this.chart = new LineChart(
      this.$('[data-view="norms"]'),
      [
        { label: t('vanish.plainRnn'), colour: '--rnn-colour', dash: [6, 4] },
        { label: 'LSTM', colour: '--lstm-colour' },
      ],
      { yLabel: '‖∂z/∂xₜ‖', xLabel: t('vanish.timeStep'), log: true },
    );
    this.start();
  }

  protected selection(): null {
    return null;
  }

  protected onReports(_reports: EpochReport[]): void {}

  protected onReset(): void {
    this.history.length = 0;
    this.chart.clear();
    this.$('[data-out="readout"]').textContent = t('ctl.computing');
  }

  protected render(v: VanishView): void {
    this.chart.clear();
    for (let s = 0; s < v.steps; s++) this.chart.push(s + 1, [v.rnn.norms[s]!, v.lstm.norms[s]!]);
    const T = v.steps;
    const ds = this.root.dataset;
    ds.rnnFirst = String(v.rnn.norms[0]);
    ds.lstmFirst = String(v.lstm.norms[0]);
    ds.rnnLast = String(v.rnn.norms[T - 1]);
    ds.lstmLast = String(v.lstm.norms[T - 1]);
    ds.steps = String(T);
    const ratio = (n: Float32Array) => formatNumber(n[0]! / n[T - 1]!);
    this.$('[data-out="readout"]').textContent =
      `${v.epoch === 0 ? t('vanish.atInit') : v.epoch === 1 ? t('vanish.afterEpoch') : t('vanish.afterEpochs', { epoch: v.epoch })} · ` +
      t('vanish.ratio', { steps: T, rnn: ratio(v.rnn.norms), lstm: ratio(v.lstm.norms) }) +
      (v.epoch > 0 ? ` · ${t('vanish.trainingAccuracy', { rnn: (v.rnn.accuracy * 100).toFixed(0), lstm: (v.lstm.accuracy * 100).toFixed(0) })}` : '');
    drawTable(this.$('[data-table="norms"]'), {
      caption: t('vanish.normsCaption', { when: v.epoch === 0 ? t('vanish.atInit') : t('live.epoch', { epoch: v.epoch }) }),
      columns: [t('vanish.plainRnn'), 'LSTM'],
      rows: Array.from({ length: T }, (_, s) => ({ label: `t = ${s + 1}`, values: [v.rnn.norms[s]!, v.lstm.norms[s]!] })),
    });
    if (v.epoch > 0 && this.history.at(-1)?.epoch !== v.epoch) this.history.push({ epoch: v.epoch, rnn: v.rnn, lstm: v.lstm });
    drawTable(this.$('[data-table="training"]'), {
      caption: t('vanish.trainingCaption'),
      columns: [t('vanish.rnnLoss'), t('vanish.rnnAccuracy'), t('vanish.lstmLoss'), t('vanish.lstmAccuracy')],
      rows: this.history.map((h) => ({ label: t('live.epoch', { epoch: h.epoch }), values: [h.rnn.loss, h.rnn.accuracy, h.lstm.loss, h.lstm.accuracy] })),
    });
  }
}
