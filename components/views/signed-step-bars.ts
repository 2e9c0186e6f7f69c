/**
 * Vertical bars, one per time step, for a value that may be negative (a LIME
 * weight) or not (an attention weight): signed values grow up or down from a zero
 * line in the PuOr colour of their value on the shared limit ±`limit`; magnitudes
 * grow up from the bottom in one neutral colour. The sequence's tokens and step
 * numbers sit under the bars, and chosen steps carry a mark (★) above them and an
 * outline, so the picture reads without colour. Plain numbers in, SVG out.
 */
import { colourFor } from './palette.ts';

const SVG = 'http://www.w3.org/2000/svg';
const COL = 30;
const H = 120;
const TOP = 16;
const BOTTOM = 34;

export interface StepBarsData {
  values: ArrayLike<number>;
  /** Token text under each bar. */
  tokens: string[];
  /** 'signed': around zero, PuOr on ±limit; 'magnitude': from zero upwards, 0…limit. */
  mode: 'signed' | 'magnitude';
  limit: number;
  /** Steps outlined with a ★ above (e.g. the known answer step). */
  starred: number[];
  /** Tooltip of step t (0-based). */
  title: (t: number) => string;
  /** Accessible name of the picture. */
  label: string;
}

export function drawSignedStepBars(host: HTMLElement, d: StepBarsData): void {
  const n = d.values.length;
  const m = d.limit > 0 ? d.limit : 1;
  const signed = d.mode === 'signed';
  const zero = signed ? TOP + H / 2 : TOP + H;
  const scale = signed ? H / 2 / m : H / m;
  const svg = node('svg', { viewBox: `0 0 ${n * COL} ${TOP + H + BOTTOM}`, role: 'img', 'aria-label': d.label, class: `signed-step-bars ${d.mode}` });
  svg.append(node('line', { x1: 0, x2: n * COL, y1: zero, y2: zero, class: 'axis' }));
  const starred = new Set(d.starred);
  for (let t = 0; t < n; t++) {
    const v = d.values[t]!;
    const h = Math.min(signed ? H / 2 : H, Math.abs(v) * scale);
    const rect = node('rect', {
      x: t * COL + 4,
      y: v >= 0 ? zero - h : zero,
      width: COL - 8,
      height: Math.max(h, 0.75),
      // Magnitudes take their neutral colour from CSS (svg.magnitude rect.step-bar).
      ...(signed ? { fill: colourFor(v, 'signed', -m, m) } : {}),
      class: starred.has(t) ? 'step-bar starred' : 'step-bar',
    });
    const title = node('title', {});
    title.textContent = d.title(t);
    rect.append(title);
    svg.append(rect);
    svg.append(text(t * COL + COL / 2, TOP + H + 14, d.tokens[t] ?? '', starred.has(t) ? 'token starred' : 'token'));
    svg.append(text(t * COL + COL / 2, TOP + H + 28, String(t + 1), 'step'));
    if (starred.has(t)) svg.append(text(t * COL + COL / 2, TOP - 4, '★', 'star'));
  }
  host.replaceChildren(svg);
}

function node(name: string, attrs: Record<string, string | number>): SVGElement {
  const el = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

function text(x: number, y: number, content: string, cls: string): SVGElement {
  const el = node('text', { x, y, 'text-anchor': 'middle', class: cls });
  el.textContent = content;
  return el;
}
