/**
 * Wires the XOR figure's controls and views to its worker. It holds the figure's
 * state, writes it to the URL, and draws whatever plain numbers the worker sends.
 */
import { readState, parseField, type StateOf } from '../../src/state/url-state.ts';
import { xorSchema, type XorState } from '../../src/figures/xor/state.ts';
import { GRID, GRID_MAX, GRID_MIN, type XorView } from '../../src/figures/xor/session.ts';
import type { FromWorker, ToWorker } from '../../src/worker/protocol.ts';
import { drawBoundary } from '../views/boundary.ts';
import { drawHeatmap, legend } from '../views/heatmap.ts';
import { drawTable } from '../views/table.ts';
import { LineChart } from '../views/line-chart.ts';
import { formatNumber } from '../views/format.ts';
import { copyFigureLink, syncUrl } from './figure-link.ts';
import { FigureNotices } from './notices.ts';

const INPUTS = ['(0, 0)', '(0, 1)', '(1, 0)', '(1, 1)'];
const EDITABLE = ['seed', 'hidden', 'act', 'opt', 'lr', 'epochs'] as const;

export function mount(root: HTMLElement): void {
  new XorFigure(root);
}

class XorFigure {
  private state: XorState;
  private readonly worker: Worker;
  private readonly notices: FigureNotices;
  private readonly loss: LineChart;
  private running = false;
  /** Training was paused because the figure scrolled away; resume when it returns. */
  private pausedOffscreen = false;
  private readonly id: string;

  constructor(private readonly root: HTMLElement) {
    this.id = root.dataset.figureId!;
    this.notices = new FigureNotices(this.$('[data-out="notices"]'));
    const params = new URLSearchParams(location.search);
    const { state, notices } = readState(xorSchema, this.id, params);
    this.state = state;
    notices.forEach((n) => this.notices.add(n));
    this.writeControls();
    this.loss = new LineChart(this.$('[data-view="loss"]'), [{ label: 'training loss', colour: '--book-pos' }], { yLabel: 'loss', log: true });
    drawBoundaryLegend(this.$('[data-view="boundary-legend"]'));

    this.worker = new Worker(new URL('../../src/worker/xor.worker.ts', import.meta.url), { type: 'module', name: `figure-${this.id}` });
    this.worker.onmessage = (e: MessageEvent<FromWorker>) => this.receive(e.data);
    this.worker.onerror = (e) => {
      this.notices.add(`The figure's worker stopped: ${e.message || 'unknown error'}. Reload the page to try again.`);
      this.setRunning(false);
    };
    this.send({ type: 'init', state: this.state, backend: params.get('backend') });
    this.status('starting the engine…');
    this.bindControls();
    this.pauseWhenOffscreen();
  }

  private $<T extends HTMLElement = HTMLElement>(selector: string): T {
    return this.root.querySelector<T>(selector)!;
  }

  private send(msg: ToWorker): void {
    this.worker.postMessage(msg);
  }

  private status(text: string): void {
    this.$('[data-out="status"]').textContent = text;
  }

  private receive(msg: FromWorker): void {
    switch (msg.type) {
      case 'ready':
        this.$('[data-out="backend"]').textContent = `TF.js backend: ${msg.backend} (${msg.reason})`;
        this.root.dataset.backend = msg.backend;
        msg.notices.forEach((n) => this.notices.add(n));
        this.root.dataset.ready = 'true';
        this.status('ready');
        return;
      case 'progress':
        for (const r of msg.reports) this.loss.push(r.epoch, [r.loss]);
        this.render(msg.view);
        if (!msg.running) this.syncUrl();
        return;
      case 'stopped':
        this.setRunning(false);
        this.status(msg.reason === 'done' ? `finished ${this.state.epochs} epochs` : 'paused');
        this.syncUrl();
        return;
      case 'error':
        this.setRunning(false);
        this.notices.add(msg.message);
        this.status(msg.kind === 'diverged' ? 'diverged' : 'error');
        return;
    }
  }

  private render(v: XorView): void {
    this.state = { ...this.state, epoch: v.epoch };
    this.root.dataset.epoch = String(v.epoch);
    this.$('[data-out="epoch"]').textContent = `epoch ${v.epoch}`;
    this.$('[data-out="loss"]').textContent = `loss ${formatNumber(v.loss)}`;
    this.$('[data-out="accuracy"]').textContent = `accuracy ${Math.round(v.accuracy * 100)}%`;
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
      caption: 'Activation map: each neuron’s activation for each input',
      columns: neuronLabels,
      rows: INPUTS.map((label, i) => ({ label: `x = ${label}`, values: actRows[i]! })),
    });
    drawTable(this.$('[data-table="predictions"]'), {
      caption: `Predictions after epoch ${v.epoch} (target: x₁ XOR x₂)`,
      columns: ['target', 'p(y = 1)'],
      rows: INPUTS.map((label, i) => ({ label: `x = ${label}`, values: [(i >> 1) ^ (i & 1), v.predictions[i]!] })),
    });

    const gradValues = [...v.gradients.layers[0]!.values, ...v.gradients.layers[1]!.values];
    drawHeatmap(this.$('[data-view="gradients"]'), {
      values: gradValues, rows: 1, cols: units + 1, rowLabels: [`x = ${INPUTS[v.input]}`], colLabels: neuronLabels, scale: 'signed',
    });
    drawTable(this.$('[data-table="gradients"]'), {
      caption: `Gradient map: ∂L/∂a for each neuron, for input x = ${INPUTS[v.input]}`,
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
      { label: 'bias → h', values: db1!.values },
      { label: 'h → ŷ', values: dW2!.values },
    ];
    drawHeatmap(this.$('[data-view="weight-gradients"]'), {
      values: rows.flatMap((r) => Array.from(r.values)), rows: rows.length, cols: units, rowLabels: rows.map((r) => r.label), colLabels: hiddenLabels, scale: 'signed',
    });
    drawTable(this.$('[data-table="weight-gradients"]'), {
      caption: `Weight gradients ∂L/∂W for input x = ${INPUTS[v.input]} (∂L/∂b of the output: ${formatNumber(db2!.values[0]!)})`,
      columns: hiddenLabels,
      rows,
    });
  }

  private writeControls(): void {
    for (const key of EDITABLE) {
      const el = this.root.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${key}"]`);
      if (el) el.value = String(this.state[key]);
    }
    const radio = this.root.querySelector<HTMLInputElement>(`input[name="input"][value="${this.state.input}"]`);
    if (radio) radio.checked = true;
  }

  private bindControls(): void {
    this.$('[data-action="train"]').addEventListener('click', () => {
      if (this.running) {
        this.send({ type: 'pause' });
        this.setRunning(false);
      } else {
        this.notices.clear();
        this.send({ type: 'train' });
        this.setRunning(true);
        this.status('training…');
      }
    });
    this.$('[data-action="step"]').addEventListener('click', () => {
      this.setRunning(false);
      this.send({ type: 'step' });
    });
    this.$('[data-action="reset"]').addEventListener('click', () => this.reset());
    this.$<HTMLButtonElement>('[data-action="copy-link"]').addEventListener('click', (e) =>
      copyFigureLink(this.id, e.currentTarget as HTMLButtonElement),
    );
    for (const key of EDITABLE) {
      this.root.querySelector(`[name="${key}"]`)?.addEventListener('change', (e) => {
        const el = e.target as HTMLInputElement;
        const parsed = parseField(xorSchema[key], el.value);
        if (!parsed.ok) {
          this.notices.add(`${xorSchema[key].label} ${parsed.reason}; keeping ${String(this.state[key])}.`);
          el.value = String(this.state[key]);
          return;
        }
        this.state = { ...this.state, [key]: parsed.value } as XorState;
        this.reset();
      });
    }
    this.root.querySelectorAll<HTMLInputElement>('input[name="input"]').forEach((radio) =>
      radio.addEventListener('change', () => {
        this.state = { ...this.state, input: Number(radio.value) };
        this.send({ type: 'select', input: this.state.input });
        this.syncUrl();
      }),
    );
  }

  private reset(): void {
    this.notices.clear();
    this.setRunning(false);
    this.state = { ...this.state, epoch: 0 };
    this.loss.clear();
    this.send({ type: 'reset', state: this.state });
    this.status('reset');
  }

  private setRunning(running: boolean): void {
    this.running = running;
    this.root.dataset.running = String(running);
    const button = this.$('[data-action="train"]');
    button.textContent = running ? 'Pause' : 'Train';
    button.setAttribute('aria-pressed', String(running));
  }

  private syncUrl(): void {
    syncUrl(xorSchema, this.id, this.state as StateOf<typeof xorSchema>);
  }

  /** A figure that scrolled out of view stops training, so it costs nothing. */
  private pauseWhenOffscreen(): void {
    new IntersectionObserver((entries) => {
      const visible = entries.some((e) => e.isIntersecting);
      if (!visible && this.running) {
        this.pausedOffscreen = true;
        this.send({ type: 'pause' });
        this.setRunning(false);
        this.status('paused while off screen');
      } else if (visible && this.pausedOffscreen) {
        this.pausedOffscreen = false;
        this.send({ type: 'train' });
        this.setRunning(true);
        this.status('training…');
      }
    }).observe(this.root);
  }
}

function drawBoundaryLegend(host: HTMLElement): void {
  const el = legend('signed', -0.5, 0.5);
  el.querySelectorAll('span:not(.legend-bar)').forEach((s, i) => (s.textContent = i === 0 ? 'p = 0' : 'p = 1'));
  host.replaceChildren(el);
}
