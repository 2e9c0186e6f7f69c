/**
 * The CNN inspector's pictures, from the worker's plain answer: the drawing pad, the
 * input and its probabilities, the learned filters and the feature maps of every conv
 * and pooling layer, each with its table. No model, no tensor.
 */
import { DRAW_SIDE } from '../../src/figures/cnn-inspector/drawing.ts';
import type { FeatureMaps, FilterBank, InspectorView } from '../../src/figures/cnn-inspector/session.ts';
import { extent } from '../views/palette.ts';
import { legend } from '../views/heatmap.ts';
import { drawTable } from '../views/table.ts';
import { drawDigit } from '../views/digit.ts';
import { drawBars } from '../views/bars.ts';
import { formatNumber } from '../views/format.ts';
import { paintMap } from './paint-map.ts';
import { figurePart as part } from './figure-part.ts';
import { t } from '../../src/i18n/ui.ts';

const DIGITS = Array.from({ length: 10 }, (_, i) => String(i));

/** The pad: a grid, the inked cells of a drawing (none for a test digit), and the keyboard cursor while focused. */
export function drawPad(pad: HTMLCanvasElement, mask: Uint8Array | null, cursor: { r: number; c: number }): void {
  const ctx = pad.getContext('2d');
  if (!ctx) return;
  const cell = pad.width / DRAW_SIDE;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, pad.width, pad.height);
  ctx.strokeStyle = '#e4e4e4';
  ctx.lineWidth = 1;
  for (let i = 1; i < DRAW_SIDE; i++) {
    ctx.beginPath();
    ctx.moveTo(i * cell + 0.5, 0);
    ctx.lineTo(i * cell + 0.5, pad.height);
    ctx.moveTo(0, i * cell + 0.5);
    ctx.lineTo(pad.width, i * cell + 0.5);
    ctx.stroke();
  }
  if (mask) {
    ctx.fillStyle = '#111';
    for (let i = 0; i < mask.length; i++) {
      if (mask[i]) ctx.fillRect((i % DRAW_SIDE) * cell, Math.floor(i / DRAW_SIDE) * cell, cell, cell);
    }
  }
  if (document.activeElement === pad) {
    ctx.strokeStyle = '#d95f02';
    ctx.lineWidth = 2;
    ctx.strokeRect(cursor.c * cell + 1, cursor.r * cell + 1, cell - 2, cell - 2);
  }
}

/**
 * Everything the worker's answer shows, as steps for a SlicedRender: the input and
 * probabilities, then each layer's numbers, then each of its pictures. The figure's
 * data attributes (what tests and self-checks read) change in the last step, once
 * every table holds this view's numbers.
 */
export function inspectorSteps(root: HTMLElement, v: InspectorView): Array<() => void> {
  const steps: Array<() => void> = [() => renderInput(root, v)];
  for (const bank of v.filters) renderFilters(root, bank, steps);
  for (const maps of v.maps) renderMaps(root, maps, steps);
  steps.push(() => {
    const d = root.dataset;
    d.epoch = String(v.epoch);
    d.predicted = String(v.predicted);
    d.source = v.input.source;
  });
  return steps;
}

function renderInput(root: HTMLElement, v: InspectorView): void {
  drawDigit(part<HTMLCanvasElement>(root, '[data-view="input"]'), v.input.pixels);
  const p = v.probabilities;
  const what = v.input.source === 'drawn' ? t('cnni.yourDrawing') : t('cnni.testDigit', { index: v.input.index, label: v.input.label });
  part(root, '[data-out="input-note"]').textContent = what;
  part(root, '[data-out="pred-note"]').textContent = t('ctl.predicted', { digit: v.predicted });
  const after = t(v.epoch === 1 ? 'cnni.afterOne' : 'cnni.afterMany', { epochs: v.epoch });
  const model =
    v.epoch === 0
      ? t('cnni.untrained')
      : v.checkpointTestAccuracy === null
        ? after
        : t('cnni.withAccuracy', { model: after, accuracy: (v.checkpointTestAccuracy * 100).toFixed(1) });
  part(root, '[data-out="readout"]').textContent = t('cnni.readout', { model, what, predicted: v.predicted, p: formatNumber(p[v.predicted]!) });
  drawBars(part(root, '[data-view="probabilities"]'), DIGITS, p, v.predicted);
  drawTable(part(root, '[data-table="probabilities"]'), {
    caption: t('cnni.probabilitiesCaption', { what, predicted: v.predicted }),
    columns: DIGITS,
    rows: [{ label: t('ctl.pDigit'), values: p }],
  });
}

/** One step for the layer's numbers, then (first layer) one per filter picture. */
function renderFilters(root: HTMLElement, f: FilterBank, steps: Array<() => void>): void {
  if (f.cin === 1) {
    // First layer: each filter is a 3×3 picture, on one signed scale.
    const [lo, hi] = extent(f.kernel);
    const m = Math.max(Math.abs(lo), Math.abs(hi)) || 1;
    let list: HTMLCanvasElement[] = [];
    steps.push(() => {
      list = canvases(part(root, `[data-view="filters-${f.layer}"]`), f.cout, f.k, (k) => t('cnni.filter', { k }));
      part(root, `[data-view="legend-${f.layer}"]`).replaceChildren(legend('signed', -m, m));
      drawTable(part(root, `[data-table="filters-${f.layer}"]`), {
        caption: t('cnni.filtersCaption', { layer: f.layer, n: f.cout }),
        columns: [...Array.from({ length: f.k * f.k }, (_, i) => `w(${Math.floor(i / f.k)},${i % f.k})`), t('ctl.bias')],
        rows: Array.from({ length: f.cout }, (_, o) => ({ label: t('cnni.filter', { k: o }), values: [...Array.from({ length: f.k * f.k }, (_, i) => f.kernel[i * f.cout + o]!), f.bias[o]!] })),
      });
    });
    for (let o = 0; o < f.cout; o++) steps.push(() => paintMap(list[o]!, f.k, f.k, (i) => f.kernel[i * f.cout + o]!, 'signed', -m, m));
    return;
  }
  // Deeper layers: one number per 3×3 kernel, its norm; rows are output channels.
  const [, hi] = extent(f.norms);
  steps.push(() => {
    part(root, `[data-view="legend-${f.layer}"]`).replaceChildren(legend('magnitude', 0, hi));
    drawTable(part(root, `[data-table="norms-${f.layer}"]`), {
      caption: t('cnni.normsCaption', { layer: f.layer }),
      columns: Array.from({ length: f.cin }, (_, c) => t('cnni.in', { c })),
      rows: Array.from({ length: f.cout }, (_, o) => ({ label: t('cnni.out', { c: o }), values: f.norms.slice(o * f.cin, (o + 1) * f.cin) })),
    });
  });
  steps.push(() => {
    const canvas = part<HTMLCanvasElement>(root, `[data-view="norms-${f.layer}"]`);
    canvas.width = f.cin * 8;
    canvas.height = f.cout * 8;
    paintMap(canvas, f.cout, f.cin, (i) => f.norms[i]!, 'magnitude', 0, hi);
  });
}

/** One step for the layer's numbers, then one per feature-map picture. */
function renderMaps(root: HTMLElement, m: FeatureMaps, steps: Array<() => void>): void {
  const [, hi] = extent(m.values);
  let list: HTMLCanvasElement[] = [];
  steps.push(() => {
    list = canvases(part(root, `[data-maps="${m.layer}"]`), m.c, m.h, (k) => t('cnni.map', { k }));
    part(root, `[data-view="legend-${m.layer}-maps"]`).replaceChildren(legend('magnitude', 0, hi));
    mapNumbers(root, m);
  });
  for (let k = 0; k < m.c; k++) steps.push(() => paintMap(list[k]!, m.h, m.w, (i) => m.values[i * m.c + k]!, 'magnitude', 0, hi || 1));
}

/** The maps' note and table: per map its mean, maximum, share above zero and where its maximum is. */
function mapNumbers(root: HTMLElement, m: FeatureMaps): void {
  const rows = [];
  let active = 0;
  for (let k = 0; k < m.c; k++) {
    let sum = 0;
    let max = -Infinity;
    let at = 0;
    let on = 0;
    for (let i = 0; i < m.h * m.w; i++) {
      const v = m.values[i * m.c + k]!;
      sum += v;
      if (v > 0) on++;
      if (v > max) [max, at] = [v, i];
    }
    active += on;
    rows.push({ label: t('cnni.layerMap', { layer: m.layer, k }), values: [sum / (m.h * m.w), max, on / (m.h * m.w), Math.floor(at / m.w), at % m.w] });
  }
  part(root, `[data-out="note-${m.layer}"]`).textContent = t('cnni.mapsNote', { percent: ((100 * active) / m.values.length).toFixed(0) });
  drawTable(part(root, `[data-table="maps-${m.layer}"]`), {
    caption: t('cnni.mapsCaption', { layer: m.layer, kind: t(m.kind === 'conv' ? 'cnni.kindConv' : 'cnni.kindPool'), h: m.h, w: m.w, c: m.c }),
    columns: ['ctl.mean', 'ctl.max', 'cnni.fractionAbove', 'cnni.rowOfMax', 'cnni.columnOfMax'].map((k) => t(k)),
    rows,
  });
}

/** `n` canvases of side `side` in `host`, kept when the count matches (no flicker while drawing). */
function canvases(host: HTMLElement, n: number, side: number, label: (k: number) => string): HTMLCanvasElement[] {
  let list = Array.from(host.querySelectorAll('canvas'));
  if (list.length !== n || list[0]?.width !== side * 4) {
    host.replaceChildren(
      ...Array.from({ length: n }, (_, k) => {
        const fig = document.createElement('figure');
        const canvas = document.createElement('canvas');
        canvas.width = side * 4;
        canvas.height = side * 4;
        canvas.setAttribute('role', 'img');
        canvas.setAttribute('aria-label', t('cnni.canvasLabel', { label: label(k) }));
        const cap = document.createElement('figcaption');
        cap.textContent = String(k);
        fig.append(canvas, cap);
        return fig;
      }),
    );
    list = Array.from(host.querySelectorAll('canvas'));
  }
  return list;
}
