/**
 * A small SVG plot of a few curves y = f(x) over a fixed x range, with axes, a
 * zero line, and an optional marker at one x. Curves are coloured and dashed by
 * CSS classes, so themes need no code.
 */
const SVG = 'http://www.w3.org/2000/svg';

export interface Curve {
  ys: number[];
  className: string;
}

export interface PlotOptions {
  xs: number[];
  curves: Curve[];
  /** y range; values outside are clipped to the frame. */
  yMin: number;
  yMax: number;
  xLabel: string;
  yLabel: string;
  /** An x to mark with a vertical rule and a dot on each curve. */
  marker?: number;
  width?: number;
  height?: number;
}

export function drawFunctionPlot(svg: SVGSVGElement, o: PlotOptions): void {
  const W = o.width ?? 320;
  const H = o.height ?? 220;
  const L = 44;
  const R = 10;
  const T = 10;
  const B = 34;
  svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
  const x0 = o.xs[0]!;
  const x1 = o.xs[o.xs.length - 1]!;
  const sx = (x: number) => L + ((x - x0) / (x1 - x0)) * (W - L - R);
  const clip = (y: number) => Math.min(o.yMax, Math.max(o.yMin, y));
  const sy = (y: number) => T + ((o.yMax - clip(y)) / (o.yMax - o.yMin)) * (H - T - B);
  const kids: SVGElement[] = [];
  kids.push(el('rect', { x: L, y: T, width: W - L - R, height: H - T - B, class: 'frame' }));
  if (o.yMin < 0 && o.yMax > 0) kids.push(el('line', { x1: L, y1: sy(0), x2: W - R, y2: sy(0), class: 'axis' }));
  for (const [v, anchor] of [[o.yMin, 'end'], [o.yMax, 'end']] as const) {
    kids.push(text(L - 4, sy(v) + 4, fmt(v), anchor));
  }
  if (o.yMin < 0 && o.yMax > 0) kids.push(text(L - 4, sy(0) + 4, '0', 'end'));
  kids.push(text(sx(x0), H - B + 14, fmt(x0), 'middle'), text(sx(x1), H - B + 14, fmt(x1), 'middle'));
  kids.push(text((L + W - R) / 2, H - 4, o.xLabel, 'middle'));
  const yl = text(12, (T + H - B) / 2, o.yLabel, 'middle');
  yl.setAttribute('transform', `rotate(-90 12 ${(T + H - B) / 2})`);
  kids.push(yl);
  for (const c of o.curves) {
    const d = c.ys.map((y, i) => `${i ? 'L' : 'M'}${sx(o.xs[i]!).toFixed(1)},${sy(y).toFixed(1)}`).join('');
    kids.push(el('path', { d, class: c.className }));
  }
  if (o.marker !== undefined) {
    kids.push(el('line', { x1: sx(o.marker), y1: T, x2: sx(o.marker), y2: H - B, class: 'marker' }));
  }
  svg.replaceChildren(...kids);
}

function fmt(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toFixed(2).replace(/0+$/, '');
}

function el(name: string, attrs: Record<string, string | number>): SVGElement {
  const e = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

function text(x: number, y: number, content: string, anchor: string): SVGTextElement {
  const t = el('text', { x, y, 'text-anchor': anchor }) as SVGTextElement;
  t.textContent = content;
  return t;
}
