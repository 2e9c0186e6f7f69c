/**
 * The image LIME figure on the page: the digit with superpixel outlines, the signed
 * LIME map, and the digit reduced to the top superpixels, with every number in tables.
 */
import { limeImageSchema, limeImageSelectionOf, type LimeImageSelection, type LimeImageState } from '../../src/figures/lime/image-state.ts';
import type { LimeImageView } from '../../src/figures/lime/image-session.ts';
import type { EpochReport } from '../../src/train/trainer.ts';
import { fieldLabel, parseField } from '../../src/state/url-state.ts';
import { pixelColours } from '../views/palette.ts';
import { legend } from '../views/heatmap.ts';
import { drawTable } from '../views/table.ts';
import { formatNumber } from '../views/format.ts';
import { LiveFigure } from './live-figure.ts';
import { t } from '../../src/i18n/ui.ts';

const SIZE = 28;
const SELECTION_KEYS = ['digit', 'seg', 'n', 'ls', 'top'] as const;

export function mount(root: HTMLElement): void {
  new LimeImageFigure(root);
}

/** Paints 28×28 colours scaled up, then the superpixel boundaries (and thicker ones round `marked` segments). */
function paint(canvas: HTMLCanvasElement, colour: (p: number) => [number, number, number], segments: Int32Array, marked: number[] = []): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const scale = canvas.width / SIZE;
  for (let p = 0; p < SIZE * SIZE; p++) {
    const [r, g, b] = colour(p);
    ctx.fillStyle = `rgb(${r}, ${g}, ${b})`;
    ctx.fillRect((p % SIZE) * scale, Math.floor(p / SIZE) * scale, scale, scale);
  }
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      const s = segments[y * SIZE + x]!;
      for (const [dx, dy] of [[1, 0], [0, 1]] as const) {
        if (x + dx >= SIZE || y + dy >= SIZE) continue;
        const t = segments[(y + dy) * SIZE + x + dx]!;
        if (t === s) continue;
        const strong = marked.includes(s) !== marked.includes(t);
        ctx.strokeStyle = strong ? '#1a9e77' : 'rgba(120, 120, 120, 0.9)';
        ctx.lineWidth = strong ? 3 : 1;
        ctx.beginPath();
        const X = (x + dx) * scale;
        const Y = (y + dy) * scale;
        if (dx) ctx.moveTo(X, y * scale), ctx.lineTo(X, (y + 1) * scale);
        else ctx.moveTo(x * scale, Y), ctx.lineTo((x + 1) * scale, Y);
        ctx.stroke();
      }
    }
  }
}

const grey = (v: number): [number, number, number] => {
  const g = Math.round(255 * (1 - Math.min(1, Math.max(0, v))));
  return [g, g, g];
};

class LimeImageFigure extends LiveFigure<typeof limeImageSchema, LimeImageSelection, LimeImageView> {
  constructor(root: HTMLElement) {
    super(root, limeImageSchema, ['more'], (name) =>
      new Worker(new URL('../../src/worker/lime-image.worker.ts', import.meta.url), { type: 'module', name }),
    );
    for (const key of [...SELECTION_KEYS, 'ckpt'] as const) this.$<HTMLInputElement>(`[name="${key}"]`).value = String(this.state[key]);
    for (const key of SELECTION_KEYS) {
      const el = this.$<HTMLInputElement | HTMLSelectElement>(`[name="${key}"]`);
      el.addEventListener('change', () => {
        const parsed = parseField(limeImageSchema[key], el.value);
        if (!parsed.ok) {
          this.notices.add(t('live.badControl', { label: fieldLabel(limeImageSchema[key]), reason: parsed.reason, value: String(this.state[key]) }));
          el.value = String(this.state[key]);
          return;
        }
        this.again({ [key]: parsed.value });
      });
    }
    const step = (d: number) => {
      const digit = Math.min(limeImageSchema.digit.max, Math.max(0, this.state.digit + d));
      this.$<HTMLInputElement>('input[name="digit"]').value = String(digit);
      this.again({ digit });
    };
    this.$('[data-action="prev-digit"]').addEventListener('click', () => step(-1));
    this.$('[data-action="next-digit"]').addEventListener('click', () => step(1));
    const ckpt = this.$<HTMLSelectElement>('[name="ckpt"]');
    ckpt.addEventListener('change', () => {
      const parsed = parseField(limeImageSchema.ckpt, ckpt.value);
      if (!parsed.ok) return;
      this.send({ type: 'pause' });
      this.state = { ...this.state, ckpt: String(parsed.value), epoch: Number(parsed.value) };
      this.root.dataset.viewReady = 'false';
      this.send({ type: 'checkpoint', epoch: Number(parsed.value) });
      this.syncUrl();
    });
    this.start();
  }

  private again(patch: Partial<LimeImageState>): void {
    this.root.dataset.viewReady = 'false';
    this.select(patch);
  }

  protected selection(): LimeImageSelection {
    return limeImageSelectionOf(this.state);
  }

  protected onReports(_reports: EpochReport[]): void {}
  protected onReset(): void {}

  protected render(v: LimeImageView): void {
    const d = this.root.dataset;
    d.digit = String(v.digit.index);
    d.target = String(v.target);
    d.checkpoint = String(v.checkpoint);
    const p = v.digit.probabilities;
    this.$('[data-out="readout"]').textContent =
      t('limg.readout', {
        epoch: v.epoch, index: v.digit.index, label: v.digit.label, target: v.target, p: formatNumber(p[v.target]!),
        segments: v.numSegments, n: v.numSamples, r2: formatNumber(v.score), ms: v.ms.toFixed(0),
      });
    const limit = Math.max(...Array.from(v.weights, Math.abs), 1e-9);
    const colour = pixelColours('signed', -limit, limit);
    paint(this.$<HTMLCanvasElement>('[data-view="segments"]'), (i) => grey(v.digit.pixels[i]!), v.segments);
    paint(
      this.$<HTMLCanvasElement>('[data-view="map"]'),
      (i) => {
        const [r, g, b] = colour(v.map[i]!);
        const ink = 1 - 0.45 * Math.min(1, v.digit.pixels[i]!);
        return [r * ink, g * ink, b * ink];
      },
      v.segments,
      v.top,
    );
    this.$('[data-view="legend"]').replaceChildren(legend('signed', -limit, limit));
    paint(this.$<HTMLCanvasElement>('[data-view="top"]'), (i) => grey(v.topOnly[i]!), v.segments, v.top);
    this.$('[data-out="top-note"]').textContent =
      t(v.top.length === 1 ? 'limg.topNoteOne' : 'limg.topNote', { count: v.top.length, target: v.target, p: formatNumber(v.pTopOnly) });
    drawTable(this.$('[data-table="image-fit"]'), {
      caption: t('limg.fitCaption', { target: v.target }),
      columns: [t('limg.col.intercept'), t('lime.col.r2'), 'g(1)', 'f(x)', t('limg.col.topOnly', { target: v.target })],
      rows: [{ label: t('limg.digit', { index: v.digit.index }), values: [v.intercept, v.score, v.localPrediction, v.prediction, v.pTopOnly] }],
    });
    drawTable(this.$('[data-table="image-weights"]'), {
      caption: t('limg.weightsCaption', { target: v.target }),
      columns: [t('limg.col.weight'), t('limg.col.pixels'), t('limg.col.inTop')],
      rows: Array.from(v.weights, (w, k) => ({ label: t('limg.superpixel', { k }), values: [w, v.segments.filter((s) => s === k).length, v.top.includes(k) ? 1 : 0] })),
    });
    const pooled = Array.from({ length: 7 }, (_, r) => ({
      label: t('limg.rows', { from: 4 * r, to: 4 * r + 3 }),
      values: Array.from({ length: 7 }, (_, c) => {
        let s = 0;
        for (let y = 0; y < 4; y++) for (let x = 0; x < 4; x++) s += v.map[(4 * r + y) * SIZE + 4 * c + x]!;
        return s / 16;
      }),
    }));
    drawTable(this.$('[data-table="image-map"]'), {
      caption: t('limg.mapCaption'),
      columns: Array.from({ length: 7 }, (_, c) => t('limg.cols', { from: 4 * c, to: 4 * c + 3 })),
      rows: pooled,
    });
    d.viewReady = 'true';
  }
}
