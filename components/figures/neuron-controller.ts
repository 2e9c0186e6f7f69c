/** Draws f(wx + b) and f′(wx + b) for the neuron figure; recomputed on every slider move. */
import { ACTIVATIONS, type ActivationName } from '../../src/math/neuron.ts';
import { readState, syncSafe } from './neuron-state.ts';
import { drawTable } from '../views/table.ts';
import { svgText as label } from '../views/cell-grid.ts';
import { copyFigureLink } from './figure-link.ts';
import { FigureNotices } from './notices.ts';
import { t } from '../../src/i18n/ui.ts';

const X_MIN = -5;
const X_MAX = 5;
const W = 420;
const H = 240;
const PAD = 30;
const SVG = 'http://www.w3.org/2000/svg';

export function mount(root: HTMLElement): void {
  const id = root.dataset.figureId!;
  const notices = new FigureNotices(root.querySelector('[data-out="notices"]')!);
  const { state, notices: bad } = readState(id);
  bad.forEach((n) => notices.add(n));
  const act = root.querySelector<HTMLSelectElement>('[name="act"]')!;
  const w = root.querySelector<HTMLInputElement>('[name="w"]')!;
  const b = root.querySelector<HTMLInputElement>('[name="b"]')!;
  act.value = String(state.act);
  w.value = String(state.w);
  b.value = String(state.b);
  root.querySelector('[data-out="backend"]')!.textContent = t('figure.plainJs');

  const draw = () => {
    const s = { act: act.value, w: Number(w.value), b: Number(b.value) };
    root.querySelector('[data-out="w"]')!.textContent = s.w.toFixed(1);
    root.querySelector('[data-out="b"]')!.textContent = s.b.toFixed(1);
    render(root, s.act as ActivationName, s.w, s.b);
    root.dataset.switchAt = String(-s.b / s.w); // where wx + b = 0: for FigureTask
    syncSafe(id, s);
  };
  [act, w, b].forEach((el) => el.addEventListener('input', draw));
  root.querySelector<HTMLButtonElement>('[data-action="copy-link"]')!.addEventListener('click', (e) =>
    copyFigureLink(id, e.currentTarget as HTMLButtonElement),
  );
  draw();
  root.dataset.ready = 'true';
}

function render(root: HTMLElement, name: ActivationName, w: number, b: number): void {
  const { f, df } = ACTIVATIONS[name];
  const xs = Array.from({ length: 101 }, (_, i) => X_MIN + ((X_MAX - X_MIN) * i) / 100);
  const ys = xs.map((x) => f(w * x + b));
  const ds = xs.map((x) => df(w * x + b));
  const all = [...ys, ...ds, 0, 1];
  const [lo, hi] = [Math.min(...all), Math.max(...all)];
  const sx = (x: number) => PAD + ((x - X_MIN) / (X_MAX - X_MIN)) * (W - 2 * PAD);
  const sy = (y: number) => H - PAD - ((y - lo) / (hi - lo || 1)) * (H - 2 * PAD);
  const path = (vs: number[]) => vs.map((v, i) => `${i ? 'L' : 'M'}${sx(xs[i]!).toFixed(1)},${sy(v).toFixed(1)}`).join('');
  const svg = root.querySelector('[data-view="plot"]')!;
  svg.replaceChildren(
    line(sx(X_MIN), sy(0), sx(X_MAX), sy(0), 'axis'),
    line(sx(0), sy(lo), sx(0), sy(hi), 'axis'),
    label(sx(X_MAX) - 4, sy(0) - 6, 'x', 'end'),
    label(sx(0) + 6, sy(hi) + 12, hi.toFixed(2), 'start'),
    label(sx(0) + 6, sy(lo) - 4, lo.toFixed(2), 'start'),
    pathEl(path(ys), 'curve-f'),
    pathEl(path(ds), 'curve-df'),
  );
  const sample = [-4, -2, -1, 0, 1, 2, 4];
  drawTable(root.querySelector('[data-table="values"]')!, {
    caption: t('neuron.tableCaption', { act: name, w: w.toFixed(1), b: b.toFixed(1) }),
    columns: sample.map((x) => `x = ${x}`),
    rows: [
      { label: 'z = wx + b', values: sample.map((x) => w * x + b) },
      { label: 'y = f(z)', values: sample.map((x) => f(w * x + b)) },
      { label: "f′(z)", values: sample.map((x) => df(w * x + b)) },
    ],
  });
}

function line(x1: number, y1: number, x2: number, y2: number, cls: string): SVGLineElement {
  const l = document.createElementNS(SVG, 'line');
  Object.entries({ x1, y1, x2, y2 }).forEach(([k, v]) => l.setAttribute(k, String(v)));
  l.classList.add(cls);
  return l;
}

function pathEl(d: string, cls: string): SVGPathElement {
  const p = document.createElementNS(SVG, 'path');
  p.setAttribute('d', d);
  p.classList.add(cls);
  return p;
}

