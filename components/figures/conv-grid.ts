/**
 * A small grid of numbered cells drawn as SVG: the convolution figure's image,
 * kernel, feature map and pooled map. Takes plain numbers and a colour per cell.
 * Text is dark or light by the cell's luminance, so numbers stay legible on every fill.
 */
const SVG = 'http://www.w3.org/2000/svg';

export interface GridCell {
  value: number;
  fill: string;
  /** Shown instead of the number (e.g. "0" for padding), or undefined for the number. */
  text?: string;
  classes?: string[];
}

export interface GridSpec {
  rows: number;
  cols: number;
  cell: (r: number, c: number) => GridCell;
  /** Cell side in SVG units. */
  size?: number;
  /** Optional rectangle outlined on top (the window), in cell coordinates. */
  frame?: { row: number; col: number; rows: number; cols: number } | null;
  /** Called with the clicked cell. */
  onPick?: (r: number, c: number) => void;
}

/** Relative luminance of "rgb(r, g, b)" or "#rrggbb", to pick the text colour. */
function luminance(css: string): number {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(css);
  const [r, g, b] = hex ? [1, 2, 3].map((i) => parseInt(hex[i]!, 16)) : (css.match(/\d+/g) ?? ['128', '128', '128']).map(Number);
  return (0.2126 * r! + 0.7152 * g! + 0.0722 * b!) / 255;
}

export function drawGrid(host: HTMLElement, spec: GridSpec): SVGSVGElement {
  const size = spec.size ?? 30;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${spec.cols * size} ${spec.rows * size}`);
  svg.setAttribute('width', String(spec.cols * size));
  svg.setAttribute('aria-hidden', 'true');
  svg.classList.add('conv-grid');
  for (let r = 0; r < spec.rows; r++) {
    for (let c = 0; c < spec.cols; c++) {
      const cell = spec.cell(r, c);
      const g = document.createElementNS(SVG, 'g');
      const rect = document.createElementNS(SVG, 'rect');
      rect.setAttribute('x', String(c * size + 0.5));
      rect.setAttribute('y', String(r * size + 0.5));
      rect.setAttribute('width', String(size - 1));
      rect.setAttribute('height', String(size - 1));
      rect.setAttribute('fill', cell.fill);
      for (const cls of cell.classes ?? []) g.classList.add(cls);
      const text = document.createElementNS(SVG, 'text');
      text.setAttribute('x', String(c * size + size / 2));
      text.setAttribute('y', String(r * size + size / 2 + 3.5));
      text.setAttribute('text-anchor', 'middle');
      text.setAttribute('fill', luminance(cell.fill) < 0.5 ? '#fff' : '#111');
      text.textContent = cell.text ?? shortNumber(cell.value);
      g.append(rect, text);
      if (spec.onPick) g.addEventListener('click', () => spec.onPick!(r, c));
      svg.append(g);
    }
  }
  if (spec.frame) {
    // A dark halo under the accent line keeps the window visible on white and on dark cells.
    for (const cls of ['conv-frame-halo', 'conv-frame']) {
      const f = document.createElementNS(SVG, 'rect');
      f.setAttribute('x', String(spec.frame.col * size + 1.5));
      f.setAttribute('y', String(spec.frame.row * size + 1.5));
      f.setAttribute('width', String(spec.frame.cols * size - 3));
      f.setAttribute('height', String(spec.frame.rows * size - 3));
      f.classList.add(cls);
      svg.append(f);
    }
  }
  host.replaceChildren(svg);
  return svg;
}

/** At most four characters, so a number fits its cell: 0.87, −1.2, 12. */
export function shortNumber(v: number): string {
  if (!Number.isFinite(v)) return '–';
  if (v === 0) return '0';
  const a = Math.abs(v);
  const s = a >= 10 ? a.toFixed(0) : a >= 1 ? a.toFixed(1) : a.toFixed(2).replace(/^0/, '');
  return (v < 0 ? '−' : '') + s.replace(/\.0$/, '');
}
