/**
 * The evaluation figure on the page: sends the reader's choices to its worker,
 * shows the worker's progress, and draws what comes back — the judged maps, the
 * deletion and insertion curves with their areas, the randomisation check, the
 * agreement matrix and (on request) the comparison across checkpoints and seeds —
 * each with its numbers as a table (drawn by evaluation-views.ts). Nothing is trained
 * here, so this figure has no Train button and does not use LiveFigure; it shares its
 * worker owner (FigureWorker: errors, a lost GPU context), the link state and the notices.
 */
import { evaluationSchema, selectionOf, type EvaluationSelection, type EvaluationState } from '../../src/figures/evaluation/state.ts';
import type { EvaluationView } from '../../src/figures/evaluation/session.ts';
import { fieldLabel, parseField, readState } from '../../src/state/url-state.ts';
import { t } from '../../src/i18n/ui.ts';
import type { FromWorker } from '../../src/worker/protocol.ts';
import { copyFigureLink, syncUrl } from './figure-link.ts';
import { FigureNotices } from './notices.ts';
import { figurePart } from './figure-part.ts';
import { FigureWorker, showWorkerReady } from './figure-worker.ts';
import { drawRandomisation, plural, renderEvaluation } from './evaluation-views.ts';
import { workerText } from '../../src/i18n/worker-text.ts';

/** Controls whose change only asks the worker for a new view. */
const SELECTION_KEYS = ['digit', 'n', 'steps', 'seed'] as const;

export function mount(root: HTMLElement): void {
  new EvaluationFigure(root);
}

class EvaluationFigure {
  private state: EvaluationState;
  private readonly id: string;
  private readonly notices: FigureNotices;
  private readonly worker: FigureWorker<EvaluationState, EvaluationSelection, EvaluationView>;
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

    this.worker = new FigureWorker((name) => new Worker(new URL('../../src/worker/evaluation.worker.ts', import.meta.url), { type: 'module', name }), this.id, this.notices, {
      receive: (msg) => this.receive(msg),
      current: () => ({ state: this.state, selection: this.selection() }),
      stopped: () => this.status(t('live.error')),
      // After a lost GPU context the fresh worker judges the same selection again.
      restarted: () => this.computing(),
    });
    this.bind();
    this.status(t('live.starting'));
    this.computing();
    this.worker.init();
  }

  private $<T extends HTMLElement = HTMLElement>(selector: string): T {
    return figurePart<T>(this.root, selector);
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
    this.worker.send({ type: 'select', selection: this.selection() });
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
      if (this.last) drawRandomisation(this.root, this.last, this.state);
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
        showWorkerReady(this.root, this.notices, msg);
        this.status(t('eval.computing'));
        return;
      case 'loading':
        this.$<HTMLProgressElement>('[data-out="progress"]').value = msg.fraction;
        this.status(t('live.loading', { message: workerText(msg.message, msg.said), percent: Math.round(msg.fraction * 100) }));
        return;
      case 'progress':
        if (msg.view.stale || msg.view.request !== this.request) return;
        this.last = msg.view;
        renderEvaluation(this.root, msg.view, this.state);
        this.$<HTMLProgressElement>('[data-out="progress"]').value = 1;
        this.status(t(plural(msg.view.epoch, 'eval.done1', 'eval.done'), { epochs: msg.view.epoch }));
        this.root.dataset.viewReady = 'true';
        this.root.dataset.tensors = String(msg.tensors);
        return;
      case 'error':
        this.notices.add(workerText(msg.message, msg.said));
        this.status(t('live.error'));
        return;
      default:
        return;
    }
  }
}

