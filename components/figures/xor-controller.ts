/**
 * The XOR figure: draws the loss curve, decision boundary, activation map and
 * gradient map from the plain numbers its worker sends. Everything else (worker,
 * controls, link state) is the shared LiveFigure.
 */
import { xorSchema } from '../../src/figures/xor/state.ts';
import { GRID, GRID_MAX, GRID_MIN } from '../../src/figures/xor/grid.ts';
import type { XorView } from '../../src/figures/xor/session.ts';
import type { EpochReport } from '../../src/train/trainer.ts';
import { drawBoundary } from '../views/boundary.ts';
import { drawHeatmap, legend } from '../views/heatmap.ts';
import { drawTable } from '../views/table.ts';
import { LineChart } from '../views/line-chart.ts';
import { formatNumber } from '../views/format.ts';
import { LiveFigure } from './live-figure.ts';
import { t } from '../../src/i18n/ui.ts';

const INPUTS = ['(0, 0)', '(0, 1)', '(1, 0)', '(1, 1)'];

export function mount(root: HTMLElement): void {
  new XorFigure(root);
}

class XorFigure extends LiveFigure<typeof xorSchema, number, XorView> {
  private readonly loss: LineChart;

  constructor(root: HTMLElement) {
    super(root, xorSchema, ['seed', 'hidden', 'act', 'opt', 'lr', 'epochs'], (name) =>
      new Worker(new URL('../../src/worker/xor.worker.ts', import.meta.url), { type: 'module', name }),
    );
    this.loss = new LineChart(this.$('[data-view="loss"]'), [{ label: t('ctl.trainingLoss'), colour: '--book-pos' }], { xLabel: t('ctl.epochAxis'), yLabel: t('ctl.loss'), log: true });
    drawBoundaryLegend(this.$('[data-view="boundary-legend"]'));
    const radio = this.root.querySelector<HTMLInputElement>(`input[name="input"][value="${this.state.input}"]`);
    if (radio) radio.checked = true;
    this.root.querySelectorAll<HTMLInputElement>('input[name="input"]').forEach((r) =>
      r.addEventListener('change', () => this.select({ input: Number(r.value) })),
    );
    this.start();
  }

  protected selection(): number {
    return this.state.input;
  }

  protected onReports(reports: EpochReport[]): void {
    for (const r of reports) this.loss.push(r.epoch, [r.loss]);
  }

  protected onReset(): void {
    this.loss.clear();
  }

  protected render(v: XorView): void {
    this.$('[data-out="epoch"]').textContent = t('live.epoch', { epoch: v.epoch });
    this.$('[data-out="loss"]').textContent = t('xor.loss', { loss: formatNumber(v.loss) });
    this.$('[data-out="accuracy"]').textContent = t('xor.accuracy', { percent: `${Math.round(v.accuracy * 100)}%` });
    this.root.dataset.loss = String(v.loss);

    const points = INPUTS.map((_, i) => ({ x: i >> 1, y: i & 1, label: (i >> 1) ^ (i & 1), selected: i === v.input }));
    drawBoundary(this.$<HTMLCanvasElement>('[data-view="boundary"]'), { grid: v.boundary, size: GRID, min: GRID_MIN, max: GRID_MAX, points });

    const hidden = v.activations[0]!;
    const units = hidden.shape[1]!;
    const neuronLabels = [...Array.from({ length: units }, (_, j) => `h${j + 1}`), 'ŷ'];
    // One row per input: hidden activations followed by the output.
    const actRows = INPUTS.map((_, i) => [...hidden.values.slice(i * units, (i + 1) * units), v.predictions[i]!]);
    drawHeatmap(this.$('[data-view="activations"]'), {
      values: actRows.flat(), rows: 4, cols: units + 1, rowLabels: INPUTS, colLabels: neuronLabels, scale: 'signed', highlightRow: v.input,
    });
    drawTable(this.$('[data-table="activations"]'), {
      caption: t('xor.tableActivations'),
      columns: neuronLabels,
      rows: INPUTS.map((label, i) => ({ label: `x = ${label}`, values: actRows[i]! })),
    });
    drawTable(this.$('[data-table="predictions"]'), {
      caption: t('xor.tablePredictions', { epoch: v.epoch }),
      columns: [t('xor.target'), 'p(y = 1)'],
      rows: INPUTS.map((label, i) => ({ label: `x = ${label}`, values: [(i >> 1) ^ (i & 1), v.predictions[i]!] })),
    });

    const gradValues = [...v.gradients.layers[0]!.values, ...v.gradients.layers[1]!.values];
    drawHeatmap(this.$('[data-view="gradients"]'), {
      values: gradValues, rows: 1, cols: units + 1, rowLabels: [`x = ${INPUTS[v.input]}`], colLabels: neuronLabels, scale: 'signed',
    });
    drawTable(this.$('[data-table="gradients"]'), {
      caption: t('xor.tableGradients', { input: INPUTS[v.input] }),
      columns: neuronLabels,
      rows: [{ label: '∂L/∂a', values: gradValues }],
    });
    const [dW1, db1, dW2, db2] = v.gradients.weights;
    // ∂L/∂W as a matrix: column j is hidden neuron h_j; rows are the weights into h_j
    // (from x₁, x₂ and its bias) and the weight from h_j to the output.
    const hiddenLabels = neuronLabels.slice(0, units);
    const rows = [
      { label: 'x₁ → h', values: dW1!.values.filter((_, k) => k < units) },
      { label: 'x₂ → h', values: dW1!.values.filter((_, k) => k >= units) },
      { label: t('xor.biasRow'), values: db1!.values },
      { label: 'h → ŷ', values: dW2!.values },
    ];
    drawHeatmap(this.$('[data-view="weight-gradients"]'), {
      values: rows.flatMap((r) => Array.from(r.values)), rows: rows.length, cols: units, rowLabels: rows.map((r) => r.label), colLabels: hiddenLabels, scale: 'signed',
    });
    drawTable(this.$('[data-table="weight-gradients"]'), {
      caption: t('xor.tableWeightGradients', { input: INPUTS[v.input], db: formatNumber(db2!.values[0]!) }),
      columns: hiddenLabels,
      rows,
    });
  }
}

function drawBoundaryLegend(host: HTMLElement): void {
  const el = legend('signed', -0.5, 0.5);
  el.querySelectorAll('span:not(.legend-bar)').forEach((s, i) => (s.textContent = i === 0 ? 'p = 0' : 'p = 1'));
  host.replaceChildren(el);
}
