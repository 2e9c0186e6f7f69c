/**
 * The small-numbers attention figure: recomputes scores, softmax weights and the
 * weighted sum on every edit, draws the weights as bars and every number in a table,
 * and keeps the numbers in the link.
 */
import { parseField, readState } from '../../src/state/url-state.ts';
import { attendByHand } from '../../src/figures/attention/by-hand.ts';
import { byHandSchema, D, T, vectorsOf, type ByHandState } from '../../src/figures/attention/by-hand-state.ts';
import { defaults } from '../../src/state/url-state.ts';
import { drawBars } from '../views/bars.ts';
import { drawTable } from '../views/table.ts';
import { formatNumber } from '../views/format.ts';
import { copyFigureLink, syncUrl } from './figure-link.ts';
import { FigureNotices } from './notices.ts';
import { t } from '../../src/i18n/ui.ts';
import { fieldLabel } from '../../src/state/url-state.ts';

type Key = keyof typeof byHandSchema & string;

export function mount(root: HTMLElement): void {
  const id = root.dataset.figureId!;
  const notices = new FigureNotices(root.querySelector('[data-out="notices"]')!);
  const read = readState(byHandSchema, id, new URLSearchParams(location.search));
  read.notices.forEach((n) => notices.add(n));
  let state: ByHandState = read.state;
  const controls = () => root.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[name]');
  const writeControls = () => controls().forEach((el) => (el.value = String((state as Record<string, number | string>)[el.name])));
  root.querySelector('[data-out="backend"]')!.textContent = t('figure.plainJs');

  const draw = () => {
    const { h, q } = vectorsOf(state);
    const r = attendByHand(h, q, Number(state.s));
    const names = h.map((_, i) => `h${i + 1}`);
    const queryName = state.query === 'q' ? 'q' : String(state.query);
    root.querySelector('[data-out="s"]')!.textContent = formatNumber(Number(state.s));
    drawBars(root.querySelector('[data-view="weights"]')!, names, r.weights, r.weights.indexOf(Math.max(...r.weights)));
    root.querySelector('[data-out="context"]')!.textContent = `c = Σ αᵢ hᵢ = (${r.context.map(formatNumber).join(', ')})`;
    root.querySelector('[data-out="effective"]')!.textContent =
      t('sum.effective', { n: formatNumber(Number(r.effective.toFixed(2))), total: T });
    root.querySelectorAll('tr[data-row]').forEach((tr) => tr.classList.toggle('is-query', (tr as HTMLElement).dataset.row === queryName));
    drawTable(root.querySelector('[data-table="steps"]')!, {
      caption: t('sum.caption', { query: queryName, q: q.map(formatNumber).join(', '), s: formatNumber(Number(state.s)) }),
      columns: [...Array.from({ length: D }, (_, j) => t('sum.dim', { j: j + 1 })), `hᵢᵀ${queryName}`, `s·hᵢᵀ${queryName}`, 'exp(· − max)', 'αᵢ'],
      rows: [
        ...h.map((row, i) => ({ label: names[i]!, values: [...row, r.dots[i]!, r.scores[i]!, r.exps[i]!, r.weights[i]!] })),
        { label: 'c', values: r.context },
      ],
    });
    root.dataset.weights = r.weights.join(',');
    root.dataset.weightSum = String(r.weights.reduce((a, b) => a + b, 0));
    syncUrl(byHandSchema, id, state);
  };

  controls().forEach((el) =>
    el.addEventListener(el instanceof HTMLInputElement && el.type === 'range' ? 'input' : 'change', () => {
      const key = el.name as Key;
      const field = byHandSchema[key];
      const parsed = parseField(field, el.value);
      if (!parsed.ok) {
        notices.add(t('live.badControl', { label: fieldLabel(field), reason: parsed.reason, value: String(state[key]) }));
        el.value = String(state[key]);
        return;
      }
      notices.clear();
      state = { ...state, [key]: parsed.value };
      draw();
    }),
  );
  root.querySelector('[data-action="sqrt-d"]')!.addEventListener('click', () => {
    state = { ...state, s: byHandSchema.s.default };
    writeControls();
    draw();
  });
  root.querySelector('[data-action="defaults"]')!.addEventListener('click', () => {
    state = { ...defaults(byHandSchema), query: state.query, s: state.s };
    notices.clear();
    writeControls();
    draw();
  });
  root.querySelector<HTMLButtonElement>('[data-action="copy-link"]')!.addEventListener('click', (e) =>
    copyFigureLink(id, e.currentTarget as HTMLButtonElement),
  );
  writeControls();
  draw();
  root.dataset.ready = 'true';
}
