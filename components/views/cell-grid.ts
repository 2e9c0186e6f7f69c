/**
 * The SVG pieces the heat maps share (heatmap.ts, attention-map.ts): the drawing, a
 * text label, and a cell's rounded square inset one unit from its grid lines, with a
 * tooltip naming its value. Plain numbers in, SVG elements out.
 */

export const SVG = 'http://www.w3.org/2000/svg';

/** A `width` × `height` drawing at its natural size, hidden from assistive tech (the figure's table carries the numbers). */
export function gridSvg(width: number, height: number, className: string): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('width', String(width));
  svg.setAttribute('aria-hidden', 'true');
  svg.classList.add(className);
  return svg;
}

/** A text label at (x, y); any SVG view may use it (the neuron figure does). */
export function svgText(x: number, y: number, content: string, anchor: 'start' | 'middle' | 'end'): SVGTextElement {
  const t = document.createElementNS(SVG, 'text');
  t.setAttribute('x', String(x));
  t.setAttribute('y', String(y));
  t.setAttribute('text-anchor', anchor);
  t.textContent = content;
  return t;
}

/** The cell whose grid square starts at (x, y) and is `cell` wide: a rounded square of `fill`, with `title` as its tooltip. */
export function gridCell(x: number, y: number, cell: number, fill: string, title: string): SVGRectElement {
  const rect = document.createElementNS(SVG, 'rect');
  rect.setAttribute('x', String(x + 1));
  rect.setAttribute('y', String(y + 1));
  rect.setAttribute('width', String(cell - 2));
  rect.setAttribute('height', String(cell - 2));
  rect.setAttribute('rx', '3');
  rect.setAttribute('fill', fill);
  const tip = document.createElementNS(SVG, 'title');
  tip.textContent = title;
  rect.append(tip);
  return rect;
}
