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
import type { InspectorView } from '../../src/figures/cnn-inspector/session.ts';
import type { FromWorker } from '../../src/worker/protocol.ts';
import { copyFigureLink, syncUrl } from './figure-link.ts';
import { FigureNotices } from './notices.ts';
import { FigureWorker, showWorkerReady } from './figure-worker.ts';
import { figurePart } from './figure-part.ts';
import { drawPad, inspectorSteps } from './cnn-inspector-views.ts';
import { SlicedRender } from '../views/sliced-render.ts';
import { workerText } from '../../src/i18n/worker-text.ts';
import { t } from '../../src/i18n/ui.ts';

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
  private readonly worker: FigureWorker<InspectorState, InspectorSelection, InspectorView>;
  private mask: Uint8Array;
  private cursor = { r: 7, c: 7 };
  private inFlight = true; // init computes the first view
  private pending = false;
  private throttle: ReturnType<typeof setTimeout> | null = null;
  private lastCell: { r: number; c: number } | null = null;
  private inking = 1;
  /** The answer is drawn in slices of at most ~12 ms, so it never stalls a scroll. */
  private readonly drawing = new SlicedRender();

  constructor(private readonly root: HTMLElement) {
    this.id = root.dataset.figureId!;
    this.notices = new FigureNotices(this.$('[data-out="notices"]'));
    const read = readState(inspectorSchema, this.id, new URLSearchParams(location.search));
    read.notices.forEach((n) => this.notices.add(n));
    this.state = read.state;
    this.mask = unpackMask(WORD_KEYS.map((k) => this.state[k]));
    this.$<HTMLSelectElement>('select[name="ckpt"]').value = this.state.ckpt;
    this.$<HTMLInputElement>('input[name="digit"]').value = String(this.state.digit);
    this.worker = new FigureWorker((name) => new Worker(new URL('../../src/worker/cnn-inspector.worker.ts', import.meta.url), { type: 'module', name }), this.id, this.notices, {
      receive: (msg) => this.receive(msg),
      current: () => ({ state: this.state, selection: this.selection() }),
      // After a lost GPU context the fresh worker loads the same checkpoint and view.
      restarted: () => {
        this.inFlight = true;
        this.pending = false;
        this.root.dataset.viewReady = 'false';
      },
    });
    this.bind();
    this.drawPad();
    this.status(t('live.starting'));
    this.worker.init();
  }

  private $<T extends HTMLElement = HTMLElement>(selector: string): T {
    return figurePart<T>(this.root, selector);
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
    this.worker.send({ type: 'select', selection: this.selection() });
  }

  private receive(msg: FromWorker<InspectorView>): void {
    switch (msg.type) {
      case 'ready':
        showWorkerReady(this.root, this.notices, msg);
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
        void this.show(msg.view, msg.tensors);
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

  /** Draws the answer; a newer answer that arrives meanwhile takes over. */
  private async show(view: InspectorView, tensors: number): Promise<void> {
    if (!(await this.drawing.run(inspectorSteps(this.root, view)))) return;
    this.status(t('live.ready'));
    // Only now, with every table and picture from this answer, is the view ready.
    if (!this.inFlight) this.root.dataset.viewReady = 'true';
    this.root.dataset.tensors = String(tensors);
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
      this.worker.send({ type: 'checkpoint', epoch: Number(parsed.value) });
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
    drawPad(this.$<HTMLCanvasElement>('[data-view="pad"]'), this.state.src === 'drawn' ? this.mask : null, this.cursor);
  }
}
