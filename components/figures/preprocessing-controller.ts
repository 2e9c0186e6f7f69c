/**
 * The preprocessing figure: generates the messy table for a seed, splits, cleans and
 * standardises it with the same code the optimizer race trains on, and prints the
 * statistics of every stage.
 */
import { prepare, RAW_COLUMNS, varianceRatio } from '../../src/figures/preprocessing/messy.ts';
import { parseField, readState, type Schema } from '../../src/state/url-state.ts';
import { drawTable } from '../views/table.ts';
import { formatNumber } from '../views/format.ts';
import { copyFigureLink, syncUrl } from './figure-link.ts';
import { FigureNotices } from './notices.ts';

const schema = {
  seed: { kind: 'int', default: 1, min: 0, max: 99_999, label: 'seed' },
} satisfies Schema;

export function mount(root: HTMLElement): void {
  const id = root.dataset.figureId!;
  const notices = new FigureNotices(root.querySelector('[data-out="notices"]')!);
  const { state, notices: bad } = readState(schema, id, new URLSearchParams(location.search));
  bad.forEach((n) => notices.add(n));
  const seedInput = root.querySelector<HTMLInputElement>('[name="seed"]')!;
  seedInput.value = String(state.seed);
  root.querySelector('[data-out="backend"]')!.textContent = 'Plain JavaScript (no TF.js needed)';

  let current = state.seed;
  const draw = (seed: number) => {
    current = seed;
    const p = prepare(seed);
    const names = RAW_COLUMNS.map((c) => c.name);
    drawTable(root.querySelector('[data-table="raw"]')!, {
      caption: '1. As loaded: the 800 training rows (NaN and the code −999 are not real readings)',
      columns: ['missing (NaN)', 'out of range', 'mean', 'std', 'min', 'max'],
      rows: names.map((n, j) => ({
        label: n,
        values: [p.raw.missing[j]!, p.raw.outOfRange[j]!, p.raw.mean[j]!, p.raw.std[j]!, p.raw.min[j]!, p.raw.max[j]!],
      })),
    });
    drawTable(root.querySelector('[data-table="scaled"]')!, {
      caption: '2. Cleaned (bad values → training median) and standardised with the training μ and σ',
      columns: ['replaced', 'median', 'μ (train)', 'σ (train)', 'mean z (train)', 'std z (train)', 'mean z (val.)', 'std z (val.)'],
      rows: names.map((n, j) => ({
        label: n,
        values: [p.replaced[j]!, p.medians[j]!, p.mu[j]!, p.sigma[j]!, p.scaled.mean[j]!, p.scaled.std[j]!, p.validationScaled.mean[j]!, p.validationScaled.std[j]!],
      })),
    });
    const before = varianceRatio(p.cleaned);
    const after = varianceRatio(p.scaled);
    root.dataset.ratioBefore = String(before);
    root.dataset.ratioAfter = String(after);
    root.querySelector('[data-out="readout"]')!.textContent =
      `Largest over smallest feature variance: ${formatNumber(before)} after cleaning, ${formatNumber(after)} after standardising.`;
    syncUrl(schema, id, { seed });
  };
  seedInput.addEventListener('change', () => {
    const parsed = parseField(schema.seed, seedInput.value);
    notices.clear();
    if (!parsed.ok) {
      notices.add(`Seed ${parsed.reason}; keeping ${current}.`);
      seedInput.value = String(current);
      return;
    }
    draw(parsed.value as number);
  });
  root.querySelector<HTMLButtonElement>('[data-action="copy-link"]')!.addEventListener('click', (e) =>
    copyFigureLink(id, e.currentTarget as HTMLButtonElement),
  );
  draw(state.seed);
  root.dataset.ready = 'true';
}
