/**
 * A SHAP waterfall: from the base value E[f(x)] at the top, each feature's φ_j moves
 * the running total right (orange, +) or left (purple, −) until it reaches f(x).
 * Signs are printed too, so the chart reads without colour.
 */
import { formatNumber } from './format.ts';

export interface Waterfall {
  base: number;
  fx: number;
  /** Already sorted and possibly grouped ("12 other features"). */
  items: { label: string; value: number; marked?: boolean }[];
}

export function drawWaterfall(host: HTMLElement, w: Waterfall): void {
  let run = w.base;
  const steps = w.items.map((it) => {
    const from = run;
    run += it.value;
    return { ...it, from, to: run };
  });
  const ends = [w.base, w.fx, ...steps.flatMap((s) => [s.from, s.to])];
  const lo = Math.min(...ends);
  const hi = Math.max(...ends);
  const span = hi - lo || 1;
  const pos = (v: number) => `${(((v - lo) / span) * 100).toFixed(2)}%`;
  const list = document.createElement('ul');
  list.className = 'waterfall';
  const row = (label: string, a: number, b: number, cls: string, text: string) => {
    const li = document.createElement('li');
    li.className = cls;
    const name = document.createElement('span');
    name.className = 'wf-label';
    name.textContent = label;
    const track = document.createElement('span');
    track.className = 'wf-track';
    const bar = document.createElement('span');
    bar.className = 'wf-bar';
    bar.style.left = pos(Math.min(a, b));
    bar.style.width = `max(2px, ${((Math.abs(b - a) / span) * 100).toFixed(2)}%)`;
    track.append(bar);
    const value = document.createElement('span');
    value.className = 'wf-value';
    value.textContent = text;
    li.append(name, track, value);
    list.append(li);
  };
  row('E[f(x)]', w.base, w.base, 'wf-end', formatNumber(w.base));
  for (const s of steps) {
    const sign = s.value >= 0 ? '+' : '−';
    row(s.marked ? `${s.label} ★` : s.label, s.from, s.to, s.value >= 0 ? 'wf-pos' : 'wf-neg', `${sign}${formatNumber(Math.abs(s.value))}`);
  }
  row('f(x)', w.fx, w.fx, 'wf-end', formatNumber(w.fx));
  host.replaceChildren(list);
}
