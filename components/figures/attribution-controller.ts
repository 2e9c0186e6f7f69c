/**
 * The attribution figure: the fast CNN from a pre-trained checkpoint (or trained
 * further), and six attribution maps of one test digit on one signed colour scale,
 * the IG completeness gap, and a hidden layer's activation map beside its gradient
 * map. Every picture's numbers are drawn as tables too.
 */
import { attributionSchema, METHOD_LABELS, selectionOf, type AttributionSelection, type MethodId } from '../../src/figures/attribution/state.ts';
import type { AttributionView } from '../../src/figures/attribution/session.ts';
import { pool, POOLED, SIZE } from '../../src/figures/attribution/grid.ts';
import type { BatchReport, EpochReport } from '../../src/train/trainer.ts';
import { parseField } from '../../src/state/url-state.ts';
import { colourFor, extent } from '../views/palette.ts';
import { legend } from '../views/heatmap.ts';
import { drawTable } from '../views/table.ts';
import { drawDigit } from '../views/digit.ts';
import { drawBars } from '../views/bars.ts';
import { formatNumber } from '../views/format.ts';
import { LiveFigure } from './live-figure.ts';

const DIGITS = Array.from({ length: 10 }, (_, i) => String(i));
const COLS = Array.from({ length: POOLED }, (_, j) => `cols ${4 * j}–${4 * j + 3}`);
/** Controls that change only what is explained, not the model. */
const SELECTION_KEYS = ['digit', 'target', 'sal', 'sgn', 'sgs', 'base', 'steps', 'rule'] as const;

export function mount(root: HTMLElement): void {
  new AttributionFigure(root);
}

/** "rgb(r, g, b)" or "#rrggbb" (d3's scales return either) → [r, g, b]. */
function rgb(css: string): [number, number, number] {
  if (/^#[0-9a-f]{3}$/i.test(css)) css = `#${css[1]}${css[1]}${css[2]}${css[2]}${css[3]}${css[3]}`;
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(css);
  if (hex) return [parseInt(hex[1]!, 16), parseInt(hex[2]!, 16), parseInt(hex[3]!, 16)];
  const m = css.match(/\d+(\.\d+)?/g) ?? ['136', '136', '136'];
  return [Number(m[0]), Number(m[1]), Number(m[2])];
}

/**
 * Paints a side×side map onto a canvas, scaled up without smoothing. `scale` signed
 * maps value / limit onto PuOr (white zero); with `ink`, the digit's strokes darken
 * the colours underneath so map and digit read together.
 */
function paint(canvas: HTMLCanvasElement, values: ArrayLike<number>, side: number, scale: 'signed' | 'magnitude', lo: number, hi: number, ink?: ArrayLike<number>): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const img = ctx.createImageData(side, side);
  for (let i = 0; i < side * side; i++) {
    const [r, g, b] = rgb(colourFor(values[i]!, scale, lo, hi));
    const dark = ink ? 1 - 0.55 * Math.min(1, Math.max(0, ink[i]!)) : 1;
    img.data.set([r * dark, g * dark, b * dark, 255], i * 4);
  }
  const off = new OffscreenCanvas(side, side);
  off.getContext('2d')!.putImageData(img, 0, 0);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(off, 0, 0, canvas.width, canvas.height);
}

function maxAbs(values: ArrayLike<number>): number {
  const [lo, hi] = extent(values);
  return Math.max(Math.abs(lo), Math.abs(hi));
}

class AttributionFigure extends LiveFigure<typeof attributionSchema, AttributionSelection, AttributionView> {
  private last: AttributionView | null = null;

  constructor(root: HTMLElement) {
    super(root, attributionSchema, ['more'], (name) =>
      new Worker(new URL('../../src/worker/attribution.worker.ts', import.meta.url), { type: 'module', name }),
    );
    for (const key of [...SELECTION_KEYS, 'ckpt', 'overlay'] as const) {
      this.$<HTMLInputElement | HTMLSelectElement>(`[name="${key}"]`).value = String(this.state[key]);
    }
    for (const key of SELECTION_KEYS) {
      const el = this.$<HTMLInputElement | HTMLSelectElement>(`[name="${key}"]`);
      el.addEventListener('change', () => {
        const parsed = parseField(attributionSchema[key], el.value);
        if (!parsed.ok) {
          this.notices.add(`${attributionSchema[key].label} ${parsed.reason}; keeping ${String(this.state[key])}.`);
          el.value = String(this.state[key]);
          return;
        }
        this.computing();
        this.select({ [key]: parsed.value });
      });
    }
    const digitInput = this.$<HTMLInputElement>('input[name="digit"]');
    const step = (d: number) => {
      const digit = Math.min(attributionSchema.digit.max, Math.max(0, this.state.digit + d));
      digitInput.value = String(digit);
      this.computing();
      this.select({ digit });
    };
    this.$('[data-action="prev-digit"]').addEventListener('click', () => step(-1));
    this.$('[data-action="next-digit"]').addEventListener('click', () => step(1));
    const overlay = this.$<HTMLSelectElement>('[name="overlay"]');
    overlay.addEventListener('change', () => {
      this.state = { ...this.state, overlay: overlay.value === 'off' ? 'off' : 'on' };
      this.syncUrl();
      if (this.last) this.render(this.last);
    });
    // Switching checkpoints swaps the weights in place: no download of the digits again.
    const ckpt = this.$<HTMLSelectElement>('[name="ckpt"]');
    ckpt.addEventListener('change', () => {
      const parsed = parseField(attributionSchema.ckpt, ckpt.value);
      if (!parsed.ok) return;
      const epoch = Number(parsed.value);
      this.send({ type: 'pause' });
      this.state = { ...this.state, ckpt: String(parsed.value), epoch };
      this.onReset();
      this.computing();
      this.send({ type: 'checkpoint', epoch });
      this.syncUrl();
    });
    this.start();
  }

  private computing(): void {
    this.root.dataset.viewReady = 'false';
  }

  protected selection(): AttributionSelection {
    return selectionOf(this.state);
  }

  protected onLoading(fraction: number): void {
    this.$<HTMLProgressElement>('[data-out="progress"]').value = fraction;
  }

  protected onBatch(r: BatchReport): void {
    const start = Number(this.state.ckpt);
    const total = this.state.more;
    this.$<HTMLProgressElement>('[data-out="progress"]').value = (r.epoch - start + r.batch / r.batchesPerEpoch) / total;
    this.$('[data-out="readout"]').textContent = `training epoch ${r.epoch + 1}, batch ${r.batch} of ${r.batchesPerEpoch}…`;
  }

  protected onReports(_reports: EpochReport[]): void {}

  protected onReset(): void {
    this.$<HTMLProgressElement>('[data-out="progress"]').value = 0;
  }

  protected render(v: AttributionView): void {
    this.last = v;
    const d = this.root.dataset;
    d.checkpoint = String(v.checkpoint);
    d.target = String(v.target);
    d.digit = String(v.digit.index);
    d.viewKey = `${v.checkpoint}:${v.epoch}:${v.digit.index}:${v.target}:${v.ig.steps}`;
    this.$<HTMLProgressElement>('[data-out="progress"]').value = v.trainedSince ? v.trainedSince / this.state.more : 1;
    const trained =
      v.epoch === 0
        ? 'untrained weights'
        : v.trainedSince === 0
          ? `checkpoint after ${v.epoch} epoch${v.epoch === 1 ? '' : 's'}${v.checkpointTestAccuracy === null ? '' : `, test accuracy ${(v.checkpointTestAccuracy * 100).toFixed(1)}%`}`
          : `checkpoint ${v.checkpoint} trained ${v.trainedSince} more epoch${v.trainedSince === 1 ? '' : 's'} here (epoch ${v.epoch}${v.lastTrainAccuracy === null ? '' : `, training accuracy ${(v.lastTrainAccuracy * 100).toFixed(1)}%`})`;
    const p = v.digit.probabilities;
    this.$('[data-out="readout"]').textContent =
      `${trained} · digit #${v.digit.index} is a ${v.digit.label}, predicted ${v.predicted} (p = ${formatNumber(p[v.predicted]!)}) · explaining class ${v.target} (p = ${formatNumber(p[v.target]!)})`;

    const ink = this.state.overlay === 'on' ? v.digit.pixels : undefined;
    drawDigit(this.$<HTMLCanvasElement>('[data-view="digit"]'), v.digit.pixels);
    this.$('[data-out="digit-note"]').textContent = `label ${v.digit.label}`;
    drawDigit(this.$<HTMLCanvasElement>('[data-view="baseline"]'), v.ig.baseline);
    const baseName = ({ black: 'zeros (no ink)', mean: 'the mean digit', blur: 'the blurred digit' } as Record<string, string>)[this.state.base] ?? this.state.base;
    this.$('[data-out="ig-note"]').textContent = `${baseName} · f(x′) = ${formatNumber(v.ig.fBaseline)}`;
    for (const m of v.maps) {
      const limit = Math.max(Math.abs(m.min), Math.abs(m.max)) || 1;
      const canvas = this.$<HTMLCanvasElement>(`[data-map="${m.id}"]`);
      paint(canvas, m.values, SIZE, 'signed', -limit, limit, ink);
      canvas.setAttribute('aria-label', `${METHOD_LABELS[m.id]} for digit #${v.digit.index}, class ${v.target}: sum ${formatNumber(m.sum)}, from ${formatNumber(m.min)} to ${formatNumber(m.max)}; the values pooled to 7×7 are in the tables below`);
      const note = m.id === 'ig' ? ` · gap ${v.ig.gapPercent.toFixed(2)}%` : '';
      this.$(`[data-out="note-${m.id}"]`).textContent = `max |·| ${formatNumber(limit)}${note}`;
    }
    this.$('[data-view="legend"]').replaceChildren(legend('signed', -1, 1));

    drawBars(this.$('[data-view="probabilities"]'), DIGITS, p, v.target);
    const side = v.layer.side;
    const [alo, ahi] = extent(v.layer.activation);
    paint(this.$<HTMLCanvasElement>('[data-view="activation"]'), v.layer.activation, side, 'magnitude', alo, ahi);
    this.$('[data-view="activation-legend"]').replaceChildren(legend('magnitude', alo, ahi));
    const g = maxAbs(v.layer.gradient) || 1;
    paint(this.$<HTMLCanvasElement>('[data-view="gradient"]'), v.layer.gradient, side, 'signed', -g, g);
    this.$('[data-view="gradient-legend"]').replaceChildren(legend('signed', -g, g));

    const delta = v.ig.fx - v.ig.fBaseline;
    drawTable(this.$('[data-table="ig"]'), {
      caption: `Integrated gradients, completeness: class ${v.target}, ${v.ig.steps} steps (${v.ig.rule}); the gap is |Σ IG − (f(x) − f(x′))|`,
      columns: ['f(x)', 'f(x′)', 'f(x) − f(x′)', 'Σ IG', 'gap', 'gap % of |f(x) − f(x′)|'],
      rows: [{ label: 'IG', values: [v.ig.fx, v.ig.fBaseline, delta, v.ig.sum, v.ig.gap, v.ig.gapPercent] }],
    });
    drawTable(this.$('[data-table="methods"]'), {
      caption: `Each map over the 784 pixels (class ${v.target})`,
      columns: ['sum', 'min', 'max', 'max |·|'],
      rows: v.maps.map((m) => ({ label: METHOD_LABELS[m.id], values: [m.sum, m.min, m.max, Math.max(Math.abs(m.min), Math.abs(m.max))] })),
    });
    drawTable(this.$('[data-table="probabilities"]'), {
      caption: `Test digit #${v.digit.index}: label ${v.digit.label}, predicted ${v.predicted}`,
      columns: DIGITS,
      rows: [{ label: 'p(digit)', values: p }],
    });
    drawTable(this.$('[data-table="alpha"]'), {
      caption: `Grad-CAM weights α_k for class ${v.target}: the mean of ∂y_c/∂A^k over the 7×7 positions of ${'last_conv'}, one per channel k`,
      columns: Array.from({ length: 8 }, (_, j) => `k + ${j}`),
      rows: Array.from({ length: Math.ceil(v.alpha.length / 8) }, (_, r) => ({ label: `k = ${8 * r}`, values: v.alpha.slice(8 * r, 8 * r + 8) })),
    });
    const pooledTable = (key: string, caption: string, pooled: Float32Array) =>
      drawTable(this.$(`[data-table="pooled-${key}"]`), {
        caption,
        columns: COLS,
        rows: Array.from({ length: POOLED }, (_, i) => ({ label: `rows ${4 * i}–${4 * i + 3}`, values: pooled.slice(i * POOLED, (i + 1) * POOLED) })),
      });
    for (const m of v.maps) pooledTable(m.id, `${METHOD_LABELS[m.id]}, class ${v.target}: mean of each 4×4 block of pixels`, m.pooled);
    pooledTable('activation', `Activation map of ${v.layer.name} (mean of its ${v.layer.channels} channels), mean of each 2×2 block`, pool(v.layer.activation, side, POOLED));
    pooledTable('gradient', `Gradient map ∂y_c/∂A of ${v.layer.name}, class ${v.target} (mean of its ${v.layer.channels} channels), mean of each 2×2 block`, pool(v.layer.gradient, side, POOLED));
    d.viewReady = 'true';
  }
}
