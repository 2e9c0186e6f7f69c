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
        { label: 'plain RNN', colour: '--rnn-colour', dash: [6, 4] },
        { label: 'LSTM', colour: '--lstm-colour' },
      ],
      { yLabel: '‖∂z/∂xₜ‖', xLabel: 'time step t', log: true },
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
    this.$('[data-out="readout"]').textContent = 'computing…';
  }

  protected render(v: VanishView): void {
    this.chart.clear();
    for (let t = 0; t < v.steps; t++) this.chart.push(t + 1, [v.rnn.norms[t]!, v.lstm.norms[t]!]);
    const T = v.steps;
    const ds = this.root.dataset;
    ds.rnnFirst = String(v.rnn.norms[0]);
    ds.lstmFirst = String(v.lstm.norms[0]);
    ds.rnnLast = String(v.rnn.norms[T - 1]);
    ds.lstmLast = String(v.lstm.norms[T - 1]);
    ds.steps = String(T);
    const ratio = (n: Float32Array) => formatNumber(n[0]! / n[T - 1]!);
    this.$('[data-out="readout"]').textContent =
      `${v.epoch === 0 ? 'at initialisation' : `after ${v.epoch} epoch${v.epoch > 1 ? 's' : ''}`} · ` +
      `step 1 ÷ step ${T}: RNN ${ratio(v.rnn.norms)}, LSTM ${ratio(v.lstm.norms)}` +
      (v.epoch > 0 ? ` · training accuracy: RNN ${(v.rnn.accuracy * 100).toFixed(0)}%, LSTM ${(v.lstm.accuracy * 100).toFixed(0)}%` : '');
    drawTable(this.$('[data-table="norms"]'), {
      caption: `Gradient norm of the true class's score with respect to each step's input, mean over 32 sequences (${v.epoch === 0 ? 'at initialisation' : `epoch ${v.epoch}`})`,
      columns: ['plain RNN', 'LSTM'],
      rows: Array.from({ length: T }, (_, t) => ({ label: `t = ${t + 1}`, values: [v.rnn.norms[t]!, v.lstm.norms[t]!] })),
    });
    if (v.epoch > 0 && this.history.at(-1)?.epoch !== v.epoch) this.history.push({ epoch: v.epoch, rnn: v.rnn, lstm: v.lstm });
    drawTable(this.$('[data-table="training"]'), {
      caption: 'Training loss and accuracy per epoch (both models see the same 320 sequences)',
      columns: ['RNN loss', 'RNN accuracy', 'LSTM loss', 'LSTM accuracy'],
      rows: this.history.map((h) => ({ label: `epoch ${h.epoch}`, values: [h.rnn.loss, h.rnn.accuracy, h.lstm.loss, h.lstm.accuracy] })),
    });
  }
}
