/** Draws the __TITLE__ figure from its state; all computing is in src/figures/__ID__/compute.ts. */
import { readState, writeState } from '../../src/state/url-state.ts';
import { __CAMEL__Schema, LOGITS, softmaxWithTemperature } from '../../src/figures/__ID__/compute.ts';
import { drawTable } from '../views/table.ts';
import { copyFigureLink } from './figure-link.ts';
import { FigureNotices } from './notices.ts';

const SVG = 'http://www.w3.org/2000/svg';

export function mount(root: HTMLElement): void {
  const id = root.dataset.figureId!;
  const notices = new FigureNotices(root.querySelector('[data-out="notices"]')!);
  const { state, notices: bad } = readState(__CAMEL__Schema, id, new URLSearchParams(location.search));
  bad.forEach((n) => notices.add(n));
  const t = root.querySelector<HTMLInputElement>('[name="t"]')!;
  t.value = String(state.t);
  root.querySelector('[data-out="backend"]')!.textContent = 'Plain JavaScript (no TF.js needed)';

  const draw = () => {
    const temperature = Number(t.value);
    root.querySelector('[data-out="t"]')!.textContent = temperature.toFixed(1);
    const p = softmaxWithTemperature(LOGITS, temperature);
    const svg = root.querySelector('[data-view="bars"]')!;
    svg.replaceChildren(
      ...Array.from(p, (v, i) => {
        const bar = document.createElementNS(SVG, 'rect');
        const h = v * 140;
        Object.entries({ x: 20 + i * 95, y: 150 - h, width: 70, height: h, fill: 'var(--book-pos)' }).forEach(([k, val]) => bar.setAttribute(k, String(val)));
        return bar;
      }),
    );
    drawTable(root.querySelector('[data-table="values"]')!, {
      caption: `Softmax at temperature T = ${temperature.toFixed(1)}`,
      columns: LOGITS.map((z, i) => `class ${i} (z = ${z})`),
      rows: [{ label: 'p', values: Array.from(p) }],
    });
    const url = new URL(location.href);
    url.search = writeState(__CAMEL__Schema, id, { t: temperature }, url.searchParams).toString();
    history.replaceState(history.state, '', url);
  };
  t.addEventListener('input', draw);
  root.querySelector<HTMLButtonElement>('[data-action="copy-link"]')!.addEventListener('click', (e) => copyFigureLink(id, e.currentTarget as HTMLButtonElement));
  draw();
  root.dataset.ready = 'true';
}
