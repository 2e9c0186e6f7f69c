/**
 * A labelled heat map of a small matrix (rows × cols), drawn as an SVG grid with a
 * legend. Takes plain numbers; knows nothing of models. Used for activation and
 * gradient maps, where every cell is one neuron or one weight.
 */
import { colourFor, extent, type Scale } from './palette.ts';
import { formatNumber } from './format.ts';
import { gridCell, gridSvg, svgText as text } from './cell-grid.ts';
import { t } from '../../src/i18n/ui.ts';

export interface HeatmapData {
  values: ArrayLike<number>;
  rows: number;
  cols: number;
  rowLabels: string[];
  colLabels: string[];
  scale: Scale;
  /** Highlighted row (e.g. the selected input), or -1. */
  highlightRow?: number;
}

const CELL = 34;
const LABEL_W = 64;
const LABEL_H = 22;

export function drawHeatmap(host: HTMLElement, data: HeatmapData): void {
  const [lo, hi] = extent(data.values);
  const width = LABEL_W + data.cols * CELL;
  const height = LABEL_H + data.rows * CELL;
  const svg = gridSvg(width, height, 'heatmap');
  data.colLabels.forEach((label, c) => svg.append(text(LABEL_W + c * CELL + CELL / 2, 15, label, 'middle')));
  for (let r = 0; r < data.rows; r++) {
    svg.append(text(LABEL_W - 6, LABEL_H + r * CELL + CELL / 2 + 4, data.rowLabels[r] ?? '', 'end'));
    for (let c = 0; c < data.cols; c++) {
      const v = data.values[r * data.cols + c]!;
      const rect = gridCell(LABEL_W + c * CELL, LABEL_H + r * CELL, CELL, colourFor(v, data.scale, lo, hi), `${data.rowLabels[r]}, ${data.colLabels[c]}: ${formatNumber(v)}`);
      if (r === data.highlightRow) rect.classList.add('highlight');
      svg.append(rect);
    }
  }
  host.replaceChildren(svg, legend(data.scale, lo, hi));
}

/** A colour bar with its end values, so every picture can be read without the table. */
export function legend(scale: Scale, lo: number, hi: number): HTMLElement {
  const el = document.createElement('div');
  el.className = 'legend';
  const m = Math.max(Math.abs(lo), Math.abs(hi));
  const [a, b] = scale === 'signed' ? [-m, m] : [lo, hi];
  const stops = Array.from({ length: 11 }, (_, i) => colourFor(a + ((b - a) * i) / 10, scale, a, b)).join(', ');
  const bar = document.createElement('span');
  bar.className = 'legend-bar';
  bar.style.background = `linear-gradient(to right, ${stops})`;
  const left = document.createElement('span');
  left.textContent = formatNumber(a);
  const right = document.createElement('span');
  right.textContent = formatNumber(b);
  el.append(left, bar, right);
  if (scale === 'signed') el.title = t('views.signedLegend');
  return el;
}
