/**
 * The attribution figure: the fast or the documents' CNN from a pre-trained
 * checkpoint picked on a slider (or trained further), and six attribution maps of
 * one test digit on signed colour scales (per map, or shared by maps in the same
 * units), the IG completeness gap, and a convolution's activation map beside its
 * gradient map. Every picture's numbers are drawn as tables too.
 */
import {
  attributionSchema,
  checkedCheckpoint,
  METHOD_UNITS,
  MODEL_CHECKPOINTS,
  selectionOf,
  type AttributionSelection,
  type MethodId,
  type ModelId,
} from '../../src/figures/attribution/state.ts';
import type { AttributionView } from '../../src/figures/attribution/session.ts';
import { pool, POOLED, SIZE } from '../../src/figures/attribution/grid.ts';
import type { BatchReport, EpochReport } from '../../src/train/trainer.ts';
import { fieldLabel, parseField } from '../../src/state/url-state.ts';
import { t } from '../../src/i18n/ui.ts';
import { extent } from '../views/palette.ts';
import { paintMap } from '../views/paint-map.ts';
import { legend } from '../views/heatmap.ts';
import { drawTable } from '../views/table.ts';
import { drawDigit } from '../views/digit.ts';
import { drawBars } from '../views/bars.ts';
import { formatNumber } from '../views/format.ts';
import { LiveFigure } from './live-figure.ts';

const DIGITS = Array.from({ length: 10 }, (_, i) => String(i));
const cols = () => Array.from({ length: POOLED }, (_, j) => t('attr.cols', { from: 4 * j, to: 4 * j + 3 }));
const methodLabel = (m: MethodId) => t(`attr.method.${m}`);
/** Controls that change only what is explained, not the model. */
const SELECTION_KEYS = ['digit', 'target', 'sal', 'sgn', 'sgs', 'base', 'steps', 'rule'] as const;

export function mount(root: HTMLElement): void {
  new AttributionFigure(root);
}

/** Paints a side×side map onto a canvas (see paintMap), optionally with the digit's ink over it. */
function paint(canvas: HTMLCanvasElement, values: ArrayLike<number>, side: number, scale: 'signed' | 'magnitude', lo: number, hi: number, ink?: ArrayLike<number>): void {
  paintMap(canvas, values, side, side, { scale, lo, hi, ink });
}

/** Rows of a side×side map for its table: pooled to 7×7 if larger than 12×12 and divisible, else every cell. */
function mapRows(values: Float32Array, side: number): { columns: string[]; rows: { label: string; values: Float32Array }[]; how: string } {
  if (side > 12 && side % POOLED === 0) {
    const f = side / POOLED;
    const pooled = pool(values, side, POOLED);
    return {
      columns: Array.from({ length: POOLED }, (_, j) => t('attr.cols', { from: f * j, to: f * j + f - 1 })),
      rows: Array.from({ length: POOLED }, (_, i) => ({ label: t('attr.rows', { from: f * i, to: f * i + f - 1 }), values: pooled.slice(i * POOLED, (i + 1) * POOLED) })),
      how: t('attr.blockMean', { f }),
    };
  }
  return {
    columns: Array.from({ length: side }, (_, j) => t('attr.col', { i: j })),
    rows: Array.from({ length: side }, (_, i) => ({ label: t('attr.row', { i }), values: values.slice(i * side, (i + 1) * side) })),
    how: t('attr.everyPosition', { side }),
  };
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
    // A link may name a checkpoint its model does not have: correct it, and say so.
    const checked = checkedCheckpoint(this.state);
    if (checked.notice) {
      const epochs = MODEL_CHECKPOINTS[this.state.model === 'documents' ? 'documents' : 'fast'];
      this.notices.add(t('attr.ckptNotice', { model: t(`attr.short.${this.state.model}`), epochs: epochs.join(', '), last: checked.state.ckpt }));
    }
    this.state = checked.state;
    for (const key of [...SELECTION_KEYS, 'model', 'scale', 'overlay'] as const) {
      this.$<HTMLInputElement | HTMLSelectElement>(`[name="${key}"]`).value = String(this.state[key]);
    }
    for (const key of SELECTION_KEYS) {
      const el = this.$<HTMLInputElement | HTMLSelectElement>(`[name="${key}"]`);
      el.addEventListener('change', () => {
        const parsed = parseField(attributionSchema[key], el.value);
        if (!parsed.ok) {
          this.notices.add(t('live.badControl', { label: fieldLabel(attributionSchema[key]), reason: parsed.reason, value: String(this.state[key]) }));
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
    // Overlay and colour scale change the picture, not the numbers: no worker round trip.
    for (const key of ['overlay', 'scale'] as const) {
      const el = this.$<HTMLSelectElement>(`[name="${key}"]`);
      el.addEventListener('change', () => {
        const parsed = parseField(attributionSchema[key], el.value);
        if (!parsed.ok) return;
        this.state = { ...this.state, [key]: String(parsed.value) };
        this.syncUrl();
        if (this.last) this.render(this.last);
      });
    }
    // Switching checkpoints swaps the weights in place: no download of the digits again.
    const slider = this.slider();
    this.showSlider();
    slider.addEventListener('input', () => this.showSlider(Number(slider.value)));
    slider.addEventListener('change', () => {
      const epochs = MODEL_CHECKPOINTS[this.model()];
      const ckpt = epochs[Number(slider.value)];
      if (ckpt === undefined || ckpt === this.state.ckpt) return;
      const epoch = Number(ckpt);
      this.send({ type: 'pause' });
      this.state = { ...this.state, ckpt, epoch };
      this.onReset();
      this.computing();
      this.send({ type: 'checkpoint', epoch });
      this.syncUrl();
    });
    // Another model is another network: rebuild the session at that model's last checkpoint.
    const model = this.$<HTMLSelectElement>('[name="model"]');
    model.addEventListener('change', () => {
      const parsed = parseField(attributionSchema.model, model.value);
      if (!parsed.ok) return;
      const epochs = MODEL_CHECKPOINTS[parsed.value as ModelId];
      this.state = { ...this.state, model: String(parsed.value), ckpt: epochs[epochs.length - 1]! };
      this.showSlider();
      this.computing();
      this.reset();
      this.syncUrl();
    });
    this.start();
  }

  private model(): ModelId {
    return this.state.model === 'documents' ? 'documents' : 'fast';
  }

  private slider(): HTMLInputElement {
    return this.$<HTMLInputElement>('input[name="ckpt"]');
  }

  /** Sets the slider's range to the model's checkpoints and labels position `at` (default: the state's). */
  private showSlider(at?: number): void {
    const slider = this.slider();
    const epochs = MODEL_CHECKPOINTS[this.model()];
    slider.max = String(epochs.length - 1);
    const index = at ?? Math.max(0, epochs.indexOf(this.state.ckpt));
    if (at === undefined) slider.value = String(index);
    const epoch = epochs[index] ?? '0';
    const accuracy = (JSON.parse(slider.dataset.accuracy ?? '{}') as Record<string, Record<string, string>>)[this.model()]?.[epoch];
    const one = epoch === '1' ? 'attr.oneEpoch' : 'attr.epochs';
    const text = epoch === '0' ? t('attr.untrained') : t(accuracy ? `${one}Accuracy` : one, { epochs: epoch, accuracy });
    slider.setAttribute('aria-valuetext', text);
    this.$('[data-out="ckpt-label"]').textContent = text;
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
    this.$('[data-out="readout"]').textContent = t('attr.trainingBatch', { epoch: r.epoch + 1, batch: r.batch, batches: r.batchesPerEpoch });
  }

  protected onReports(_reports: EpochReport[]): void {}

  protected onReset(): void {
    this.$<HTMLProgressElement>('[data-out="progress"]').value = 0;
  }

  protected render(v: AttributionView): void {
    this.last = v;
    const d = this.root.dataset;
    d.checkpoint = String(v.checkpoint);
    d.model = v.model;
    d.target = String(v.target);
    d.digit = String(v.digit.index);
    // For self-checking exercises (FigureTask): is the digit classified right, is the explained class the predicted one.
    d.correct = String(v.predicted === v.digit.label);
    d.explainsPredicted = String(v.target === v.predicted);
    d.viewKey = `${v.model}:${v.checkpoint}:${v.epoch}:${v.digit.index}:${v.target}:${v.ig.steps}`;
    this.$<HTMLProgressElement>('[data-out="progress"]').value = v.trainedSince ? v.trainedSince / this.state.more : 1;
    const percent = (x: number) => (x * 100).toFixed(1);
    const trained =
      v.epoch === 0
        ? t('attr.untrainedWeights')
        : v.trainedSince === 0
          ? t(v.epoch === 1 ? 'attr.afterOneEpoch' : 'attr.afterEpochs', { epochs: v.epoch }) +
            (v.checkpointTestAccuracy === null ? '' : t('attr.testAccuracy', { accuracy: percent(v.checkpointTestAccuracy) }))
          : t('attr.trainedMore', {
              checkpoint: v.checkpoint,
              more: v.trainedSince,
              epoch: v.epoch,
              accuracy: v.lastTrainAccuracy === null ? '' : t('attr.trainingAccuracy', { accuracy: percent(v.lastTrainAccuracy) }),
            }).replace(/ 1 more epochs/, ' 1 more epoch');
    const p = v.digit.probabilities;
    this.$('[data-out="readout"]').textContent = t('attr.readout', {
      model: t(`attr.short.${v.model === 'documents' ? 'documents' : 'fast'}`),
      trained,
      index: v.digit.index,
      label: v.digit.label,
      predicted: v.predicted,
      pPred: formatNumber(p[v.predicted]!),
      target: v.target,
      pTarget: formatNumber(p[v.target]!),
    });

    const ink = this.state.overlay === 'on' ? v.digit.pixels : undefined;
    drawDigit(this.$<HTMLCanvasElement>('[data-view="digit"]'), v.digit.pixels);
    this.$('[data-out="digit-note"]').textContent = t('attr.label', { label: v.digit.label });
    drawDigit(this.$<HTMLCanvasElement>('[data-view="baseline"]'), v.ig.baseline);
    const baseName = t(`attr.baseNote.${this.state.base}`);
    this.$('[data-out="ig-note"]').textContent = `${baseName} · f(x′) = ${formatNumber(v.ig.fBaseline)}`;
    // Colour limits: each map its own largest |value|, or one limit per unit shared by the maps in it.
    const own = (m: AttributionView['maps'][number]) => Math.max(Math.abs(m.min), Math.abs(m.max)) || 1;
    const shared = this.state.scale === 'shared';
    const groupLimit = new Map<string, number>();
    for (const m of v.maps) groupLimit.set(METHOD_UNITS[m.id], Math.max(groupLimit.get(METHOD_UNITS[m.id]) ?? 0, own(m)));
    for (const m of v.maps) {
      const limit = shared ? groupLimit.get(METHOD_UNITS[m.id])! : own(m);
      const canvas = this.$<HTMLCanvasElement>(`[data-map="${m.id}"]`);
      paint(canvas, m.values, SIZE, 'signed', -limit, limit, ink);
      canvas.setAttribute(
        'aria-label',
        t('attr.mapAriaFull', { method: methodLabel(m.id), index: v.digit.index, target: v.target, sum: formatNumber(m.sum), min: formatNumber(m.min), max: formatNumber(m.max), limit: formatNumber(limit) }),
      );
      const note = m.id === 'ig' ? t('attr.gap', { gap: v.ig.gapPercent.toFixed(2) }) : '';
      this.$(`[data-out="note-${m.id}"]`).textContent = `max |·| ${formatNumber(own(m))}${shared ? t('attr.scaleNote', { limit: formatNumber(limit) }) : ''}${note}`;
    }
    // CAM needs global average pooling before one dense layer; the documents' CNN has Flatten → Dense → Dense.
    if (!v.maps.some((m) => m.id === 'cam')) {
      const canvas = this.$<HTMLCanvasElement>('[data-map="cam"]');
      canvas.getContext('2d')?.clearRect(0, 0, canvas.width, canvas.height);
      canvas.setAttribute('aria-label', t('attr.camUndefinedAria'));
      this.$('[data-out="note-cam"]').textContent = t('attr.camUndefined');
      this.$('[data-table="pooled-cam"]').replaceChildren();
    }
    this.root.dataset.scale = this.state.scale;
    this.$('[data-out="scale-note"]').textContent = shared
      ? t('attr.scaleShared', { gradient: formatNumber(groupLimit.get('gradient') ?? 0), contribution: formatNumber(groupLimit.get('contribution') ?? 0) })
      : t('attr.scaleEach');
    this.$('[data-view="legend"]').replaceChildren(legend('signed', -1, 1));
    this.$('[data-view="legend"] .legend span:first-child').textContent = t('attr.limitLo');
    this.$('[data-view="legend"] .legend span:last-child').textContent = t('attr.limitHi');

    drawBars(this.$('[data-view="probabilities"]'), DIGITS, p, v.target);
    const side = v.layer.side;
    this.$('[data-out="probe-name"]').textContent = `${v.layer.name}, ${side}×${side}×${v.layer.channels}`;
    this.$('[data-out="activation-caption"]').textContent = t('attr.activationCaption', { channels: v.layer.channels });
    this.$('[data-out="gradient-caption"]').textContent = t('attr.gradientCaption', { target: v.target, channels: v.layer.channels });
    const [alo, ahi] = extent(v.layer.activation);
    paint(this.$<HTMLCanvasElement>('[data-view="activation"]'), v.layer.activation, side, 'magnitude', alo, ahi);
    this.$('[data-view="activation-legend"]').replaceChildren(legend('magnitude', alo, ahi));
    const g = maxAbs(v.layer.gradient) || 1;
    paint(this.$<HTMLCanvasElement>('[data-view="gradient"]'), v.layer.gradient, side, 'signed', -g, g);
    this.$('[data-view="gradient-legend"]').replaceChildren(legend('signed', -g, g));

    const delta = v.ig.fx - v.ig.fBaseline;
    drawTable(this.$('[data-table="ig"]'), {
      caption: t('attr.igCaption', { target: v.target, steps: v.ig.steps, rule: t(`attr.rule.${v.ig.rule}`) }),
      columns: ['f(x)', 'f(x′)', 'f(x) − f(x′)', 'Σ IG', t('attr.gapCol'), t('attr.gapPercentCol')],
      rows: [{ label: 'IG', values: [v.ig.fx, v.ig.fBaseline, delta, v.ig.sum, v.ig.gap, v.ig.gapPercent] }],
    });
    drawTable(this.$('[data-table="methods"]'), {
      caption: t('attr.methodsCaption', { target: v.target }),
      columns: [t('attr.sum'), 'min', 'max', 'max |·|'],
      rows: v.maps.map((m) => ({ label: methodLabel(m.id), values: [m.sum, m.min, m.max, Math.max(Math.abs(m.min), Math.abs(m.max))] })),
    });
    drawTable(this.$('[data-table="probabilities"]'), {
      caption: t('attr.probCaption', { index: v.digit.index, label: v.digit.label, predicted: v.predicted }),
      columns: DIGITS,
      rows: [{ label: 'p(digit)', values: p }],
    });
    drawTable(this.$('[data-table="alpha"]'), {
      caption: t('attr.alphaCaption', { target: v.target, side: v.gradCamLayer.side, layer: v.gradCamLayer.name }),
      columns: Array.from({ length: 8 }, (_, j) => `k + ${j}`),
      rows: Array.from({ length: Math.ceil(v.alpha.length / 8) }, (_, r) => ({ label: `k = ${8 * r}`, values: v.alpha.slice(8 * r, 8 * r + 8) })),
    });
    const pooledTable = (key: string, caption: string, pooled: Float32Array) =>
      drawTable(this.$(`[data-table="pooled-${key}"]`), {
        caption,
        columns: cols(),
        rows: Array.from({ length: POOLED }, (_, i) => ({ label: t('attr.rows', { from: 4 * i, to: 4 * i + 3 }), values: pooled.slice(i * POOLED, (i + 1) * POOLED) })),
      });
    for (const m of v.maps) pooledTable(m.id, t('attr.pooledCaption', { method: methodLabel(m.id), target: v.target }), m.pooled);
    for (const [key, values] of [
      ['activation', v.layer.activation],
      ['gradient', v.layer.gradient],
    ] as const) {
      const rows = mapRows(values, side);
      const caption = t(key === 'activation' ? 'attr.activationTable' : 'attr.gradientTable', { layer: v.layer.name, channels: v.layer.channels, target: v.target, how: rows.how });
      drawTable(this.$(`[data-table="pooled-${key}"]`), { caption, columns: rows.columns, rows: rows.rows });
    }
    d.viewReady = 'true';
  }
}
