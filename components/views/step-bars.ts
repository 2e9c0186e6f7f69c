/**
 * Vertical bars, one per time step (the gradient of the class score with respect to
 * each step's input), with the sequence's tokens as axis labels and the known
 * important steps marked by a star and a hatched outline, so the picture reads
 * without colour. Plain numbers in, SVG out.
 */
import { formatNumber } from './format.ts';
import { t as tr } from '../../src/i18n/ui.ts';

const SVG = 'http://www.w3.org/2000/svg';
const COL = 22;
const H = 110;
const TOP = 14;
const BOTTOM = 34;

export function drawStepBars(host: HTMLElement, values: ArrayLike<number>, tokens: string[], marked: ArrayLike<number>): void {
  const n = values.length;
  let max = 0;
  for (let t = 0; t < n; t++) max = Math.max(max, values[t]!);
  const isMarked = new Set(Array.from(marked));
  const svg = document.createElementNS(SVG, 'svg');
  const width = n * COL;
  svg.setAttribute('viewBox', `0 0 ${width} ${TOP + H + BOTTOM}`);
  svg.setAttribute('width', String(width));
  svg.setAttribute('aria-hidden', 'true');
  svg.classList.add('step-bars');
  for (let t = 0; t < n; t++) {
    const v = values[t]!;
    const h = max > 0 ? (v / max) * H : 0;
    const rect = document.createElementNS(SVG, 'rect');
    rect.setAttribute('x', String(t * COL + 3));
    rect.setAttribute('y', String(TOP + H - h));
    rect.setAttribute('width', String(COL - 6));
    rect.setAttribute('height', String(Math.max(h, 0.5)));
    rect.classList.add(isMarked.has(t) ? 'marked' : 'plain');
    const title = document.createElementNS(SVG, 'title');
    title.textContent = tr(isMarked.has(t) ? 'views.stepBarAnswer' : 'views.stepBar', { step: t + 1, token: tokens[t], value: formatNumber(v) });
    rect.append(title);
    svg.append(rect);
    svg.append(label(t * COL + COL / 2, TOP + H + 14, tokens[t] ?? '', isMarked.has(t) ? 'token marked' : 'token'));
    svg.append(label(t * COL + COL / 2, TOP + H + 28, String(t + 1), 'step'));
    if (isMarked.has(t)) svg.append(label(t * COL + COL / 2, TOP - 3, '★', 'star'));
  }
  host.replaceChildren(svg);
}

function label(x: number, y: number, text: string, cls: string): SVGTextElement {
  const el = document.createElementNS(SVG, 'text');
  el.setAttribute('x', String(x));
  el.setAttribute('y', String(y));
  el.setAttribute('text-anchor', 'middle');
  el.setAttribute('class', cls);
  el.textContent = text;
  return el;
}
