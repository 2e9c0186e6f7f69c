/**
 * What every live, trainable figure does on the page, whatever its model: owns the
 * worker, the state in the URL, the Train/Pause, Step and Reset buttons, the
 * hyperparameter controls, the status line and notices, and pausing when the figure
 * scrolls away. A figure subclass only draws its views.
 */
import { readState, parseField, type Schema, type StateOf } from '../../src/state/url-state.ts';
import type { FromWorker, ToWorker } from '../../src/worker/protocol.ts';
import type { BatchReport, EpochReport } from '../../src/train/trainer.ts';
import { copyFigureLink, syncUrl } from './figure-link.ts';
import { FigureNotices } from './notices.ts';
import { t } from '../../src/i18n/ui.ts';
import { fieldLabel } from '../../src/state/url-state.ts';
import { workerText } from '../../src/i18n/worker-text.ts';
import { FigureWorker, showWorkerReady } from './figure-worker.ts';
import { figurePart } from './figure-part.ts';

export abstract class LiveFigure<S extends Schema, Selection, View> {
  protected state: StateOf<S>;
  protected readonly id: string;
  protected readonly notices: FigureNotices;
  private readonly worker: FigureWorker<StateOf<S>, Selection, View>;
  private running = false;
  private pausedOffscreen = false;
  /** After an error, late progress messages (other downloads finishing) must not hide it. */
  private failed = false;

  /**
   * @param editable state keys bound to controls named like the key; changing one resets training.
   * @param makeWorker creates the figure's worker (Vite needs the `new Worker(new URL(...))` at the call site).
   */
  constructor(
    protected readonly root: HTMLElement,
    protected readonly schema: S,
    private readonly editable: readonly (keyof S & string)[],
    makeWorker: (name: string) => Worker,
  ) {
    this.id = root.dataset.figureId!;
    // The worker says `ready` (engine loaded) before it has built the session and drawn
    // the first view; until that view arrives the figure's tables are not final.
    root.dataset.viewReady = 'false';
    this.notices = new FigureNotices(this.$('[data-out="notices"]'));
    const params = new URLSearchParams(location.search);
    const { state, notices } = readState(schema, this.id, params);
    this.state = state;
    notices.forEach((n) => this.notices.add(n));
    this.writeControls();
    this.worker = new FigureWorker(makeWorker, this.id, this.notices, {
      receive: (msg) => this.receive(msg),
      current: () => ({ state: this.state, selection: this.selection() }),
      stopped: () => this.setRunning(false),
      // After a lost GPU context: the fresh worker replays the state to the same epoch and, if it was training, carries on.
      restarted: () => {
        this.root.dataset.ready = 'false';
        if (this.running) this.send({ type: 'train' });
        else this.status(t('live.starting'));
      },
    });
    this.bindControls();
    this.pauseWhenOffscreen();
    this.status(t('live.starting'));
  }

  /** Call at the end of the subclass constructor, once its views exist. */
  protected start(): void {
    this.worker.init();
  }

  /** What the reader is looking at (an input, a digit), sent with every view request. */
  protected abstract selection(): Selection;
  protected abstract render(view: View): void;
  /** Epoch reports for the curves; `reset` clears them. */
  protected abstract onReports(reports: EpochReport[]): void;
  protected abstract onReset(): void;
  protected onBatch(_report: BatchReport): void {}
  protected onLoading(_fraction: number, _message: string): void {}

  protected $<T extends HTMLElement = HTMLElement>(selector: string): T {
    return figurePart<T>(this.root, selector);
  }

  protected send(msg: ToWorker<StateOf<S>, Selection>): void {
    this.worker.send(msg);
  }

  protected status(text: string): void {
    this.$('[data-out="status"]').textContent = text;
  }

  /** Tell the worker the selection changed, and remember it in the link. */
  protected select(patch: Partial<StateOf<S>>): void {
    this.state = { ...this.state, ...patch };
    this.send({ type: 'select', selection: this.selection() });
    this.syncUrl();
  }

  private receive(msg: FromWorker<View>): void {
    switch (msg.type) {
      case 'ready':
        showWorkerReady(this.root, this.notices, msg);
        // After a restart on another backend, training may already be under way again.
        this.status(this.running ? t('live.training') : t('live.ready'));
        return;
      case 'loading':
        if (this.failed) return;
        this.status(t('live.loading', { message: workerText(msg.message, msg.said), percent: Math.round(msg.fraction * 100) }));
        this.onLoading(msg.fraction, workerText(msg.message, msg.said));
        return;
      case 'batch':
        // Where training is, for tests that stop it after a few batches.
        this.root.dataset.batch = `${msg.report.epoch}:${msg.report.batch}`;
        this.onBatch(msg.report);
        return;
      case 'progress': {
        this.onReports(msg.reports);
        const epoch = (msg.view as { epoch: number }).epoch;
        this.state = { ...this.state, epoch };
        this.root.dataset.epoch = String(epoch);
        this.render(msg.view);
        this.root.dataset.viewReady = 'true';
        this.root.dataset.tensors = String(msg.tensors);
        if (!msg.running) {
          this.syncUrl();
          if (!this.running) this.status(t('live.epoch', { epoch }));
        }
        return;
      }
      case 'stopped':
        // The worker's answer to a pause that a later Train has overridden (Pause then
        // Train in quick succession, or a figure that left the viewport and came back):
        // the worker is training again, so the figure must not say paused.
        if (msg.reason === 'paused' && this.running) return;
        this.setRunning(false);
        this.status(msg.reason === 'done' ? t('live.finished', { epochs: String(this.state.epochs) }) : t('live.paused'));
        this.syncUrl();
        return;
      case 'error':
        this.failed = true;
        this.setRunning(false);
        // For tests and self-checking exercises (FigureTask): "diverged" or "error".
        this.root.dataset.status = msg.kind === 'diverged' ? 'diverged' : 'error';
        this.notices.add(workerText(msg.message, msg.said));
        this.status(msg.kind === 'diverged' ? t('live.diverged') : t('live.error'));
        return;
    }
  }

  private writeControls(): void {
    for (const key of this.editable) {
      const el = this.root.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${key}"]`);
      if (el) el.value = String(this.state[key]);
    }
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
        this.status(t('live.training'));
      }
    });
    this.$('[data-action="step"]').addEventListener('click', () => {
      this.setRunning(false);
      this.status(t('live.trainingOne'));
      this.send({ type: 'step' });
    });
    this.$('[data-action="reset"]').addEventListener('click', () => this.reset());
    this.$<HTMLButtonElement>('[data-action="copy-link"]').addEventListener('click', (e) =>
      copyFigureLink(this.id, e.currentTarget as HTMLButtonElement),
    );
    for (const key of this.editable) {
      this.root.querySelector(`[name="${key}"]`)?.addEventListener('change', (e) => {
        const el = e.target as HTMLInputElement;
        const field = this.schema[key]!;
        const parsed = parseField(field, el.value);
        if (!parsed.ok) {
          this.notices.add(t('live.badControl', { label: fieldLabel(field), reason: parsed.reason, value: String(this.state[key]) }));
          el.value = String(this.state[key]);
          return;
        }
        this.state = { ...this.state, [key]: parsed.value };
        this.reset();
      });
    }
  }

  protected reset(): void {
    this.failed = false;
    delete this.root.dataset.status;
    this.notices.clear();
    this.setRunning(false);
    this.state = { ...this.state, epoch: 0 };
    this.onReset();
    this.send({ type: 'reset', state: this.state });
    this.status(t('live.reset'));
  }

  private setRunning(running: boolean): void {
    this.running = running;
    this.root.dataset.running = String(running);
    const button = this.$('[data-action="train"]');
    button.textContent = running ? t('train.pause') : t('train.train');
    button.setAttribute('aria-pressed', String(running));
  }

  protected syncUrl(): void {
    syncUrl(this.schema, this.id, this.state);
  }

  /** A figure that scrolled out of view stops training, so it costs nothing. */
  private pauseWhenOffscreen(): void {
    new IntersectionObserver((entries) => {
      const visible = entries.some((e) => e.isIntersecting);
      if (!visible && this.running) {
        this.pausedOffscreen = true;
        this.send({ type: 'pause' });
        this.setRunning(false);
        this.status(t('live.pausedOffscreen'));
      } else if (visible && this.pausedOffscreen) {
        this.pausedOffscreen = false;
        this.send({ type: 'train' });
        this.setRunning(true);
        this.status(t('live.training'));
      }
    }).observe(this.root);
  }
}
