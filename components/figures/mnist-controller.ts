/**
 * The MNIST training figure: train/test curves, confusion matrix with per-class
 * metrics, one test digit with the model's probabilities, and a Keras-style summary.
 */
import { mnistSchema } from '../../src/figures/mnist/state.ts';
import type { MnistView } from '../../src/figures/mnist/session.ts';
import type { BatchReport, EpochReport } from '../../src/train/trainer.ts';
import { perClassMetrics } from '../../src/train/metrics.ts';
import { drawHeatmap } from '../views/heatmap.ts';
import { drawTable } from '../views/table.ts';
import { LineChart } from '../views/line-chart.ts';
import { drawDigit } from '../views/digit.ts';
import { drawBars } from '../views/bars.ts';
import { formatNumber } from '../views/format.ts';
import { LiveFigure } from './live-figure.ts';
import { t } from '../../src/i18n/ui.ts';

const DIGITS = Array.from({ length: 10 }, (_, i) => String(i));

export function mount(root: HTMLElement): void {
  new MnistFigure(root);
}

class MnistFigure extends LiveFigure<typeof mnistSchema, number, MnistView> {
  private readonly lossChart: LineChart;
  private readonly accChart: LineChart;
  private readonly history: EpochReport[] = [];
  private epochStarted = performance.now();
  private plottedStart = false;

  constructor(root: HTMLElement) {
    super(root, mnistSchema, ['model', 'seed', 'opt', 'lr', 'batch', 'images', 'tests', 'epochs'], (name) =>
      new Worker(new URL('../../src/worker/mnist.worker.ts', import.meta.url), { type: 'module', name }),
    );
    const series = (training: string, test: string) => [
      { label: t(training), colour: '--book-pos' },
      { label: t(test), colour: '--book-neg', dash: [6, 4] },
    ];
    const xLabel = t('ctl.epochAxis');
    this.lossChart = new LineChart(this.$('[data-view="loss"]'), series('ctl.trainingLoss', 'ctl.testLoss'), { xLabel, yLabel: t('ctl.loss') });
    this.accChart = new LineChart(this.$('[data-view="accuracy"]'), series('ctl.trainingAccuracy', 'ctl.testAccuracy'), { xLabel, yLabel: t('ctl.accuracy') });
    const digitInput = this.$<HTMLInputElement>('input[name="digit"]');
    digitInput.value = String(this.state.digit);
    const pick = (d: number) => {
      const digit = Math.min(mnistSchema.digit.max, Math.max(0, d));
      digitInput.value = String(digit);
      this.select({ digit });
    };
    digitInput.addEventListener('change', () => pick(Number(digitInput.value) || 0));
    this.$('[data-action="prev-digit"]').addEventListener('click', () => pick(this.state.digit - 1));
    this.$('[data-action="next-digit"]').addEventListener('click', () => pick(this.state.digit + 1));
    const skip = this.$<HTMLSelectElement>('select[name="checkpoint"]');
    skip.addEventListener('change', () => {
      const epoch = Number(skip.value);
      skip.value = '';
      if (!epoch) return;
      this.onReset();
      this.notices.clear();
      this.state = { ...this.state, from: epoch };
      this.status(t('mnist.loadingCheckpoint', { epoch }));
      this.send({ type: 'checkpoint', epoch });
    });
    this.start();
  }

  protected selection(): number {
    return this.state.digit;
  }

  protected onLoading(fraction: number): void {
    this.$<HTMLProgressElement>('[data-out="progress"]').value = fraction;
  }

  protected onBatch(r: BatchReport): void {
    const done = r.batch / r.batchesPerEpoch;
    this.$<HTMLProgressElement>('[data-out="progress"]').value = (r.epoch + done) / this.state.epochs;
    const seconds = (performance.now() - this.epochStarted) / 1000;
    const samplesPerSecond = (r.batch * this.state.batch) / Math.max(seconds, 1e-3);
    const remaining = ((this.state.epochs - r.epoch - done) * r.batchesPerEpoch * this.state.batch) / Math.max(samplesPerSecond, 1e-3);
    this.$('[data-out="speed"]').textContent = t('mnist.speed', {
      epoch: r.epoch + 1,
      epochs: this.state.epochs,
      batch: r.batch,
      batches: r.batchesPerEpoch,
      rate: samplesPerSecond.toFixed(0),
      left: formatDuration(remaining),
    });
  }

  protected onReports(reports: EpochReport[]): void {
    for (const r of reports) {
      this.history.push(r);
      this.lossChart.push(r.epoch, [r.loss, r.valLoss ?? NaN]);
      this.accChart.push(r.epoch, [r.accuracy, r.valAccuracy ?? NaN]);
      this.epochStarted = performance.now();
    }
    if (reports.length) {
      drawTable(this.$('[data-table="history"]'), {
        caption: t('mnist.historyCaption'),
        columns: ['ctl.loss', 'ctl.accuracy', 'ctl.testLoss', 'ctl.testAccuracy', 'mnist.samplesPerSecond'].map((k) => t(k)),
        rows: this.history.map((r) => ({ label: t('live.epoch', { epoch: r.epoch }), values: [r.loss, r.accuracy, r.valLoss ?? NaN, r.valAccuracy ?? NaN, r.samplesPerSecond] })),
      });
    }
  }

  protected onReset(): void {
    this.state = { ...this.state, from: 0 };
    this.history.length = 0;
    this.plottedStart = false;
    this.lossChart.clear();
    this.accChart.clear();
    this.epochStarted = performance.now();
    this.$<HTMLProgressElement>('[data-out="progress"]').value = 0;
    this.$('[data-out="speed"]').textContent = '';
  }

  protected render(v: MnistView): void {
    this.root.dataset.testAccuracy = String(v.testAccuracy);
    this.root.dataset.testLoss = String(v.testLoss);
    if (this.history.length === 0 && !this.plottedStart) {
      // The curves start from the first model shown: untrained (the chance level to
      // beat) or the checkpoint skipped ahead to.
      this.plottedStart = true;
      this.lossChart.push(v.epoch, [NaN, v.testLoss]);
      this.accChart.push(v.epoch, [NaN, v.testAccuracy]);
    }
    this.$('[data-out="readout"]').textContent = t('mnist.readout', {
      epoch: v.epoch,
      loss: formatNumber(v.testLoss),
      accuracy: (v.testAccuracy * 100).toFixed(1),
    });
    const trueLabels = DIGITS.map((digit) => t('mnist.true', { digit }));
    drawHeatmap(this.$('[data-view="confusion"]'), {
      values: v.confusion, rows: 10, cols: 10, rowLabels: trueLabels, colLabels: DIGITS, scale: 'magnitude',
    });
    drawTable(this.$('[data-table="confusion"]'), {
      caption: t('mnist.confusionCaption'),
      columns: DIGITS,
      rows: DIGITS.map((_, k) => ({ label: trueLabels[k]!, values: v.confusion.slice(k * 10, k * 10 + 10) })),
    });
    const m = perClassMetrics(v.confusion, 10);
    drawTable(this.$('[data-table="metrics"]'), {
      caption: t('mnist.metricsCaption', { accuracy: (m.accuracy * 100).toFixed(1) }),
      columns: ['mnist.precision', 'mnist.recall', 'mnist.f1', 'mnist.support'].map((k) => t(k)),
      rows: DIGITS.map((digit, c) => ({ label: t('mnist.digit', { digit }), values: [m.precision[c]!, m.recall[c]!, m.f1[c]!, m.support[c]!] })),
    });
    drawDigit(this.$<HTMLCanvasElement>('[data-view="digit"]'), v.digit.pixels);
    const predicted = v.digit.probabilities.indexOf(Math.max(...v.digit.probabilities));
    drawBars(this.$('[data-view="probabilities"]'), DIGITS, v.digit.probabilities, predicted);
    drawTable(this.$('[data-table="probabilities"]'), {
      caption: t('mnist.probabilitiesCaption', { index: v.digit.index, label: v.digit.label, predicted }),
      columns: DIGITS,
      rows: [{ label: t('ctl.pDigit'), values: v.digit.probabilities }],
    });
    drawTable(this.$('[data-table="summary"]'), {
      caption: t('mnist.summaryCaption', { total: v.summary.totalParams.toLocaleString('en'), trainable: v.summary.trainableParams.toLocaleString('en') }),
      columns: [t('mnist.parameters')],
      rows: v.summary.rows.map((r) => ({ label: `${r.name} (${r.type}) → [${r.outputShape.map((d) => d ?? 'None').join(', ')}]`, values: [r.params] })),
    });
  }
}

function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '–';
  if (seconds < 90) return t('mnist.seconds', { n: Math.round(seconds) });
  return t('mnist.minutes', { n: Math.round(seconds / 60) });
}
