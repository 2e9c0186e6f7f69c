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
  evaluationSchema,
  selectionOf,
  type EvalMethodId,
  type EvaluationSelection,
  type EvaluationState,
  type RandomisedId,
} from '../../src/figures/evaluation/state.ts';
import type { EvaluationView, RandomisedMethod } from '../../src/figures/evaluation/session.ts';
import { fieldLabel, parseField, readState } from '../../src/state/url-state.ts';
import { t } from '../../src/i18n/ui.ts';
import type { FromWorker, ToWorker } from '../../src/worker/protocol.ts';
import { colourFor, rgbTriple } from '../views/palette.ts';
import { drawHeatmap } from '../views/heatmap.ts';
import { drawTable } from '../views/table.ts';
import { drawDigit } from '../views/digit.ts';
import { drawXyPlot, type XySeries } from '../views/xy-plot.ts';
import { formatNumber } from '../views/format.ts';
import { copyFigureLink, syncUrl } from './figure-link.ts';
import { FigureNotices } from './notices.ts';
import { workerNotices, workerText } from '../../src/i18n/worker-text.ts';

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
/** A method's full name, its short name (legends), a name that fits the heat map's label column, and a shorter column head. */
const LABEL = (id: EvalMethodId | 'input') => t(`eval.method.${id}`);
const SHORT = (id: EvalMethodId | 'input') => t(`eval.short.${id}`);
const TINY = (id: EvalMethodId) => t(`eval.tiny.${id}`);
const COLUMN = (id: EvalMethodId) => t(`eval.col.${id}`);
const SIMILARITY = (measure: string) => t(`eval.sim.${measure}`);
/** "after 1 epoch" or "after 3 epochs": the key for one and the key for more. */
const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);
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
    this.status(t('live.starting'));
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
      this.notices.add(t('live.workerStopped', { message: e.message || t('live.unknownError') }));
      this.status(t('live.error'));
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
          this.notices.add(t('live.badControl', { label: fieldLabel(evaluationSchema[key]), reason: parsed.reason, value: String(this.state[key]) }));
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
    b.textContent = t(on ? 'eval.stopCompare' : 'eval.compare');
  }

  private receive(msg: FromWorker<EvaluationView>): void {
    switch (msg.type) {
      case 'ready':
        this.$('[data-out="backend"]').textContent = t('live.backend', { backend: msg.backend, reason: workerText(msg.reason, msg.reasonSaid) });
        this.root.dataset.backend = msg.backend;
        workerNotices(msg).forEach((n) => this.notices.add(n));
        this.root.dataset.ready = 'true';
        this.status(t('eval.computing'));
        return;
      case 'loading':
        this.$<HTMLProgressElement>('[data-out="progress"]').value = msg.fraction;
        this.status(t('live.loading', { message: workerText(msg.message, msg.said), percent: Math.round(msg.fraction * 100) }));
        return;
      case 'progress':
        if (msg.view.stale || msg.view.request !== this.request) return;
        this.last = msg.view;
        this.render(msg.view);
        this.$<HTMLProgressElement>('[data-out="progress"]').value = 1;
        this.status(t(plural(msg.view.epoch, 'eval.done1', 'eval.done'), { epochs: msg.view.epoch }));
        this.root.dataset.viewReady = 'true';
        this.root.dataset.tensors = String(msg.tensors);
        return;
      case 'contextLost':
        this.notices.add(t('live.contextLost', { lost: msg.lost, fallback: msg.fallback }));
        this.restartOn(msg.fallback);
        return;
      case 'error':
        this.notices.add(workerText(msg.message, msg.said));
        this.status(t('live.error'));
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
    // For a self-checking exercise: below 0, saliency's deletion curve falls faster than a random ranking's.
    const auc = (id: string) => v.curves.methods.find((m) => m.id === id)?.deletionAuc;
    const sal = auc('saliency');
    const rnd = auc('random');
    d.saliencyVsRandom = sal === undefined || rnd === undefined ? '' : String(sal - rnd);
    const accuracy = v.testAccuracy === null ? '' : t('eval.readoutAccuracy', { accuracy: (v.testAccuracy * 100).toFixed(1) });
    const digits = v.digits.map((g) => t('eval.readoutDigit', { index: g.index, label: g.label, predicted: g.predicted })).join(', ');
    this.$('[data-out="readout"]').textContent = t(plural(v.epoch, 'eval.readout1', 'eval.readout'), { epochs: v.epoch, accuracy, digits });
    this.drawMaps(v);
    this.drawCurves(v);
    this.drawRandomisation(v);
    this.drawAgreement(v);
    this.drawStability(v);
  }

  private drawMaps(v: EvaluationView): void {
    drawDigit(this.$<HTMLCanvasElement>('[data-view="digit"]'), v.firstPixels);
    const first = v.digits[0]!;
    this.$('[data-out="digit-note"]').textContent = t('eval.digitNote', { index: first.index, label: first.label, predicted: first.predicted, p: formatNumber(first.probability) });
    for (const m of v.maps) {
      const canvas = this.$<HTMLCanvasElement>(`[data-map="${m.id}"]`);
      paint(canvas, m.values);
      canvas.setAttribute('aria-label', t('eval.mapLabel', { method: LABEL(m.id), index: first.index }));
    }
  }

  private drawCurves(v: EvaluationView): void {
    const xs = v.curves.fractions;
    const series = (which: 'deletion' | 'insertion'): XySeries[] =>
      v.curves.methods.map((m) => ({ label: t('eval.auc', { method: SHORT(m.id), auc: formatNumber(which === 'deletion' ? m.deletionAuc : m.insertionAuc) }), ...STYLE[m.id], ys: m[which] }));
    const n = v.digits.length;
    const yLabel = n > 1 ? t('eval.yLabelMean', { n }) : t('eval.yLabel');
    drawXyPlot(this.$('[data-view="deletion"]'), { xs, series: series('deletion'), xLabel: t('eval.deletedAxis'), yLabel });
    drawXyPlot(this.$('[data-view="insertion"]'), { xs, series: series('insertion'), xLabel: t('eval.insertedAxis'), yLabel });
    drawTable(this.$('[data-table="auc"]'), {
      caption: t(plural(n, 'eval.aucCaption1', 'eval.aucCaption'), { n }),
      columns: [t('eval.deletionAuc'), t('eval.insertionAuc'), t('eval.aucDifference')],
      rows: v.curves.methods.map((m) => ({ label: LABEL(m.id), values: [m.deletionAuc, m.insertionAuc, m.insertionAuc - m.deletionAuc] })),
    });
    this.$('[data-table="auc"] table').dataset.methods = v.curves.methods.map((m) => m.id).join(' ');
    const digitCols = v.digits.map((g) => `#${g.index}`);
    drawTable(this.$('[data-table="auc-digits"]'), {
      caption: t('eval.deletionDigitsCaption'),
      columns: digitCols,
      rows: v.curves.methods.map((m) => ({ label: LABEL(m.id), values: m.deletionAucs })),
    });
    drawTable(this.$('[data-table="ins-digits"]'), {
      caption: t('eval.insertionDigitsCaption'),
      columns: digitCols,
      rows: v.curves.methods.map((m) => ({ label: LABEL(m.id), values: m.insertionAucs })),
    });
    drawTable(this.$('[data-table="curves"]'), {
      caption: t('eval.deletionCurvesCaption'),
      columns: Array.from(xs, (x) => formatNumber(x)),
      rows: v.curves.methods.map((m) => ({ label: LABEL(m.id), values: m.deletion })),
    });
    drawTable(this.$('[data-table="insertion-curves"]'), {
      caption: t('eval.insertionCurvesCaption'),
      columns: Array.from(xs, (x) => formatNumber(x)),
      rows: v.curves.methods.map((m) => ({ label: LABEL(m.id), values: m.insertion })),
    });
  }

  private drawRandomisation(v: EvaluationView): void {
    const r = v.randomisation;
    const measure = this.state.sim;
    const pick = (m: RandomisedMethod) => (measure === 'signed' ? m.spearman : measure === 'ssim' ? m.ssim : measure === 'top' ? m.topOverlap : m.spearmanAbs);
    const steps = [t('eval.trained'), ...r.layers.map((l, i) => (i === 0 ? `${l}` : `+${l}`))];
    drawXyPlot(this.$('[data-view="randomisation"]'), {
      xs: steps.map((_, i) => i),
      xTickLabels: steps,
      series: r.methods.map((m) => ({ label: SHORT(m.id), ...STYLE[m.id], ys: pick(m) })),
      xLabel: t('eval.reinitAxis'),
      yLabel: SIMILARITY(measure),
      yRange: measure === 'top' || measure === 'ssim' ? [0, 1] : [-1, 1],
    });
    for (const m of r.methods) {
      paint(this.$<HTMLCanvasElement>(`[data-rand="${m.id}-before"]`), m.before);
      paint(this.$<HTMLCanvasElement>(`[data-rand="${m.id}-after"]`), m.after);
    }
    this.$('[data-out="rand-note"]').textContent = t('eval.randNote', { digit: r.digit, target: r.target, seed: this.state.seed });
    const table = (key: string, values: (m: RandomisedMethod) => Float64Array) =>
      drawTable(this.$(`[data-table="rand-${key}"]`), {
        caption: t('eval.randCaption', { measure: SIMILARITY(key), digit: r.digit }),
        columns: steps,
        rows: r.methods.map((m) => ({ label: LABEL(m.id as RandomisedId), values: values(m) })),
      });
    table('abs', (m) => m.spearmanAbs);
    table('signed', (m) => m.spearman);
    table('ssim', (m) => m.ssim);
    table('top', (m) => m.topOverlap);
  }

  private drawAgreement(v: EvaluationView): void {
    const labels = v.agreement.methods.map((id) => SHORT(id));
    const rowLabels = v.agreement.methods.map((id) => TINY(id));
    drawHeatmap(this.$('[data-view="agreement"]'), { values: v.agreement.matrix, rows: labels.length, cols: labels.length, rowLabels, colLabels: v.agreement.methods.map((id) => COLUMN(id)), scale: 'signed' });
    const k = labels.length;
    drawTable(this.$('[data-table="agreement"]'), {
      caption: t(plural(v.digits.length, 'eval.agreementCaption1', 'eval.agreementCaption'), { n: v.digits.length }),
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
    drawHeatmap(this.$('[data-view="stability"]'), { values, rows: s.methods.length, cols: cols.length, rowLabels: s.methods.map((m) => TINY(m.id)), colLabels: cols, scale: 'signed' });
    drawTable(this.$('[data-table="stability"]'), {
      caption: t(plural(v.digits.length, 'eval.stabilityCaption1', 'eval.stabilityCaption'), { epochs: v.epoch, n: v.digits.length }),
      columns: s.columns.map((c) => `${t('eval.stabilityColumn', { seed: c.seed, epoch: c.epoch })}${c.testAccuracy === null ? '' : ` (${(c.testAccuracy * 100).toFixed(1)}%)`}`),
      rows: s.methods.map((m) => ({ label: LABEL(m.id), values: m.rho })),
    });
  }
}
