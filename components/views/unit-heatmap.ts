/**
 * A compact heat map for a large units × time matrix (an LSTM's 64 hidden units or
 * gates over 20 steps), painted on a canvas with small cells: the SVG heat map's
 * one-box-per-neuron layout would be two thousand pixels tall. Takes plain numbers;
 * the legend is the shared one, and the numbers are in a table under the figure.
 */
import { colourFor, extent, type Scale } from './palette.ts';
import { legend } from './heatmap.ts';
import { t } from '../../src/i18n/ui.ts';

export interface UnitHeatmapData {
  /** Row-major steps × units, as the LSTM trace stores it; drawn transposed (units down, time across). */
  values: ArrayLike<number>;
  steps: number;
  units: number;
  scale: Scale;
  /** Fixed colour limits (e.g. [0, 1] for gates); default: the data's extent. */
  range?: [number, number];
  /** Columns to mark (the known important steps). */
  marked?: ArrayLike<number>;
  label: string;
}

const CELL_W = 14;
const CELL_H = 3;

export function drawUnitHeatmap(host: HTMLElement, d: UnitHeatmapData): void {
  const [lo, hi] = d.range ?? extent(d.values);
  const canvas = document.createElement('canvas');
  const dpr = Math.min(2, globalThis.devicePixelRatio || 1);
  canvas.width = d.steps * CELL_W * dpr;
  canvas.height = (d.units * CELL_H + 6) * dpr;
  canvas.style.width = `${d.steps * CELL_W}px`;
  canvas.style.maxWidth = '100%';
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', t('views.unitHeatmap', { label: d.label, units: d.units, steps: d.steps }));
  const ctx = canvas.getContext('2d');
  if (ctx) {
    ctx.scale(dpr, dpr);
    for (let t = 0; t < d.steps; t++) {
      for (let u = 0; u < d.units; u++) {
        ctx.fillStyle = colourFor(d.values[t * d.units + u]!, d.scale, lo, hi);
        ctx.fillRect(t * CELL_W, u * CELL_H, CELL_W, CELL_H);
      }
    }
    // A tick under each marked step.
    ctx.fillStyle = getComputedStyle(host).color || '#000';
    for (let k = 0; k < (d.marked?.length ?? 0); k++) {
      const t = d.marked![k]!;
      ctx.fillRect(t * CELL_W, d.units * CELL_H + 2, CELL_W, 4);
    }
  }
  host.replaceChildren(canvas, legend(d.scale, lo, hi));
}
