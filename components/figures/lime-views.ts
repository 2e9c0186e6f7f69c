/**
 * The LIME figures' pictures, from plain numbers: a scatter of perturbations in two
 * features, signed coefficient bars, top-K frequency bars, and a signed map over
 * superpixels or time steps. No model, no tensor.
 */
import { colourFor } from '../views/palette.ts';
import { formatNumber } from '../views/format.ts';

const SVG = 'http://www.w3.org/2000/svg';

function el<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

export interface ScatterData {
  xs: ArrayLike<number>;
  ys: ArrayLike<number>;
  /** Colour value in [0, 1] (the network's probability), viridis. */
  colour: ArrayLike<number>;
  /** Point radius factor in [0, 1] (kernel weight), or null for equal points. */
  size: ArrayLike<number> | null;
  xLabel: string;
  yLabel: string;
  /** Quartile edges drawn as dashed lines. */
  xEdges: number[];
  yEdges: number[];
}

/** Perturbations in two features; point 0 (the instance) drawn as a ringed star-like marker. */
export function drawScatter(host: HTMLElement, d: ScatterData): void {
  const W = 320;
  const H = 260;
  const pad = { l: 40, r: 10, t: 10, b: 34 };
  const range = (v: ArrayLike<number>, extra: number[]) => {
    let lo = Math.min(...extra, -1);
    let hi = Math.max(...extra, 1);
    for (let i = 0; i < v.length; i++) {
      lo = Math.min(lo, v[i]!);
      hi = Math.max(hi, v[i]!);
    }
    return [lo, hi] as const;
  };
  const [x0, x1] = range(d.xs, d.xEdges);
  const [y0, y1] = range(d.ys, d.yEdges);
  const sx = (v: number) => pad.l + ((v - x0) / (x1 - x0 || 1)) * (W - pad.l - pad.r);
  const sy = (v: number) => H - pad.b - ((v - y0) / (y1 - y0 || 1)) * (H - pad.t - pad.b);
  const svg = el('svg', { viewBox: `0 0 ${W} ${H}`, class: 'lime-scatter', 'aria-hidden': 'true' });
  svg.append(el('rect', { x: pad.l, y: pad.t, width: W - pad.l - pad.r, height: H - pad.t - pad.b, class: 'frame' }));
  for (const e of d.xEdges) svg.append(el('line', { x1: sx(e), x2: sx(e), y1: pad.t, y2: H - pad.b, class: 'edge' }));
  for (const e of d.yEdges) svg.append(el('line', { y1: sy(e), y2: sy(e), x1: pad.l, x2: W - pad.r, class: 'edge' }));
  for (let i = d.xs.length - 1; i >= 1; i--) {
    const r = d.size ? 1 + 4 * Math.max(0, Math.min(1, d.size[i]!)) : 2.5;
    svg.append(el('circle', { cx: sx(d.xs[i]!), cy: sy(d.ys[i]!), r, fill: colourFor(d.colour[i]!, 'magnitude', 0, 1), class: 'pt' }));
  }
  svg.append(el('circle', { cx: sx(d.xs[0]!), cy: sy(d.ys[0]!), r: 7, fill: colourFor(d.colour[0]!, 'magnitude', 0, 1), class: 'instance' }));
  const label = (x: number, y: number, text: string, rotate = false) => {
    const t = el('text', { x, y, 'text-anchor': 'middle', ...(rotate ? { transform: `rotate(-90 ${x} ${y})` } : {}) });
    t.textContent = text;
    svg.append(t);
  };
  label((pad.l + W - pad.r) / 2, H - 6, d.xLabel);
  label(12, (pad.t + H - pad.b) / 2, d.yLabel, true);
  label(pad.l, H - pad.b + 14, formatNumber(+x0.toFixed(1)));
  label(W - pad.r - 8, H - pad.b + 14, formatNumber(+x1.toFixed(1)));
  host.replaceChildren(svg);
}

export interface SignedBar {
  label: string;
  value: number;
  /** Marked (★, bold): a ground-truth feature or a selected one. */
  marked?: boolean;
  note?: string;
}

/**
 * Horizontal bars around a zero axis, PuOr-coloured on the shared limit ±`limit`;
 * with `fraction`, plain bars from 0 to a value in [0, 1] instead.
 */
export function drawSignedBars(host: HTMLElement, bars: SignedBar[], limit: number, fraction = false): void {
  const list = document.createElement('ul');
  list.className = fraction ? 'lime-bars fraction' : 'lime-bars';
  const m = limit || 1;
  for (const b of bars) {
    const li = document.createElement('li');
    if (b.marked) li.classList.add('marked');
    const name = document.createElement('span');
    name.className = 'name';
    name.textContent = `${b.marked ? '★ ' : ''}${b.label}`;
    const track = document.createElement('span');
    track.className = 'track';
    const bar = document.createElement('span');
    bar.className = 'bar';
    const f = Math.min(1, Math.abs(b.value) / m) * (fraction ? 100 : 50);
    bar.style.left = fraction ? '0' : b.value >= 0 ? '50%' : `${50 - f}%`;
    bar.style.width = `${f}%`;
    bar.style.background = fraction ? 'var(--book-pos)' : colourFor(b.value, 'signed', -m, m);
    track.append(bar);
    const value = document.createElement('span');
    value.className = 'value';
    const shown = fraction ? `${Math.round(b.value * 100)}%` : formatNumber(b.value);
    value.textContent = `${shown}${b.note ? ` ${b.note}` : ''}`;
    li.append(name, track, value);
    list.append(li);
  }
  host.replaceChildren(list);
}

/**
 * A row of cells, one per step or superpixel, coloured by a signed value on ±limit,
 * with marks under the ground-truth cells.
 */
export function drawSignedStrip(host: HTMLElement, values: ArrayLike<number>, limit: number, marked: number[], labels: string[]): void {
  const n = values.length;
  const cell = 22;
  const svg = el('svg', { viewBox: `0 0 ${n * cell} ${cell + 30}`, class: 'lime-strip', 'aria-hidden': 'true' });
  for (let i = 0; i < n; i++) {
    const rect = el('rect', { x: i * cell + 1, y: 1, width: cell - 2, height: cell - 2, rx: 3, fill: colourFor(values[i]!, 'signed', -limit, limit), class: marked.includes(i) ? 'marked' : '' });
    svg.append(rect);
    const t = el('text', { x: i * cell + cell / 2, y: cell + 12, 'text-anchor': 'middle' });
    t.textContent = labels[i] ?? '';
    svg.append(t);
    if (marked.includes(i)) {
      const star = el('text', { x: i * cell + cell / 2, y: cell + 26, 'text-anchor': 'middle', class: 'star' });
      star.textContent = '★';
      svg.append(star);
    }
  }
  host.replaceChildren(svg);
}
