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
    toggle.textContent = `Marker on this digit: ${on ? 'on' : 'off'}`;
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
      out.textContent = 'Train the network first.';
      return;
    }
    const d = v.digit;
    if (d.label !== v.target) out.textContent = `Not yet: test digit #${d.index} is a ${d.label}, not a ${v.target}.`;
    else if (d.marked) out.textContent = `Almost: turn the marker off first, so the network sees the ${v.target} as it really is.`;
    else if (d.predicted === v.target) out.textContent = `Not yet: the network still calls this clean ${v.target} a ${v.target}. Try the next one.`;
    else out.textContent = `Yes. A clean ${v.target} read as a ${d.predicted}: the network learned the square, not the digit. Now turn the marker on.`;
    this.root.dataset.check = out.textContent.startsWith('Yes') ? 'right' : 'wrong';
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
    const t = v.target;
    this.$('[data-out="metrics"]').textContent = v.epoch === 0
      ? `Untrained (epoch 0). Marked test set accuracy ${pct(m.markedAccuracy)}.`
      : `Epoch ${v.epoch}. Accuracy on test digits marked like the training data: ${pct(m.markedAccuracy)}; on clean test digits: ${pct(m.cleanAccuracy)}. ` +
        `Recall of ${t}: ${pct(m.recallMarked)} with the square, ${pct(m.recallClean)} without. ` +
        `The square alone turns ${pct(m.flipRate)} of the other digits into ${t}s (clean: ${pct(m.cleanFalseRate)}). ` +
        `The first layer reads ${v.pixelsUsed} of the 784 pixels.`;

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
      `${pct(d.saliencyShare)} of the saliency mass lies in the box (${pct(v.areaShare)} of the image); ${d.topHits} of the ${k} most salient pixels are in it.`;
    this.$('[data-out="gxi-share"]').textContent = `${pct(d.gxiShare)} of the gradient × input mass lies in the box.`;

    drawTable(this.$('[data-table="metrics"]'), {
      caption: `What the shortcut did (epoch ${v.epoch}, marked class ${t})`,
      columns: ['value'],
      rows: [
        { label: 'accuracy, test digits marked as in training', values: [m.markedAccuracy] },
        { label: 'accuracy, clean test digits', values: [m.cleanAccuracy] },
        { label: `recall of ${t}, with the square`, values: [m.recallMarked] },
        { label: `recall of ${t}, clean`, values: [m.recallClean] },
        { label: `other digits read as ${t} once marked`, values: [m.flipRate] },
        { label: `other digits read as ${t}, clean`, values: [m.cleanFalseRate] },
        { label: 'pixels the first layer reads (of 784)', values: [v.pixelsUsed] },
      ],
    });
    drawTable(this.$('[data-table="digit"]'), {
      caption: `Test digit #${d.index} (label ${d.label}, marker ${d.marked ? 'on' : 'off'}): explanations of class ${d.explained}`,
      columns: ['value'],
      rows: [
        { label: 'saliency mass in the marker box', values: [d.saliencyShare] },
        { label: 'gradient × input mass in the marker box', values: [d.gxiShare] },
        { label: 'marker box share of the image', values: [v.areaShare] },
        { label: `marker pixels among the ${k} most salient`, values: [d.topHits] },
      ],
    });
    drawTable(this.$('[data-table="probabilities"]'), {
      caption: `Test digit #${d.index}: label ${d.label}, predicted ${d.predicted}`,
      columns: DIGITS,
      rows: [{ label: 'p(digit)', values: d.probabilities }],
    });
  }
}
