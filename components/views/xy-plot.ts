/**
 * A small static line plot in SVG: several series over shared x values, with axes,
 * ticks and a legend. For curves computed once (deletion and insertion curves,
 * similarity after each randomisation step), where a live chart's epoch axis does
 * not fit. Colours are CSS variables, so dark mode recolours it without a redraw.
 */
import { formatNumber } from './format.ts';

export interface XySeries {
  label: string;
  /** A CSS colour or custom property (e.g. 'var(--eval-c1)'). */
  colour: string;
  /** SVG stroke-dasharray, e.g. '4 3'. */
  dash?: string;
  ys: ArrayLike<number>;
}

export interface XyPlotData {
  xs: ArrayLike<number>;
  series: XySeries[];
  xLabel: string;
  yLabel: string;
  /** Fixed y range (default: [0, 1]). */
  yRange?: [number, number];
  /** Labels at the x values instead of numeric ticks (categorical axis). */
  xTickLabels?: string[];
}

const SVG = 'http://www.w3.org/2000/svg';
const W = 340;
const H = 210;
const M = { left: 42, right: 10, top: 10, bottom: 40 };

function el<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

function label(x: number, y: number, text: string, anchor: 'start' | 'middle' | 'end', rotate = false): SVGTextElement {
  const t = el('text', { x, y, 'text-anchor': anchor, 'font-size': 10, fill: 'currentColor' });
  if (rotate) t.setAttribute('transform', `rotate(-90 ${x} ${y})`);
  t.textContent = text;
  return t;
}

/**
 * Draws the plot into `host` (replacing its content). Non-finite y values leave a
 * gap in their line. The SVG is hidden from screen readers: the figure's tables hold
 * the same numbers.
 */
export function drawXyPlot(host: HTMLElement, data: XyPlotData): void {
  const xs = Array.from(data.xs);
  const [y0, y1] = data.yRange ?? [0, 1];
  const xMin = Math.min(...xs);
  const xMax = Math.max(...xs);
  const px = (x: number) => M.left + ((x - xMin) / (xMax - xMin || 1)) * (W - M.left - M.right);
  const py = (y: number) => M.top + (1 - (Math.min(y1, Math.max(y0, y)) - y0) / (y1 - y0 || 1)) * (H - M.top - M.bottom);
  const svg = el('svg', { viewBox: `0 0 ${W} ${H}`, 'aria-hidden': 'true', class: 'xy-plot' });

  // Grid and y ticks at five levels.
  for (let i = 0; i <= 4; i++) {
    const y = y0 + ((y1 - y0) * i) / 4;
    svg.append(el('line', { x1: M.left, x2: W - M.right, y1: py(y), y2: py(y), stroke: 'currentColor', 'stroke-opacity': 0.15 }));
    svg.append(label(M.left - 4, py(y) + 3, formatNumber(Number(y.toPrecision(3))), 'end'));
  }
  if (data.xTickLabels) {
    data.xTickLabels.forEach((t, i) => {
      const x = px(xs[i]!);
      svg.append(el('line', { x1: x, x2: x, y1: M.top, y2: H - M.bottom, stroke: 'currentColor', 'stroke-opacity': 0.1 }));
      const text = label(x, H - M.bottom + 12, t, i === 0 ? 'start' : i === data.xTickLabels!.length - 1 ? 'end' : 'middle');
      svg.append(text);
    });
  } else {
    for (let i = 0; i <= 4; i++) {
      const x = xMin + ((xMax - xMin) * i) / 4;
      svg.append(label(px(x), H - M.bottom + 12, formatNumber(Number(x.toPrecision(3))), 'middle'));
    }
  }
  svg.append(el('line', { x1: M.left, x2: M.left, y1: M.top, y2: H - M.bottom, stroke: 'currentColor', 'stroke-opacity': 0.5 }));
  svg.append(el('line', { x1: M.left, x2: W - M.right, y1: H - M.bottom, y2: H - M.bottom, stroke: 'currentColor', 'stroke-opacity': 0.5 }));
  svg.append(label((M.left + W - M.right) / 2, H - 6, data.xLabel, 'middle'));
  svg.append(label(11, (M.top + H - M.bottom) / 2, data.yLabel, 'middle', true));

  for (const s of data.series) {
    // Split at non-finite values so a gap shows where a value is undefined.
    let d = '';
    let pen = false;
    for (let i = 0; i < xs.length; i++) {
      const y = s.ys[i]!;
      if (!Number.isFinite(y)) {
        pen = false;
        continue;
      }
      d += `${pen ? 'L' : 'M'}${px(xs[i]!).toFixed(1)} ${py(y).toFixed(1)} `;
      pen = true;
    }
    const path = el('path', { d: d.trim(), fill: 'none', 'stroke-width': 2, 'stroke-linejoin': 'round' });
    path.style.stroke = s.colour;
    if (s.dash) path.setAttribute('stroke-dasharray', s.dash);
    svg.append(path);
    // Single points (a line of one finite value) still show as dots.
    for (let i = 0; i < xs.length; i++) {
      const y = s.ys[i]!;
      if (!Number.isFinite(y) || xs.length > 8) continue;
      const dot = el('circle', { cx: px(xs[i]!), cy: py(y), r: 2.5 });
      dot.style.fill = s.colour;
      svg.append(dot);
    }
  }

  const legend = document.createElement('ul');
  legend.className = 'xy-legend';
  for (const s of data.series) {
    const li = document.createElement('li');
    const sw = el('svg', { width: 24, height: 8, 'aria-hidden': 'true' });
    const line = el('line', { x1: 0, x2: 24, y1: 4, y2: 4, 'stroke-width': 2.5 });
    line.style.stroke = s.colour;
    if (s.dash) line.setAttribute('stroke-dasharray', s.dash);
    sw.append(line);
    li.append(sw, document.createTextNode(` ${s.label}`));
    legend.append(li);
  }
  host.replaceChildren(svg, legend);
}
