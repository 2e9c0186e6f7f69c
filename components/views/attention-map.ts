/**
 * Attention weights over time steps as a heat map: one row per sequence (or per
 * quantity), one column per step, the step's token printed in its cell and the
 * ground-truth steps outlined. Viridis on a fixed 0…max scale shared by all rows,
 * so rows can be compared. Plain numbers in, SVG out.
 */
import { colourFor } from './palette.ts';
import { legend } from './heatmap.ts';
import { formatNumber } from './format.ts';
import { gridCell, gridSvg, SVG, svgText as text } from './cell-grid.ts';
import { t as tr } from '../../src/i18n/ui.ts';

export interface AttentionMapData {
  /** rows × steps, row-major. */
  values: ArrayLike<number>;
  rows: number;
  steps: number;
  rowLabels: string[];
  /** Text shown in each cell (the token), rows × steps; optional. */
  cellText?: string[];
  /** For each row, the steps to outline (ground truth). */
  marks: number[][];
  /** Upper end of the colour scale (default: the largest value, at least 1e-6). */
  max?: number;
  /** Row drawn with a dashed outline (the selected example), or -1. */
  highlightRow?: number;
}

const CELL = 30;
const LABEL_W = 88;
const LABEL_H = 18;

export function drawAttentionMap(host: HTMLElement, data: AttentionMapData): void {
  let max = data.max ?? 0;
  if (data.max === undefined) for (let i = 0; i < data.values.length; i++) max = Math.max(max, data.values[i]!);
  max = Math.max(max, 1e-6);
  const width = LABEL_W + data.steps * CELL;
  const height = LABEL_H + data.rows * CELL;
  const svg = gridSvg(width, height, 'attn-map');
  for (let t = 0; t < data.steps; t++) svg.append(text(LABEL_W + t * CELL + CELL / 2, 13, `t${t + 1}`, 'middle'));
  for (let r = 0; r < data.rows; r++) {
    const y = LABEL_H + r * CELL;
    svg.append(text(LABEL_W - 6, y + CELL / 2 + 4, data.rowLabels[r] ?? '', 'end'));
    for (let t = 0; t < data.steps; t++) {
      const v = data.values[r * data.steps + t]!;
      const x = LABEL_W + t * CELL;
      const cell = { row: data.rowLabels[r], step: t + 1, value: formatNumber(v) };
      const title = data.cellText ? tr('views.cellToken', { ...cell, token: data.cellText[r * data.steps + t] }) : tr('views.cell', cell);
      svg.append(gridCell(x, y, CELL, colourFor(v, 'magnitude', 0, max), title));
      const label = data.cellText?.[r * data.steps + t];
      if (label) {
        const tt = text(x + CELL / 2, y + CELL / 2 + 4, label, 'middle');
        // Viridis is dark at the low end and light at the top: pick the ink that contrasts.
        tt.setAttribute('fill', v / max > 0.55 ? '#000' : '#fff');
        tt.setAttribute('pointer-events', 'none');
        svg.append(tt);
      }
    }
    for (const t of data.marks[r] ?? []) {
      const m = document.createElementNS(SVG, 'rect');
      Object.entries({ x: LABEL_W + t * CELL, y, width: CELL, height: CELL, rx: 4 }).forEach(([k, val]) => m.setAttribute(k, String(val)));
      m.classList.add('truth-mark');
      svg.append(m);
    }
    if (r === data.highlightRow) {
      const h = document.createElementNS(SVG, 'rect');
      Object.entries({ x: 2, y: y + 1, width: width - 3, height: CELL - 2 }).forEach(([k, val]) => h.setAttribute(k, String(val)));
      h.classList.add('row-highlight');
      svg.append(h);
    }
  }
  host.replaceChildren(svg, legend('magnitude', 0, max));
}
