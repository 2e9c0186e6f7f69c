/**
 * Labelled horizontal bars for a short list of values in [0, 1] (class probabilities),
 * with the values printed beside them: readable without a colour scale.
 */
import { formatNumber } from './format.ts';

export function drawBars(host: HTMLElement, labels: string[], values: ArrayLike<number>, highlight = -1): void {
  const list = document.createElement('ul');
  list.className = 'bars';
  labels.forEach((label, i) => {
    const v = values[i]!;
    const li = document.createElement('li');
    if (i === highlight) li.classList.add('highlight');
    const name = document.createElement('span');
    name.className = 'bar-label';
    name.textContent = label;
    const track = document.createElement('span');
    track.className = 'bar-track';
    const bar = document.createElement('span');
    bar.className = 'bar';
    bar.style.width = `${Math.max(0, Math.min(1, v)) * 100}%`;
    track.append(bar);
    const value = document.createElement('span');
    value.className = 'bar-value';
    value.textContent = formatNumber(v);
    li.append(name, track, value);
    list.append(li);
  });
  host.replaceChildren(list);
}
