/**
 * The MLP activation-map figure: draws the loss curves, the activation of every
 * neuron of every layer for the chosen digit, and the first layer's weights as 64
 * images, from the plain numbers its worker sends. Worker, training buttons and
 * link state are the shared LiveFigure.
 */
import { mlpActivationsSchema } from '../../src/figures/mlp-activations/state.ts';
import type { MlpActivationsView } from '../../src/figures/mlp-activations/session.ts';
import type { EpochReport } from '../../src/train/trainer.ts';
import { parseField } from '../../src/state/url-state.ts';
import { extent, pixelColours } from '../views/palette.ts';
import { legend } from '../views/heatmap.ts';
import { paintMap, rgb } from '../views/paint-map.ts';
import { drawTable } from '../views/table.ts';
import { drawDigit } from '../views/digit.ts';
import { drawBars } from '../views/bars.ts';
import { LineChart } from '../views/line-chart.ts';
import { formatNumber } from '../views/format.ts';
import { LiveFigure } from './live-figure.ts';
import { t } from '../../src/i18n/ui.ts';
import { fieldLabel } from '../../src/state/url-state.ts';

const DIGITS = Array.from({ length: 10 }, (_, i) => String(i));
const SIDE = 28;
/** Weight tiles per row, and the canvas pixels between tiles. */
const TILES = 8;
const GAP = 1;
/** The hidden-1 neurons outlined in the weight grid: the most active for the digit. */
const TOP = 3;
/** The weight table summarises each image by the mean of its 7×7-pixel blocks (4×4 of them). */
const BLOCK = 7;

export function mount(root: HTMLElement): void {
  new MlpActivationsFigure(root);
}

function maxAbs(values: ArrayLike<number>): number {
  const [lo, hi] = extent(values);
  return Math.max(Math.abs(lo), Math.abs(hi));
}

/** Draws the 64 weight vectors as 28×28 tiles in an 8×8 grid on one signed scale; outlines `marked` tiles. */
function paintWeights(canvas: HTMLCanvasElement, w: Float32Array, units: number, limit: number, marked: number[], ring: string): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const rows = Math.ceil(units / TILES);
  const width = TILES * (SIDE + GAP) + GAP;
  const height = rows * (SIDE + GAP) + GAP;
  canvas.width = width;
  canvas.height = height;
  const img = new ImageData(width, height);
  const [rr, rg, rb] = rgb(ring);
  const colour = pixelColours('signed', -limit, limit);
  for (let j = 0; j < units; j++) {
    const x0 = GAP + (j % TILES) * (SIDE + GAP);
    const y0 = GAP + Math.floor(j / TILES) * (SIDE + GAP);
    for (let p = 0; p < SIDE * SIDE; p++) {
      const [r, g, b] = colour(w[j * SIDE * SIDE + p]!);
      const at = ((y0 + Math.floor(p / SIDE)) * width + x0 + (p % SIDE)) * 4;
      img.data.set([r, g, b, 255], at);
    }
    if (!marked.includes(j)) continue;
    // A one-pixel ring in the gap around the tile.
    for (let t = -1; t <= SIDE; t++) {
      for (const [x, y] of [[x0 + t, y0 - 1], [x0 + t, y0 + SIDE], [x0 - 1, y0 + t], [x0 + SIDE, y0 + t]] as const) {
        img.data.set([rr, rg, rb, 255], (y * width + x) * 4);
      }
    }
  }
  ctx.putImageData(img, 0, 0);
}

class MlpActivationsFigure extends LiveFigure<typeof mlpActivationsSchema, number, MlpActivationsView> {
  private readonly loss: LineChart;
  /** The untrained network's test loss is plotted once, at epoch 0. */
  private plottedStart = false;
  private last: MlpActivationsView | null = null;

  constructor(root: HTMLElement) {
    super(root, mlpActivationsSchema, ['seed', 'lr', 'epochs'], (name) =>
      new Worker(new URL('../../src/worker/mlp-activations.worker.ts', import.meta.url), { type: 'module', name }),
    );
    this.loss = new LineChart(
      this.$('[data-view="loss"]'),
      [
        { label: t('mlpact.trainingLoss'), colour: '--book-pos' },
        { label: t('mlpact.testLoss'), colour: '--book-neg', dash: [6, 4] },
      ],
      { yLabel: t('mlpact.crossEntropy'), log: true },
    );
    const digitInput = this.$<HTMLInputElement>('input[name="digit"]');
    digitInput.value = String(this.state.digit);
    const pick = (digit: number) => {
      digitInput.value = String(digit);
      this.root.dataset.viewReady = 'false';
      this.select({ digit });
    };
    digitInput.addEventListener('change', () => {
      const parsed = parseField(mlpActivationsSchema.digit, digitInput.value);
      if (!parsed.ok) {
        this.notices.add(t('live.badControl', { label: fieldLabel(mlpActivationsSchema.digit), reason: parsed.reason, value: this.state.digit }));
        digitInput.value = String(this.state.digit);
        return;
      }
      pick(Number(parsed.value));
    });
    const step = (d: number) => pick(Math.min(mlpActivationsSchema.digit.max, Math.max(0, this.state.digit + d)));
    this.$('[data-action="prev-digit"]').addEventListener('click', () => step(-1));
    this.$('[data-action="next-digit"]').addEventListener('click', () => step(1));
    // What the weight images show is a choice of picture, not of model: no worker round trip.
    const wshow = this.$<HTMLSelectElement>('select[name="wshow"]');
    wshow.value = this.state.wshow;
    wshow.addEventListener('change', () => {
      this.state = { ...this.state, wshow: wshow.value === 'delta' ? 'delta' : 'w' };
      this.syncUrl();
      if (this.last) this.drawWeights(this.last);
    });
    this.start();
  }

  protected selection(): number {
    return this.state.digit;
  }

  protected onLoading(_fraction: number, message: string): void {
    this.$('[data-out="metrics"]').textContent = message;
  }

  protected onReports(reports: EpochReport[]): void {
    for (const r of reports) this.loss.push(r.epoch, [r.loss, r.valLoss ?? NaN]);
  }

  protected onReset(): void {
    this.loss.clear();
    this.plottedStart = false;
    this.root.dataset.viewReady = 'false';
  }

  protected render(v: MlpActivationsView): void {
    this.last = v;
    const d = this.root.dataset;
    d.loss = String(v.testLoss);
    d.accuracy = String(v.testAccuracy);
    d.digit = String(v.digit.index);
    d.viewKey = `${v.epoch}:${v.digit.index}`;
    if (v.epoch === 0 && !this.plottedStart) {
      this.loss.push(0, [NaN, v.testLoss]);
      this.plottedStart = true;
    }
    this.$('[data-out="epoch"]').textContent = t('mlpact.epoch', { epoch: v.epoch });
    const out = v.layers[2]!.values;
    this.$('[data-out="metrics"]').textContent =
      t('mlpact.metrics', {
        loss: formatNumber(v.testLoss),
        accuracy: (v.testAccuracy * 100).toFixed(1),
        index: v.digit.index,
        label: v.digit.label,
        predicted: v.predicted,
        p: formatNumber(out[v.predicted]!),
      });

    drawDigit(this.$<HTMLCanvasElement>('[data-view="input"]'), v.digit.pixels);
    const [h1, h2] = [v.layers[0]!, v.layers[1]!];
    for (const [layer, rows] of [[h1, 8], [h2, 4]] as const) {
      const [, hi] = extent(layer.values);
      const top = hi > 0 ? hi : 1;
      const canvas = this.$<HTMLCanvasElement>(`[data-view="act-${layer.name}"]`);
      paintMap(canvas, layer.values, rows, TILES, { scale: 'magnitude', lo: 0, hi: top });
      const strongest = Array.from(layer.values).reduce((best, a, j, all) => (a > all[best]! ? j : best), 0);
      const layerName = t(`mlpact.layer.${layer.name}`);
      canvas.setAttribute('aria-label', t('mlpact.activationsLabel', { count: layer.values.length, layer: layerName, index: v.digit.index, max: formatNumber(hi), strongest }));
      this.$(`[data-view="legend-${layer.name}"]`).replaceChildren(legend('magnitude', 0, top));
      drawTable(this.$(`[data-table="act-${layer.name}"]`), {
        caption: t('mlpact.activationsCaption', { layer: layerName, n: layer.name === 'hidden1' ? '¹' : '²', index: v.digit.index }),
        columns: Array.from({ length: TILES }, (_, c) => `+${c}`),
        rows: Array.from({ length: rows }, (_, r) => ({ label: `j = ${TILES * r}`, values: layer.values.slice(TILES * r, TILES * (r + 1)) })),
      });
    }
    drawBars(this.$('[data-view="act-output"]'), DIGITS, out, v.predicted);
    drawTable(this.$('[data-table="act-output"]'), {
      caption: t('mlpact.outputTableCaption', { index: v.digit.index, label: v.digit.label }),
      columns: DIGITS,
      rows: [{ label: 'p(digit)', values: out }],
    });

    this.drawWeights(v);
    drawTable(this.$('[data-table="metrics"]'), {
      caption: t('mlpact.metricsCaption', { epoch: v.epoch }),
      columns: [t('mlpact.epochColumn'), t('mlpact.testLoss'), t('mlpact.testAccuracy')],
      rows: [{ label: 'MLP 784 → 64 → 32 → 10', values: [v.epoch, v.testLoss, v.testAccuracy] }],
    });
  }

  /** The weight grid (W or its change since epoch 0, on one shared scale) and the weight tables. */
  private drawWeights(v: MlpActivationsView): void {
    const w = v.weights;
    const change = w.values.map((x, i) => x - w.initial[i]!);
    const delta = this.state.wshow === 'delta';
    const shown = delta ? change : w.values;
    const limit = maxAbs(shown) || 1;
    const h1 = v.layers[0]!;
    const marked = Array.from(h1.values, (a, j) => [a, j] as const)
      .sort((a, b) => b[0] - a[0])
      .slice(0, TOP)
      .filter(([a]) => a > 0)
      .map(([, j]) => j);
    const ring = getComputedStyle(this.root).getPropertyValue('--sl-color-white').trim() || '#000';
    const canvas = this.$<HTMLCanvasElement>('[data-view="weights"]');
    paintWeights(canvas, shown, w.units, limit, marked, ring);
    const what = t(delta ? 'mlpact.whatDelta' : 'mlpact.whatW', { units: w.units });
    canvas.setAttribute('aria-label', t('mlpact.weightsAria', { what, epoch: v.epoch, limit: formatNumber(limit), marked: marked.join(', ') }));
    this.$('[data-view="weights-legend"]').replaceChildren(legend('signed', -limit, limit));
    this.root.dataset.weightsShown = this.state.wshow;
    const blocks = SIDE / BLOCK;
    const summary = (values: Float32Array, bias: ArrayLike<number>) =>
      Array.from({ length: w.units }, (_, j) => {
        const img = values.subarray(j * SIDE * SIDE, (j + 1) * SIDE * SIDE);
        let norm = 0;
        for (const x of img) norm += x * x;
        const [lo, hi] = extent(img);
        const means = new Float32Array(blocks * blocks);
        for (let p = 0; p < img.length; p++) means[Math.floor(Math.floor(p / SIDE) / BLOCK) * blocks + Math.floor((p % SIDE) / BLOCK)]! += img[p]! / (BLOCK * BLOCK);
        return { label: t('mlpact.neuron', { j }), values: [bias[j]!, Math.sqrt(norm), lo, hi, ...means] };
      });
    const blockColumns = Array.from({ length: blocks * blocks }, (_, b) => t('mlpact.block', { r: Math.floor(b / blocks), c: b % blocks }));
    drawTable(this.$('[data-table="weights"]'), {
      caption: t('mlpact.weightsCaption', { epoch: v.epoch }),
      columns: [t('mlpact.bias'), '‖W_j‖', t('mlpact.min'), t('mlpact.max'), ...blockColumns],
      rows: summary(w.values, w.bias),
    });
    drawTable(this.$('[data-table="weights-change"]'), {
      caption: t('mlpact.changeCaption'),
      columns: [t('mlpact.bias'), '‖ΔW_j‖', t('mlpact.min'), t('mlpact.max'), ...blockColumns],
      rows: summary(change, w.bias),
    });
  }
}
