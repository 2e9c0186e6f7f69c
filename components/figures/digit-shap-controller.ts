/**
 * The digit-SHAP figure: the digit, its superpixels and each superpixel's Shapley
 * value on the signed PuOr scale (white = 0), with the efficiency check and tables.
 */
import { digitShapSchema, digitShapSelection, type DigitShapSelection } from '../../src/figures/digit-shap/state.ts';
import type { DigitShapView } from '../../src/figures/digit-shap/session.ts';
import { fieldLabel, parseField } from '../../src/state/url-state.ts';
import { pixelColours } from '../views/palette.ts';
import { legend } from '../views/heatmap.ts';
import { drawDigit } from '../views/digit.ts';
import { drawTable } from '../views/table.ts';
import { formatNumber } from '../views/format.ts';
import { LiveFigure } from './live-figure.ts';
import { t } from '../../src/i18n/ui.ts';

const SIZE = 28;
const SELECTION_KEYS = ['digit', 'ns', 'sseed', 'bg', 'seg'] as const;

export function mount(root: HTMLElement): void {
  new DigitShapFigure(root);
}

/** Paints 28×28 RGB triples onto a canvas without smoothing. */
function paintRgb(canvas: HTMLCanvasElement, colour: (p: number) => [number, number, number]): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const img = ctx.createImageData(SIZE, SIZE);
  for (let p = 0; p < SIZE * SIZE; p++) img.data.set([...colour(p), 255], p * 4);
  const off = new OffscreenCanvas(SIZE, SIZE);
  off.getContext('2d')!.putImageData(img, 0, 0);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(off, 0, 0, canvas.width, canvas.height);
}

class DigitShapFigure extends LiveFigure<typeof digitShapSchema, DigitShapSelection, DigitShapView> {
  constructor(root: HTMLElement) {
    super(root, digitShapSchema, ['more'], (name) =>
      new Worker(new URL('../../src/worker/digit-shap.worker.ts', import.meta.url), { type: 'module', name }),
    );
    for (const key of [...SELECTION_KEYS, 'ckpt'] as const) this.$<HTMLInputElement | HTMLSelectElement>(`[name="${key}"]`).value = String(this.state[key]);
    for (const key of SELECTION_KEYS) {
      const el = this.$<HTMLInputElement | HTMLSelectElement>(`[name="${key}"]`);
      el.addEventListener('change', () => {
        const parsed = parseField(digitShapSchema[key], el.value);
        if (!parsed.ok) {
          this.notices.add(t('live.badControl', { label: fieldLabel(digitShapSchema[key]), reason: parsed.reason, value: String(this.state[key]) }));
          el.value = String(this.state[key]);
          return;
        }
        this.root.dataset.viewReady = 'false';
        this.select({ [key]: parsed.value });
      });
    }
    const digitInput = this.$<HTMLInputElement>('[name="digit"]');
    const step = (d: number) => {
      const digit = Math.min(digitShapSchema.digit.max, Math.max(0, this.state.digit + d));
      digitInput.value = String(digit);
      this.root.dataset.viewReady = 'false';
      this.select({ digit });
    };
    this.$('[data-action="prev-digit"]').addEventListener('click', () => step(-1));
    this.$('[data-action="next-digit"]').addEventListener('click', () => step(1));
    const ckpt = this.$<HTMLSelectElement>('[name="ckpt"]');
    ckpt.addEventListener('change', () => {
      const parsed = parseField(digitShapSchema.ckpt, ckpt.value);
      if (!parsed.ok) return;
      const epoch = Number(parsed.value);
      this.send({ type: 'pause' });
      this.state = { ...this.state, ckpt: String(parsed.value), epoch };
      this.root.dataset.viewReady = 'false';
      this.send({ type: 'checkpoint', epoch });
      this.syncUrl();
    });
    this.start();
  }

  protected selection(): DigitShapSelection {
    return digitShapSelection(this.state);
  }

  protected onReports(): void {}
  protected onReset(): void {}

  protected render(v: DigitShapView): void {
    this.$('[data-out="epoch"]').textContent =
      v.epoch === v.checkpoint ? t('xpl.ckptEpochs', { epochs: v.checkpoint }) : t('xpl.epochPlus', { epoch: v.epoch, checkpoint: v.checkpoint, more: v.epoch - v.checkpoint });
    this.$('[data-out="pred"]').textContent = t('xpl.pred', { index: v.digit.index, label: v.digit.label, predicted: v.predicted, p: formatNumber(v.fx) });
    this.$('[data-out="latency"]').textContent = t('xpl.digitLatency', { k: v.k, coalitions: v.coalitions, exact: v.exact ? t('xpl.exactAll') : '', ms: Math.round(v.ms) });
    this.root.dataset.kernelMs = String(v.ms);
    Object.assign(this.root.dataset, { digit: String(v.digit.index), seg: v.segmentation, bg: v.background });

    drawDigit(this.$<HTMLCanvasElement>('[data-view="digit"]'), v.digit.pixels);
    // Superpixels: alternate grey levels by id, the digit's ink on top.
    paintRgb(this.$<HTMLCanvasElement>('[data-view="segments"]'), (p) => {
      const shade = 150 + ((v.segments[p]! * 53) % 90);
      const ink = 1 - 0.7 * v.digit.pixels[p]!;
      return [shade * ink, shade * ink, shade * ink];
    });
    const limit = Math.max(...Array.from(v.phi, Math.abs)) || 1;
    const colour = pixelColours('signed', -limit, limit);
    paintRgb(this.$<HTMLCanvasElement>('[data-view="shap"]'), (p) => {
      const [r, g, b] = colour(v.map[p]!);
      const dark = 1 - 0.55 * Math.min(1, Math.max(0, v.digit.pixels[p]!));
      return [r * dark, g * dark, b * dark];
    });
    this.$('[data-out="shap-caption"]').textContent = t('xpl.shapCaption', { predicted: v.predicted });
    const leg = legend('signed', -limit, limit);
    // A name needs a role that allows one: a plain <div> may not carry aria-label.
    leg.setAttribute('role', 'group');
    leg.setAttribute('aria-label', t('xpl.legendAria'));
    this.$('[data-view="legend"]').replaceChildren(leg);

    const sum = v.phi.reduce((a, b) => a + b, 0);
    this.$('[data-out="sum-check"]').textContent =
      t('xpl.digitSumCheck', { sum: formatNumber(sum), fx: formatNumber(v.fx), base: formatNumber(v.baseValue), gap: formatNumber(v.fx - v.baseValue) });
    drawTable(this.$('[data-table="sums"]'), {
      caption: t('xpl.digitSumsCaption', { predicted: v.predicted }),
      columns: [t('xpl.value')],
      rows: [
        { label: t('xpl.fBackground'), values: [v.baseValue] },
        { label: 'f(x)', values: [v.fx] },
        { label: t('xpl.fxMinusBackground'), values: [v.fx - v.baseValue] },
        { label: 'Σ φₖ', values: [sum] },
      ],
    });
    const sizes = new Array<number>(v.k).fill(0);
    const ink = new Array<number>(v.k).fill(0);
    v.segments.forEach((s, p) => {
      sizes[s]!++;
      ink[s]! += v.digit.pixels[p]!;
    });
    drawTable(this.$('[data-table="phi"]'), {
      caption: t('xpl.digitPhiCaption', { predicted: v.predicted }),
      columns: [t('limg.col.pixels'), t('xpl.ink'), 'φₖ'],
      rows: Array.from(v.phi, (phi, k) => ({ label: t('limg.superpixel', { k }), values: [sizes[k]!, ink[k]!, phi] })),
    });
  }
}
