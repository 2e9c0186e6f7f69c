/**
 * The evaluation figure on the page: sends the reader's choices to its worker,
 * shows the worker's progress, and draws what comes back — the judged maps, the
 * deletion and insertion curves with their areas, the randomisation check, the
 * agreement matrix and (on request) the comparison across checkpoints and seeds —
 * each with its numbers as a table. Nothing is trained here, so this figure has no
 * Train button and does not use LiveFigure; it shares its worker protocol, the
 * link state and the notices.
 */
import {
  EVAL_LABELS,
  evaluationSchema,
  selectionOf,
  SIMILARITY_LABELS,
  type EvalMethodId,
  type EvaluationSelection,
  type EvaluationState,
  type RandomisedId,
} from '../../src/figures/evaluation/state.ts';
import type { EvaluationView, RandomisedMethod } from '../../src/figures/evaluation/session.ts';
import { parseField, readState } from '../../src/state/url-state.ts';
import type { FromWorker, ToWorker } from '../../src/worker/protocol.ts';
import { colourFor, rgbTriple } from '../views/palette.ts';
import { drawHeatmap } from '../views/heatmap.ts';
import { drawTable } from '../views/table.ts';
import { drawDigit } from '../views/digit.ts';
import { drawXyPlot, type XySeries } from '../views/xy-plot.ts';
import { formatNumber } from '../views/format.ts';
import { copyFigureLink, syncUrl } from './figure-link.ts';
import { FigureNotices } from './notices.ts';
import { t } from '../../src/i18n/ui.ts';

/** Okabe–Ito colours (colour-blind safe) plus dashes, one per method; see evaluation.css. */
const STYLE: Record<EvalMethodId | 'input', { colour: string; dash?: string }> = {
  saliency: { colour: 'var(--eval-saliency)' },
  gxi: { colour: 'var(--eval-gxi)', dash: '6 3' },
  smoothgrad: { colour: 'var(--eval-smoothgrad)', dash: '10 3' },
  ig: { colour: 'var(--eval-ig)', dash: '2 2' },
  gradcam: { colour: 'var(--eval-gradcam)', dash: '8 3 2 3' },
  lime: { colour: 'var(--eval-lime)' },
  random: { colour: 'var(--eval-random)', dash: '3 4' },
  input: { colour: 'var(--eval-input)', dash: '1 3' },
};
const SHORT: Record<EvalMethodId | 'input', string> = {
  saliency: 'saliency',
  gxi: 'grad × input',
  smoothgrad: 'SmoothGrad',
  ig: 'IG',
  gradcam: 'Grad-CAM',
  lime: 'LIME',
  random: 'random',
  input: 'digit (control)',
};
/** Row labels that fit the heat map's label column, and shorter column heads. */
const TINY: Record<EvalMethodId, string> = { saliency: 'saliency', gxi: 'grad×in', smoothgrad: 'SmoothGr', ig: 'IG', gradcam: 'GradCAM', lime: 'LIME', random: 'random' };
const COLUMN: Record<string, string> = { saliency: 'sal', 'grad×in': 'g×i', SmoothGr: 'SG', GradCAM: 'GCAM', random: 'rand' };
/** Controls whose change only asks the worker for a new view. */
const SELECTION_KEYS = ['digit', 'n', 'steps', 'seed'] as const;

export function mount(root: HTMLElement): void {
  new EvaluationFigure(root);
}

/** Paints a 28×28 map on the signed scale (|·| maps use its positive half). */
function paint(canvas: HTMLCanvasElement, values: ArrayLike<number>): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  let m = 0;
  for (let i = 0; i < values.length; i++) m = Math.max(m, Math.abs(values[i]!));
  const side = Math.round(Math.sqrt(values.length));
  const img = ctx.createImageData(side, side);
  for (let i = 0; i < side * side; i++) img.data.set([...rgbTriple(colourFor(values[i]!, 'signed', -(m || 1), m || 1)), 255], i * 4);
  const off = new OffscreenCanvas(side, side);
  off.getContext('2d')!.putImageData(img, 0, 0);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(off, 0, 0, canvas.width, canvas.height);
}

class EvaluationFigure {
  private state: EvaluationState;
  private readonly id: string;
  private readonly notices: FigureNotices;
  private worker: Worker;
  private request = 0;
  private last: EvaluationView | null = null;

  constructor(private readonly root: HTMLElement) {
    this.id = root.dataset.figureId!;
    this.notices = new FigureNotices(this.$('[data-out="notices"]'));
    const { state, notices } = readState(evaluationSchema, this.id, new URLSearchParams(location.search));
    this.state = state;
    notices.forEach((n) => this.notices.add(n));
    for (const key of [...SELECTION_KEYS, 'ckpt', 'sim'] as const) this.$<HTMLInputElement | HTMLSelectElement>(`[name="${key}"]`).value = String(this.state[key]);
    this.writeCompareButton();

    this.worker = this.spawn();
    this.bind();
    this.status('starting the engine…');
    this.computing();
    this.send({ type: 'init', state: this.state, selection: this.selection(), backend: new URLSearchParams(location.search).get('backend') });
  }

  private $<T extends HTMLElement = HTMLElement>(selector: string): T {
    const el = this.root.querySelector<T>(selector);
    if (!el) throw new Error(`figure ${this.id} has no element ${selector}`);
    return el;
  }

  private spawn(): Worker {
    const worker = new Worker(new URL('../../src/worker/evaluation.worker.ts', import.meta.url), { type: 'module', name: `figure-${this.id}` });
    worker.onmessage = (e: MessageEvent<FromWorker<EvaluationView>>) => this.receive(e.data);
    worker.onerror = (e) => {
      this.notices.add(`The figure's worker stopped: ${e.message || 'unknown error'}. Reload the page to try again.`);
      this.status('error');
    };
    return worker;
  }

  /** The GPU context was lost: a fresh worker on `backend` judges the same selection again. */
  private restartOn(backend: string): void {
    this.worker.terminate();
    this.worker = this.spawn();
    this.computing();
    this.send({ type: 'init', state: this.state, selection: this.selection(), backend });
  }

  private send(msg: ToWorker<EvaluationState, EvaluationSelection>): void {
    this.worker.postMessage(msg);
  }

  private selection(): EvaluationSelection {
    return selectionOf(this.state, this.request);
  }

  private status(text: string): void {
    this.$('[data-out="status"]').textContent = text;
  }

  private computing(): void {
    this.root.dataset.viewReady = 'false';
    this.$<HTMLProgressElement>('[data-out="progress"]').value = 0;
  }

  /** A new selection: the worker drops older requests, and so do we. */
  private select(patch: Partial<EvaluationState>): void {
    this.state = { ...this.state, ...patch };
    this.request++;
    this.computing();
    this.send({ type: 'select', selection: this.selection() });
    syncUrl(evaluationSchema, this.id, this.state);
  }

  private bind(): void {
    for (const key of [...SELECTION_KEYS, 'ckpt'] as const) {
      const el = this.$<HTMLInputElement | HTMLSelectElement>(`[name="${key}"]`);
      el.addEventListener('change', () => {
        const parsed = parseField(evaluationSchema[key], el.value);
        if (!parsed.ok) {
          this.notices.add(`${evaluationSchema[key].label} ${parsed.reason}; keeping ${String(this.state[key])}.`);
          el.value = String(this.state[key]);
          return;
        }
        // A checkpoint swaps the weights in the worker; the digits stay downloaded.
        this.select({ [key]: parsed.value });
      });
    }
    const digit = this.$<HTMLInputElement>('input[name="digit"]');
    const step = (d: number) => {
      const max = evaluationSchema.digit.max;
      const next = Math.min(max, Math.max(0, this.state.digit + d));
      digit.value = String(next);
      this.select({ digit: next });
    };
    this.$('[data-action="prev-digit"]').addEventListener('click', () => step(-1));
    this.$('[data-action="next-digit"]').addEventListener('click', () => step(1));
    const sim = this.$<HTMLSelectElement>('[name="sim"]');
    sim.addEventListener('change', () => {
      const parsed = parseField(evaluationSchema.sim, sim.value);
      if (!parsed.ok) return;
      this.state = { ...this.state, sim: String(parsed.value) };
      syncUrl(evaluationSchema, this.id, this.state);
      if (this.last) this.drawRandomisation(this.last);
    });
    this.$('[data-action="compare"]').addEventListener('click', () => {
      this.select({ cmp: this.state.cmp === 'on' ? 'off' : 'on' });
      this.writeCompareButton();
    });
    this.$<HTMLButtonElement>('[data-action="copy-link"]').addEventListener('click', (e) => copyFigureLink(this.id, e.currentTarget as HTMLButtonElement));
  }

  private writeCompareButton(): void {
    const b = this.$('[data-action="compare"]');
    const on = this.state.cmp === 'on';
    b.setAttribute('aria-pressed', String(on));
    b.textContent = on ? 'Stop comparing checkpoints and seeds' : 'Compare across checkpoints and seeds (slow)';
  }

  private receive(msg: FromWorker<EvaluationView>): void {
    switch (msg.type) {
      case 'ready':
        this.$('[data-out="backend"]').textContent = `TF.js backend: ${msg.backend} (${msg.reason})`;
        this.root.dataset.backend = msg.backend;
        msg.notices.forEach((n) => this.notices.add(n));
        this.root.dataset.ready = 'true';
        this.status('computing…');
        return;
      case 'loading':
        this.$<HTMLProgressElement>('[data-out="progress"]').value = msg.fraction;
        this.status(`${msg.message} (${Math.round(msg.fraction * 100)}%)`);
        return;
      case 'progress':
        if (msg.view.stale || msg.view.request !== this.request) return;
        this.last = msg.view;
        this.render(msg.view);
        this.$<HTMLProgressElement>('[data-out="progress"]').value = 1;
        this.status(`done: checkpoint after ${msg.view.epoch} epoch${msg.view.epoch === 1 ? '' : 's'}`);
        this.root.dataset.viewReady = 'true';
        this.root.dataset.tensors = String(msg.tensors);
        return;
      case 'contextLost':
        this.notices.add(t('live.contextLost', { lost: msg.lost, fallback: msg.fallback }));
        this.restartOn(msg.fallback);
        return;
      case 'error':
        this.notices.add(msg.message);
        this.status('error');
        return;
      default:
        return;
    }
  }

  private render(v: EvaluationView): void {
    const d = this.root.dataset;
    d.checkpoint = String(v.epoch);
    d.digit = String(v.digits[0]?.index ?? '');
    d.n = String(v.digits.length);
    d.compare = String(v.stability !== null);
    const acc = v.testAccuracy === null ? '' : `, test accuracy ${(v.testAccuracy * 100).toFixed(1)}%`;
    this.$('[data-out="readout"]').textContent =
      `fast CNN after ${v.epoch} epoch${v.epoch === 1 ? '' : 's'}${acc} · digits ${v.digits.map((g) => `#${g.index} (a ${g.label}, predicted ${g.predicted})`).join(', ')} · each explained for its predicted class`;
    this.drawMaps(v);
    this.drawCurves(v);
    this.drawRandomisation(v);
    this.drawAgreement(v);
    this.drawStability(v);
  }

  private drawMaps(v: EvaluationView): void {
    drawDigit(this.$<HTMLCanvasElement>('[data-view="digit"]'), v.firstPixels);
    const first = v.digits[0]!;
    this.$('[data-out="digit-note"]').textContent = `#${first.index}: a ${first.label}, p(${first.predicted}) = ${formatNumber(first.probability)}`;
    for (const m of v.maps) {
      const canvas = this.$<HTMLCanvasElement>(`[data-map="${m.id}"]`);
      paint(canvas, m.values);
      canvas.setAttribute('aria-label', `${EVAL_LABELS[m.id]} of test digit #${first.index}, the ranking its deletion curve follows`);
    }
  }

  private drawCurves(v: EvaluationView): void {
    const xs = v.curves.fractions;
    const series = (which: 'deletion' | 'insertion'): XySeries[] =>
      v.curves.methods.map((m) => ({ label: `${SHORT[m.id]} (AUC ${formatNumber(which === 'deletion' ? m.deletionAuc : m.insertionAuc)})`, ...STYLE[m.id], ys: m[which] }));
    const n = v.digits.length;
    const yLabel = `p(predicted class)${n > 1 ? `, mean of ${n}` : ''}`;
    drawXyPlot(this.$('[data-view="deletion"]'), { xs, series: series('deletion'), xLabel: 'fraction of pixels deleted (most important first)', yLabel });
    drawXyPlot(this.$('[data-view="insertion"]'), { xs, series: series('insertion'), xLabel: 'fraction of pixels inserted (most important first)', yLabel });
    drawTable(this.$('[data-table="auc"]'), {
      caption: `Areas under the curves, mean over ${n} digit${n === 1 ? '' : 's'}: deletion AUC (lower is more faithful) and insertion AUC (higher is more faithful)`,
      columns: ['deletion AUC ↓', 'insertion AUC ↑', 'insertion − deletion'],
      rows: v.curves.methods.map((m) => ({ label: EVAL_LABELS[m.id], values: [m.deletionAuc, m.insertionAuc, m.insertionAuc - m.deletionAuc] })),
    });
    this.$('[data-table="auc"] table').dataset.methods = v.curves.methods.map((m) => m.id).join(' ');
    const digitCols = v.digits.map((g) => `#${g.index}`);
    drawTable(this.$('[data-table="auc-digits"]'), {
      caption: 'Deletion AUC of each digit',
      columns: digitCols,
      rows: v.curves.methods.map((m) => ({ label: EVAL_LABELS[m.id], values: m.deletionAucs })),
    });
    drawTable(this.$('[data-table="ins-digits"]'), {
      caption: 'Insertion AUC of each digit',
      columns: digitCols,
      rows: v.curves.methods.map((m) => ({ label: EVAL_LABELS[m.id], values: m.insertionAucs })),
    });
    drawTable(this.$('[data-table="curves"]'), {
      caption: `Deletion curves: mean p(predicted class) after deleting each fraction of the pixels`,
      columns: Array.from(xs, (x) => formatNumber(x)),
      rows: v.curves.methods.map((m) => ({ label: EVAL_LABELS[m.id], values: m.deletion })),
    });
    drawTable(this.$('[data-table="insertion-curves"]'), {
      caption: `Insertion curves: mean p(predicted class) after inserting each fraction of the pixels into a black image`,
      columns: Array.from(xs, (x) => formatNumber(x)),
      rows: v.curves.methods.map((m) => ({ label: EVAL_LABELS[m.id], values: m.insertion })),
    });
  }

  private drawRandomisation(v: EvaluationView): void {
    const r = v.randomisation;
    const measure = this.state.sim;
    const pick = (m: RandomisedMethod) => (measure === 'signed' ? m.spearman : measure === 'ssim' ? m.ssim : measure === 'top' ? m.topOverlap : m.spearmanAbs);
    const steps = ['trained', ...r.layers.map((l, i) => (i === 0 ? `${l}` : `+${l}`))];
    drawXyPlot(this.$('[data-view="randomisation"]'), {
      xs: steps.map((_, i) => i),
      xTickLabels: steps,
      series: r.methods.map((m) => ({ label: SHORT[m.id], ...STYLE[m.id], ys: pick(m) })),
      xLabel: 'layers re-initialised, cumulatively from the top',
      yLabel: SIMILARITY_LABELS[measure] ?? measure,
      yRange: measure === 'top' || measure === 'ssim' ? [0, 1] : [-1, 1],
    });
    for (const m of r.methods) {
      paint(this.$<HTMLCanvasElement>(`[data-rand="${m.id}-before"]`), m.before);
      paint(this.$<HTMLCanvasElement>(`[data-rand="${m.id}-after"]`), m.after);
    }
    this.$('[data-out="rand-note"]').textContent = `test digit #${r.digit}, class ${r.target}; re-initialisation seed ${this.state.seed}`;
    const table = (key: string, what: string, values: (m: RandomisedMethod) => Float64Array) =>
      drawTable(this.$(`[data-table="rand-${key}"]`), {
        caption: `${what} between the trained model's map and the map after each step (digit #${r.digit})`,
        columns: steps,
        rows: r.methods.map((m) => ({ label: EVAL_LABELS[m.id as RandomisedId], values: values(m) })),
      });
    table('abs', SIMILARITY_LABELS.abs!, (m) => m.spearmanAbs);
    table('signed', SIMILARITY_LABELS.signed!, (m) => m.spearman);
    table('ssim', SIMILARITY_LABELS.ssim!, (m) => m.ssim);
    table('top', SIMILARITY_LABELS.top!, (m) => m.topOverlap);
  }

  private drawAgreement(v: EvaluationView): void {
    const labels = v.agreement.methods.map((id) => SHORT[id]);
    const rowLabels = v.agreement.methods.map((id) => TINY[id]);
    drawHeatmap(this.$('[data-view="agreement"]'), { values: v.agreement.matrix, rows: labels.length, cols: labels.length, rowLabels, colLabels: rowLabels.map((l) => COLUMN[l] ?? l), scale: 'signed' });
    const k = labels.length;
    drawTable(this.$('[data-table="agreement"]'), {
      caption: `Spearman ρ between the methods' pixel rankings, mean over ${v.digits.length} digit${v.digits.length === 1 ? '' : 's'}`,
      columns: labels,
      rows: labels.map((l, a) => ({ label: l, values: v.agreement.matrix.slice(a * k, a * k + k) })),
    });
  }

  private drawStability(v: EvaluationView): void {
    const box = this.$('[data-part="stability"]');
    box.hidden = v.stability === null;
    if (!v.stability) return;
    const s = v.stability;
    const cols = s.columns.map((c) => `s${c.seed} e${c.epoch}`);
    const values = new Float64Array(s.methods.length * cols.length);
    s.methods.forEach((m, i) => values.set(m.rho, i * cols.length));
    drawHeatmap(this.$('[data-view="stability"]'), { values, rows: s.methods.length, cols: cols.length, rowLabels: s.methods.map((m) => TINY[m.id]), colLabels: cols, scale: 'signed' });
    drawTable(this.$('[data-table="stability"]'), {
      caption: `Spearman ρ between each method's map on seed 1 after ${v.epoch} epochs and on another checkpoint (seed s, epoch e), mean over ${v.digits.length} digit${v.digits.length === 1 ? '' : 's'}`,
      columns: s.columns.map((c) => `seed ${c.seed}, epoch ${c.epoch}${c.testAccuracy === null ? '' : ` (${(c.testAccuracy * 100).toFixed(1)}%)`}`),
      rows: s.methods.map((m) => ({ label: EVAL_LABELS[m.id], values: m.rho })),
    });
  }
}
