/**
 * Horizontal importance bars, one row per feature in a fixed order, so charts drawn
 * side by side share their feature axis. Marked features (the known informative
 * ones) get the orange colour and a ★ after their name, so they read without colour
 * too. Optional per-feature repeats are drawn as dots with a min–max whisker.
 */
import { formatNumber } from './format.ts';
import { t } from '../../src/i18n/ui.ts';

export interface ImportanceChart {
  names: string[];
  values: ArrayLike<number>;
  /** Feature indices drawn as informative. */
  marked: readonly number[];
  /** Per feature, the value of each repeat (dots and a min–max whisker). */
  repeats?: readonly ArrayLike<number>[];
  /** Show feature names (the first chart of a row); later charts may leave them out. */
  labels?: boolean;
}

export function drawImportanceChart(host: HTMLElement, c: ImportanceChart): void {
  const all: number[] = [0, ...Array.from(c.values)];
  c.repeats?.forEach((r) => all.push(...Array.from(r)));
  const lo = Math.min(...all.filter(Number.isFinite));
  const hi = Math.max(...all.filter(Number.isFinite));
  const span = hi - lo || 1;
  const pos = (v: number) => `${(((v - lo) / span) * 100).toFixed(2)}%`;
  const list = document.createElement('ul');
  list.className = 'imp-chart';
  if (c.labels === false) list.classList.add('no-labels');
  c.names.forEach((name, j) => {
    const v = c.values[j]!;
    const li = document.createElement('li');
    const marked = c.marked.includes(j);
    if (marked) li.classList.add('marked');
    const label = document.createElement('span');
    label.className = 'imp-label';
    label.textContent = marked ? `${name} ★` : name;
    const track = document.createElement('span');
    track.className = 'imp-track';
    const bar = document.createElement('span');
    bar.className = 'imp-bar';
    const [a, b] = v >= 0 ? [0, v] : [v, 0];
    bar.style.left = pos(a);
    bar.style.width = `${(((b - a) / span) * 100).toFixed(2)}%`;
    track.append(bar);
    if (lo < 0) {
      const zero = document.createElement('span');
      zero.className = 'imp-zero';
      zero.style.left = pos(0);
      track.append(zero);
    }
    const reps = c.repeats?.[j];
    if (reps && reps.length > 1) {
      const arr = Array.from(reps);
      const whisker = document.createElement('span');
      whisker.className = 'imp-whisker';
      whisker.style.left = pos(Math.min(...arr));
      whisker.style.width = `${(((Math.max(...arr) - Math.min(...arr)) / span) * 100).toFixed(2)}%`;
      track.append(whisker);
      for (const r of arr) {
        const dot = document.createElement('span');
        dot.className = 'imp-dot';
        dot.style.left = pos(r);
        track.append(dot);
      }
    }
    const value = document.createElement('span');
    value.className = 'imp-value';
    value.textContent = formatNumber(v);
    li.append(label, track, value);
    list.append(li);
  });
  host.replaceChildren(list);
}

/** The key shared by the charts: what the ★ and the colours mean. */
export function importanceLegend(informative: string[], withRepeats: boolean): HTMLElement {
  const el = document.createElement('p');
  el.className = 'imp-legend';
  const marked = document.createElement('span');
  marked.innerHTML = '<span class="swatch marked"></span>';
  marked.append(` ${t('views.informative', { features: informative.join(', ') })}`);
  const noise = document.createElement('span');
  noise.innerHTML = '<span class="swatch"></span>';
  noise.append(` ${t('views.noise')}`);
  el.append(marked, noise);
  if (withRepeats) {
    const dots = document.createElement('span');
    dots.innerHTML = '<span class="swatch dot"></span>';
    dots.append(` ${t('views.repeat')}`);
    el.append(dots);
  }
  return el;
}
