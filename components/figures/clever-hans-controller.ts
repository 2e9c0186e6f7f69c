/**
 * The Clever Hans figure: draws the digit the network sees, its probabilities, and
 * saliency and gradient × input with the marker outlined, from the plain numbers its
 * worker sends. Worker, training buttons and link state are the shared LiveFigure.
 */
import { cleverHansSchema, selectionOf, type CleverHansSelection } from '../../src/figures/clever-hans/state.ts';
import type { CleverHansView } from '../../src/figures/clever-hans/session.ts';
import type { EpochReport } from '../../src/train/trainer.ts';
import { legend } from '../views/heatmap.ts';
import { extent } from '../views/palette.ts';
import { drawTable } from '../views/table.ts';
import { drawDigit } from '../views/digit.ts';
import { drawBars } from '../views/bars.ts';
import { LiveFigure } from './live-figure.ts';
import { outlineBox, paintMap } from './pixel-map.ts';
import { t } from '../../src/i18n/ui.ts';

const DIGITS = Array.from({ length: 10 }, (_, i) => String(i));
const pct = (v: number) => `${(v * 100).toFixed(1)} %`;

export function mount(root: HTMLElement): void {
  new CleverHansFigure(root);
}

class CleverHansFigure extends LiveFigure<typeof cleverHansSchema, CleverHansSelection, CleverHansView> {
  private last: CleverHansView | null = null;

  constructor(root: HTMLElement) {
    super(root, cleverHansSchema, ['target', 'corner', 'seed', 'train', 'lr', 'epochs', 'lasso'], (name) =>
      new Worker(new URL('../../src/worker/clever-hans.worker.ts', import.meta.url), { type: 'module', name }),
    );
    const digitInput = this.$<HTMLInputElement>('input[name="digit"]');
    digitInput.value = String(this.state.digit);
    const pick = (d: number) => {
      const digit = Math.min(cleverHansSchema.digit.max, Math.max(0, d));
      digitInput.value = String(digit);
      this.select({ digit });
    };
    digitInput.addEventListener('change', () => pick(Math.round(Number(digitInput.value)) || 0));
    this.$('[data-action="prev-digit"]').addEventListener('click', () => pick(this.state.digit - 1));
    this.$('[data-action="next-digit"]').addEventListener('click', () => pick(this.state.digit + 1));
    const toggle = this.$<HTMLButtonElement>('[data-action="toggle-marker"]');
    this.showToggle();
    toggle.addEventListener('click', () => {
      this.select({ mark: this.state.mark === 'on' ? 'off' : 'on' });
      this.showToggle();
    });
    this.$('[data-action="check"]').addEventListener('click', () => this.check());
    this.start();
  }

  private showToggle(): void {
    const on = this.state.mark === 'on';
    const toggle = this.$<HTMLButtonElement>('[data-action="toggle-marker"]');
    toggle.setAttribute('aria-pressed', String(on));
    toggle.textContent = t('hans.toggle', { state: t(on ? 'hans.on' : 'hans.off') });
  }

  protected selection(): CleverHansSelection {
    return selectionOf(this.state);
  }

  protected onReports(_reports: EpochReport[]): void {}

  protected onReset(): void {
    this.last = null;
    this.$('[data-out="check"]').textContent = '';
  }

  private check(): void {
    const out = this.$('[data-out="check"]');
    const v = this.last;
    if (!v || v.epoch === 0) {
      out.textContent = t('hans.trainFirst');
      return;
    }
    const d = v.digit;
    const p = { index: d.index, label: d.label, target: v.target, predicted: d.predicted };
    const right = d.label === v.target && !d.marked && d.predicted !== v.target;
    if (d.label !== v.target) out.textContent = t('hans.notThatClass', p);
    else if (d.marked) out.textContent = t('hans.turnOff', p);
    else if (d.predicted === v.target) out.textContent = t('hans.stillRight', p);
    else out.textContent = t('hans.yes', p);
    this.root.dataset.check = right ? 'right' : 'wrong';
  }

  protected render(v: CleverHansView): void {
    this.last = v;
    const m = v.metrics;
    const d = v.digit;
    Object.assign(this.root.dataset, {
      topHits: String(d.topHits),
      saliencyShare: String(d.saliencyShare),
      gxiShare: String(d.gxiShare),
      areaShare: String(v.areaShare),
      pixelsUsed: String(v.pixelsUsed),
      predicted: String(d.predicted),
      marked: String(d.marked),
      flipRate: String(m.flipRate),
      recallClean: String(m.recallClean),
      recallMarked: String(m.recallMarked),
      cleanAccuracy: String(m.cleanAccuracy),
      markedAccuracy: String(m.markedAccuracy),
    });
    const target = v.target;
    this.$('[data-out="metrics"]').textContent = v.epoch === 0
      ? t('hans.untrained', { accuracy: pct(m.markedAccuracy) })
      : t('hans.metrics', {
          epoch: v.epoch, marked: pct(m.markedAccuracy), clean: pct(m.cleanAccuracy), target,
          recallMarked: pct(m.recallMarked), recallClean: pct(m.recallClean),
          flip: pct(m.flipRate), cleanFalse: pct(m.cleanFalseRate), pixels: v.pixelsUsed,
        });

    const digitCanvas = this.$<HTMLCanvasElement>('[data-view="digit"]');
    drawDigit(digitCanvas, d.pixels);
    outlineBox(digitCanvas, v.mask);
    drawBars(this.$('[data-view="probabilities"]'), DIGITS, d.probabilities, d.predicted);

    const [, salMax] = extent(d.saliency);
    const sal = this.$<HTMLCanvasElement>('[data-view="saliency"]');
    paintMap(sal, d.saliency, 'magnitude', 0, salMax || 1);
    outlineBox(sal, v.mask);
    this.$('[data-view="saliency-legend"]').replaceChildren(legend('magnitude', 0, salMax || 1));
    const [lo, hi] = extent(d.gradientTimesInput);
    const gm = Math.max(Math.abs(lo), Math.abs(hi)) || 1;
    const gxi = this.$<HTMLCanvasElement>('[data-view="gxi"]');
    paintMap(gxi, d.gradientTimesInput, 'signed', -gm, gm);
    outlineBox(gxi, v.mask);
    this.$('[data-view="gxi-legend"]').replaceChildren(legend('signed', -gm, gm));
    const k = Math.round(v.areaShare * 784);
    this.$('[data-out="saliency-share"]').textContent =
      t('hans.saliencyShare', { share: pct(d.saliencyShare), area: pct(v.areaShare), hits: d.topHits, k });
    this.$('[data-out="gxi-share"]').textContent = t('hans.gxiShare', { share: pct(d.gxiShare) });

    drawTable(this.$('[data-table="metrics"]'), {
      caption: t('hans.metricsCaption', { epoch: v.epoch, target }),
      columns: [t('hans.value')],
      rows: [
        { label: t('hans.row.markedAccuracy'), values: [m.markedAccuracy] },
        { label: t('hans.row.cleanAccuracy'), values: [m.cleanAccuracy] },
        { label: t('hans.row.recallMarked', { target }), values: [m.recallMarked] },
        { label: t('hans.row.recallClean', { target }), values: [m.recallClean] },
        { label: t('hans.row.flip', { target }), values: [m.flipRate] },
        { label: t('hans.row.cleanFalse', { target }), values: [m.cleanFalseRate] },
        { label: t('hans.row.pixels'), values: [v.pixelsUsed] },
      ],
    });
    drawTable(this.$('[data-table="digit"]'), {
      caption: t('hans.digitCaption', { index: d.index, label: d.label, state: t(d.marked ? 'hans.on' : 'hans.off'), explained: d.explained }),
      columns: [t('hans.value')],
      rows: [
        { label: t('hans.row.saliencyShare'), values: [d.saliencyShare] },
        { label: t('hans.row.gxiShare'), values: [d.gxiShare] },
        { label: t('hans.row.area'), values: [v.areaShare] },
        { label: t('hans.row.hits', { k }), values: [d.topHits] },
      ],
    });
    drawTable(this.$('[data-table="probabilities"]'), {
      caption: t('attr.probCaption', { index: d.index, label: d.label, predicted: d.predicted }),
      columns: DIGITS,
      rows: [{ label: 'p(digit)', values: d.probabilities }],
    });
  }
}
