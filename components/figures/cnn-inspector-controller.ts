/**
 * The CNN inspector on the page: a drawing pad (pointer and keyboard), the digit
 * picker and checkpoint menu, and the views of the worker's answer: the input, the
 * probabilities, the learned filters and the feature maps of every conv and pooling
 * layer, each with a table. While the reader draws, at most one view is computed at
 * a time; the latest drawing is sent as soon as the previous answer arrives.
 */
import { fieldLabel, readState, parseField } from '../../src/state/url-state.ts';
import { inspectorSchema, type InspectorSelection, type InspectorState } from '../../src/figures/cnn-inspector/state.ts';
import { DRAW_SIDE, maskToPixels, packMask, unpackMask } from '../../src/figures/cnn-inspector/drawing.ts';
import type { FeatureMaps, FilterBank, InspectorView } from '../../src/figures/cnn-inspector/session.ts';
import type { FromWorker, ToWorker } from '../../src/worker/protocol.ts';
import { extent } from '../views/palette.ts';
import { legend } from '../views/heatmap.ts';
import { drawTable } from '../views/table.ts';
import { drawDigit } from '../views/digit.ts';
import { drawBars } from '../views/bars.ts';
import { formatNumber } from '../views/format.ts';
import { paintMap } from './paint-map.ts';
import { copyFigureLink, syncUrl } from './figure-link.ts';
import { FigureNotices } from './notices.ts';
import { workerNotices, workerText } from '../../src/i18n/worker-text.ts';
import { t } from '../../src/i18n/ui.ts';

const DIGITS = Array.from({ length: 10 }, (_, i) => String(i));
/** While drawing, ask for a new classification at most this often. */
const DRAW_THROTTLE_MS = 120;
const WORD_KEYS = ['d0', 'd1', 'd2', 'd3'] as const;

export function mount(root: HTMLElement): void {
  new CnnInspector(root);
}

class CnnInspector {
  private state: InspectorState;
  private readonly id: string;
  private readonly notices: FigureNotices;
  private worker: Worker;
  private mask: Uint8Array;
  private cursor = { r: 7, c: 7 };
  private inFlight = true; // init computes the first view
  private pending = false;
  private throttle: ReturnType<typeof setTimeout> | null = null;
  private lastCell: { r: number; c: number } | null = null;
  private inking = 1;

  constructor(private readonly root: HTMLElement) {
    this.id = root.dataset.figureId!;
    this.notices = new FigureNotices(this.$('[data-out="notices"]'));
    const read = readState(inspectorSchema, this.id, new URLSearchParams(location.search));
    read.notices.forEach((n) => this.notices.add(n));
    this.state = read.state;
    this.mask = unpackMask(WORD_KEYS.map((k) => this.state[k]));
    this.$<HTMLSelectElement>('select[name="ckpt"]').value = this.state.ckpt;
    this.$<HTMLInputElement>('input[name="digit"]').value = String(this.state.digit);
    this.worker = this.spawn();
    this.bind();
    this.drawPad();
    this.status(t('live.starting'));
    this.send({ type: 'init', state: this.state, selection: this.selection(), backend: new URLSearchParams(location.search).get('backend') });
  }

  private $<T extends HTMLElement = HTMLElement>(selector: string): T {
    const el = this.root.querySelector<T>(selector);
    if (!el) throw new Error(`figure ${this.id} has no element ${selector}`);
    return el;
  }

  private spawn(): Worker {
    const worker = new Worker(new URL('../../src/worker/cnn-inspector.worker.ts', import.meta.url), { type: 'module', name: `figure-${this.id}` });
    worker.onmessage = (e: MessageEvent<FromWorker<InspectorView>>) => this.receive(e.data);
    worker.onerror = (e) => this.notices.add(t('live.workerStopped', { message: e.message || t('live.unknownError') }));
    return worker;
  }

  /** The GPU context was lost: a fresh worker on `backend` loads the same checkpoint and view. */
  private restartOn(backend: string): void {
    this.worker.terminate();
    this.worker = this.spawn();
    this.inFlight = true;
    this.pending = false;
    this.root.dataset.viewReady = 'false';
    this.send({ type: 'init', state: this.state, selection: this.selection(), backend });
  }

  private send(msg: ToWorker<InspectorState, InspectorSelection>): void {
    this.worker.postMessage(msg);
  }

  private status(text: string): void {
    this.$('[data-out="status"]').textContent = text;
  }

  private selection(): InspectorSelection {
    return { digit: this.state.digit, drawing: this.state.src === 'drawn' ? maskToPixels(this.mask) : null };
  }

  private syncUrl(): void {
    syncUrl(inspectorSchema, this.id, this.state);
  }

  /** Ask for the view of the current selection; one at a time, the latest wins. */
  private requestView(): void {
    this.root.dataset.viewReady = 'false';
    if (this.inFlight) {
      this.pending = true;
      return;
    }
    this.inFlight = true;
    this.send({ type: 'select', selection: this.selection() });
  }

  private receive(msg: FromWorker<InspectorView>): void {
    switch (msg.type) {
      case 'ready':
        this.$('[data-out="backend"]').textContent = t('live.backend', { backend: msg.backend, reason: workerText(msg.reason, msg.reasonSaid) });
        this.root.dataset.backend = msg.backend;
        workerNotices(msg).forEach((n) => this.notices.add(n));
        this.root.dataset.ready = 'true';
        this.status(t('cnni.loadingModel'));
        return;
      case 'loading':
        this.status(t('live.loading', { message: workerText(msg.message, msg.said), percent: Math.round(msg.fraction * 100) }));
        return;
      case 'progress':
        this.inFlight = false;
        if (this.pending) {
          this.pending = false;
          this.requestView();
          return; // a newer drawing is on its way: skip drawing this stale one
        }
        this.render(msg.view);
        this.status(t('live.ready'));
        this.root.dataset.viewReady = 'true';
        this.root.dataset.tensors = String(msg.tensors);
        return;
      case 'contextLost':
        this.notices.add(t('live.contextLost', { lost: msg.lost, fallback: msg.fallback }));
        this.restartOn(msg.fallback);
        return;
      case 'error':
        this.inFlight = false;
        this.notices.add(workerText(msg.message, msg.said));
        this.status(t('live.error'));
        return;
      default:
        return;
    }
  }

  private bind(): void {
    this.$('[data-action="copy-link"]').addEventListener('click', (e) => copyFigureLink(this.id, e.currentTarget as HTMLButtonElement));
    const ckpt = this.$<HTMLSelectElement>('select[name="ckpt"]');
    ckpt.addEventListener('change', () => {
      const parsed = parseField(inspectorSchema.ckpt, ckpt.value);
      if (!parsed.ok) return;
      this.state = { ...this.state, ckpt: String(parsed.value) };
      this.syncUrl();
      this.root.dataset.viewReady = 'false';
      this.status(t('cnni.loadingCheckpoint', { epoch: parsed.value }));
      this.inFlight = true;
      this.send({ type: 'checkpoint', epoch: Number(parsed.value) });
    });
    const digitInput = this.$<HTMLInputElement>('input[name="digit"]');
    const pick = (d: number) => {
      const digit = Math.min(inspectorSchema.digit.max, Math.max(0, d));
      digitInput.value = String(digit);
      this.state = { ...this.state, digit, src: 'test' };
      this.syncUrl();
      this.requestView();
    };
    digitInput.addEventListener('change', () => {
      const parsed = parseField(inspectorSchema.digit, digitInput.value.trim());
      if (!parsed.ok) {
        this.notices.add(t('live.badControl', { label: fieldLabel(inspectorSchema.digit), reason: parsed.reason, value: this.state.digit }));
        digitInput.value = String(this.state.digit);
        return;
      }
      pick(Number(parsed.value));
    });
    this.$('[data-action="prev-digit"]').addEventListener('click', () => pick(this.state.digit - 1));
    this.$('[data-action="next-digit"]').addEventListener('click', () => pick(this.state.digit + 1));
    this.$('[data-action="use-test"]').addEventListener('click', () => pick(this.state.digit));
    this.$('[data-action="clear"]').addEventListener('click', () => {
      this.mask.fill(0);
      this.drawingChanged(true);
    });

    const pad = this.$<HTMLCanvasElement>('[data-view="pad"]');
    const cellAt = (e: PointerEvent) => {
      const box = pad.getBoundingClientRect();
      const c = Math.floor(((e.clientX - box.left) / box.width) * DRAW_SIDE);
      const r = Math.floor(((e.clientY - box.top) / box.height) * DRAW_SIDE);
      return { r: Math.min(DRAW_SIDE - 1, Math.max(0, r)), c: Math.min(DRAW_SIDE - 1, Math.max(0, c)) };
    };
    pad.addEventListener('pointerdown', (e) => {
      pad.setPointerCapture(e.pointerId);
      const cell = cellAt(e);
      // The left button (or a finger) inks; the right button erases.
      this.inking = e.button === 2 ? 0 : 1;
      this.lastCell = null;
      this.strokeTo(cell);
      e.preventDefault();
    });
    pad.addEventListener('pointermove', (e) => {
      if (!pad.hasPointerCapture(e.pointerId)) return;
      this.strokeTo(cellAt(e));
    });
    const end = (e: PointerEvent) => {
      if (!pad.hasPointerCapture(e.pointerId)) return;
      pad.releasePointerCapture(e.pointerId);
      this.lastCell = null;
      this.drawingChanged(true);
    };
    pad.addEventListener('pointerup', end);
    pad.addEventListener('pointercancel', end);
    pad.addEventListener('contextmenu', (e) => e.preventDefault());
    pad.addEventListener('keydown', (e) => {
      const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
      const m = moves[e.key];
      if (m) {
        this.cursor = { r: Math.min(DRAW_SIDE - 1, Math.max(0, this.cursor.r + m[0])), c: Math.min(DRAW_SIDE - 1, Math.max(0, this.cursor.c + m[1])) };
        // Shift + arrow inks as it moves, like dragging the pen.
        if (e.shiftKey) this.setCell(this.cursor.r, this.cursor.c, 1);
        this.drawPad();
        if (e.shiftKey) this.drawingChanged(true);
      } else if (e.key === ' ' || e.key === 'Enter' || e.key === 'Delete' || e.key === 'Backspace') {
        this.setCell(this.cursor.r, this.cursor.c, e.key === ' ' || e.key === 'Enter' ? 1 : 0);
        this.drawingChanged(true);
      } else {
        return;
      }
      e.preventDefault();
    });
    pad.addEventListener('focus', () => this.drawPad());
    pad.addEventListener('blur', () => this.drawPad());
  }

  private setCell(r: number, c: number, v: number): void {
    if (this.state.src !== 'drawn') {
      // The first mark after a test digit starts a fresh drawing.
      this.mask.fill(0);
      this.state = { ...this.state, src: 'drawn' };
    }
    this.mask[r * DRAW_SIDE + c] = v;
  }

  /** Inks every cell on the straight line from the last cell to `cell`, so fast strokes have no gaps. */
  private strokeTo(cell: { r: number; c: number }): void {
    const from = this.lastCell ?? cell;
    const steps = Math.max(Math.abs(cell.r - from.r), Math.abs(cell.c - from.c), 1);
    for (let s = 0; s <= steps; s++) {
      this.setCell(Math.round(from.r + ((cell.r - from.r) * s) / steps), Math.round(from.c + ((cell.c - from.c) * s) / steps), this.inking);
    }
    this.lastCell = cell;
    this.drawingChanged(false);
  }

  /** Redraws the pad and classifies the drawing: now at the end of a stroke, throttled during it. */
  private drawingChanged(final: boolean): void {
    this.state = { ...this.state, src: 'drawn' };
    this.drawPad();
    if (final) {
      const words = packMask(this.mask);
      WORD_KEYS.forEach((k, i) => (this.state[k] = words[i]!));
      this.syncUrl();
      if (this.throttle) clearTimeout(this.throttle);
      this.throttle = null;
      this.requestView();
      return;
    }
    this.throttle ??= setTimeout(() => {
      this.throttle = null;
      this.requestView();
    }, DRAW_THROTTLE_MS);
  }

  private drawPad(): void {
    const pad = this.$<HTMLCanvasElement>('[data-view="pad"]');
    const ctx = pad.getContext('2d');
    if (!ctx) return;
    const cell = pad.width / DRAW_SIDE;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, pad.width, pad.height);
    ctx.strokeStyle = '#e4e4e4';
    ctx.lineWidth = 1;
    for (let i = 1; i < DRAW_SIDE; i++) {
      ctx.beginPath();
      ctx.moveTo(i * cell + 0.5, 0);
      ctx.lineTo(i * cell + 0.5, pad.height);
      ctx.moveTo(0, i * cell + 0.5);
      ctx.lineTo(pad.width, i * cell + 0.5);
      ctx.stroke();
    }
    if (this.state.src === 'drawn') {
      ctx.fillStyle = '#111';
      for (let i = 0; i < this.mask.length; i++) {
        if (this.mask[i]) ctx.fillRect((i % DRAW_SIDE) * cell, Math.floor(i / DRAW_SIDE) * cell, cell, cell);
      }
    }
    if (document.activeElement === pad) {
      ctx.strokeStyle = '#d95f02';
      ctx.lineWidth = 2;
      ctx.strokeRect(this.cursor.c * cell + 1, this.cursor.r * cell + 1, cell - 2, cell - 2);
    }
  }

  private render(v: InspectorView): void {
    const d = this.root.dataset;
    d.epoch = String(v.epoch);
    d.predicted = String(v.predicted);
    d.source = v.input.source;
    drawDigit(this.$<HTMLCanvasElement>('[data-view="input"]'), v.input.pixels);
    const p = v.probabilities;
    const what = v.input.source === 'drawn' ? t('cnni.yourDrawing') : t('cnni.testDigit', { index: v.input.index, label: v.input.label });
    this.$('[data-out="input-note"]').textContent = what;
    this.$('[data-out="pred-note"]').textContent = t('ctl.predicted', { digit: v.predicted });
    const after = t(v.epoch === 1 ? 'cnni.afterOne' : 'cnni.afterMany', { epochs: v.epoch });
    const model =
      v.epoch === 0
        ? t('cnni.untrained')
        : v.checkpointTestAccuracy === null
          ? after
          : t('cnni.withAccuracy', { model: after, accuracy: (v.checkpointTestAccuracy * 100).toFixed(1) });
    this.$('[data-out="readout"]').textContent = t('cnni.readout', { model, what, predicted: v.predicted, p: formatNumber(p[v.predicted]!) });
    drawBars(this.$('[data-view="probabilities"]'), DIGITS, p, v.predicted);
    drawTable(this.$('[data-table="probabilities"]'), {
      caption: t('cnni.probabilitiesCaption', { what, predicted: v.predicted }),
      columns: DIGITS,
      rows: [{ label: t('ctl.pDigit'), values: p }],
    });
    for (const bank of v.filters) this.renderFilters(bank);
    for (const maps of v.maps) this.renderMaps(maps);
  }

  private renderFilters(f: FilterBank): void {
    if (f.cin === 1) {
      // First layer: each filter is a 3×3 picture, on one signed scale.
      const [lo, hi] = extent(f.kernel);
      const m = Math.max(Math.abs(lo), Math.abs(hi)) || 1;
      const strip = this.$(`[data-view="filters-${f.layer}"]`);
      const canvases = this.canvases(strip, f.cout, f.k, (k) => t('cnni.filter', { k }));
      canvases.forEach((canvas, o) => paintMap(canvas, f.k, f.k, (i) => f.kernel[i * f.cout + o]!, 'signed', -m, m));
      this.$(`[data-view="legend-${f.layer}"]`).replaceChildren(legend('signed', -m, m));
      drawTable(this.$(`[data-table="filters-${f.layer}"]`), {
        caption: t('cnni.filtersCaption', { layer: f.layer, n: f.cout }),
        columns: [...Array.from({ length: f.k * f.k }, (_, i) => `w(${Math.floor(i / f.k)},${i % f.k})`), t('ctl.bias')],
        rows: Array.from({ length: f.cout }, (_, o) => ({ label: t('cnni.filter', { k: o }), values: [...Array.from({ length: f.k * f.k }, (_, i) => f.kernel[i * f.cout + o]!), f.bias[o]!] })),
      });
      return;
    }
    // Deeper layers: one number per 3×3 kernel, its norm; rows are output channels.
    const [, hi] = extent(f.norms);
    const canvas = this.$<HTMLCanvasElement>(`[data-view="norms-${f.layer}"]`);
    canvas.width = f.cin * 8;
    canvas.height = f.cout * 8;
    paintMap(canvas, f.cout, f.cin, (i) => f.norms[i]!, 'magnitude', 0, hi);
    this.$(`[data-view="legend-${f.layer}"]`).replaceChildren(legend('magnitude', 0, hi));
    drawTable(this.$(`[data-table="norms-${f.layer}"]`), {
      caption: t('cnni.normsCaption', { layer: f.layer }),
      columns: Array.from({ length: f.cin }, (_, c) => t('cnni.in', { c })),
      rows: Array.from({ length: f.cout }, (_, o) => ({ label: t('cnni.out', { c: o }), values: f.norms.slice(o * f.cin, (o + 1) * f.cin) })),
    });
  }

  private renderMaps(m: FeatureMaps): void {
    const [, hi] = extent(m.values);
    const strip = this.$(`[data-maps="${m.layer}"]`);
    const canvases = this.canvases(strip, m.c, m.h, (k) => t('cnni.map', { k }));
    canvases.forEach((canvas, k) => paintMap(canvas, m.h, m.w, (i) => m.values[i * m.c + k]!, 'magnitude', 0, hi || 1));
    this.$(`[data-view="legend-${m.layer}-maps"]`).replaceChildren(legend('magnitude', 0, hi));
    const rows = [];
    let active = 0;
    for (let k = 0; k < m.c; k++) {
      let sum = 0;
      let max = -Infinity;
      let at = 0;
      let on = 0;
      for (let i = 0; i < m.h * m.w; i++) {
        const v = m.values[i * m.c + k]!;
        sum += v;
        if (v > 0) on++;
        if (v > max) [max, at] = [v, i];
      }
      active += on;
      rows.push({ label: t('cnni.layerMap', { layer: m.layer, k }), values: [sum / (m.h * m.w), max, on / (m.h * m.w), Math.floor(at / m.w), at % m.w] });
    }
    this.$(`[data-out="note-${m.layer}"]`).textContent = t('cnni.mapsNote', { percent: ((100 * active) / m.values.length).toFixed(0) });
    drawTable(this.$(`[data-table="maps-${m.layer}"]`), {
      caption: t('cnni.mapsCaption', { layer: m.layer, kind: t(m.kind === 'conv' ? 'cnni.kindConv' : 'cnni.kindPool'), h: m.h, w: m.w, c: m.c }),
      columns: ['ctl.mean', 'ctl.max', 'cnni.fractionAbove', 'cnni.rowOfMax', 'cnni.columnOfMax'].map((k) => t(k)),
      rows,
    });
  }

  /** `n` canvases of side `side` in `host`, kept when the count matches (no flicker while drawing). */
  private canvases(host: HTMLElement, n: number, side: number, label: (k: number) => string): HTMLCanvasElement[] {
    let list = Array.from(host.querySelectorAll('canvas'));
    if (list.length !== n || list[0]?.width !== side * 4) {
      host.replaceChildren(
        ...Array.from({ length: n }, (_, k) => {
          const fig = document.createElement('figure');
          const canvas = document.createElement('canvas');
          canvas.width = side * 4;
          canvas.height = side * 4;
          canvas.setAttribute('role', 'img');
          canvas.setAttribute('aria-label', t('cnni.canvasLabel', { label: label(k) }));
          const cap = document.createElement('figcaption');
          cap.textContent = String(k);
          fig.append(canvas, cap);
          return fig;
        }),
      );
      list = Array.from(host.querySelectorAll('canvas'));
    }
    return list;
  }
}
