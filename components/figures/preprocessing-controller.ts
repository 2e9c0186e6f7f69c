/**
 * The preprocessing figure: generates the messy table for a seed, splits, cleans and
 * standardises it with the same code the optimizer race trains on, and prints the
 * statistics of every stage.
 */
import { prepare, RAW_COLUMNS, varianceRatio } from '../../src/figures/preprocessing/messy.ts';
import { fieldLabel, parseField, readState, type Schema } from '../../src/state/url-state.ts';
import { drawTable } from '../views/table.ts';
import { formatNumber } from '../views/format.ts';
import { copyFigureLink, syncUrl } from './figure-link.ts';
import { FigureNotices } from './notices.ts';
import { t } from '../../src/i18n/ui.ts';

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
  root.querySelector('[data-out="backend"]')!.textContent = t('figure.plainJs');

  let current = state.seed;
  const draw = (seed: number) => {
    current = seed;
    const p = prepare(seed);
    const names = RAW_COLUMNS.map((c) => c.name);
    drawTable(root.querySelector('[data-table="raw"]')!, {
      caption: t('prep.rawCaption'),
      columns: ['prep.missing', 'prep.outOfRange', 'ctl.mean', 'prep.std', 'prep.min', 'ctl.max'].map((k) => t(k)),
      rows: names.map((n, j) => ({
        label: n,
        values: [p.raw.missing[j]!, p.raw.outOfRange[j]!, p.raw.mean[j]!, p.raw.std[j]!, p.raw.min[j]!, p.raw.max[j]!],
      })),
    });
    drawTable(root.querySelector('[data-table="scaled"]')!, {
      caption: t('prep.scaledCaption'),
      columns: ['prep.replaced', 'prep.median', 'prep.muTrain', 'prep.sigmaTrain', 'prep.meanZTrain', 'prep.stdZTrain', 'prep.meanZVal', 'prep.stdZVal'].map((k) => t(k)),
      rows: names.map((n, j) => ({
        label: n,
        values: [p.replaced[j]!, p.medians[j]!, p.mu[j]!, p.sigma[j]!, p.scaled.mean[j]!, p.scaled.std[j]!, p.validationScaled.mean[j]!, p.validationScaled.std[j]!],
      })),
    });
    const before = varianceRatio(p.cleaned);
    const after = varianceRatio(p.scaled);
    root.dataset.ratioBefore = String(before);
    root.dataset.ratioAfter = String(after);
    root.querySelector('[data-out="readout"]')!.textContent = t('prep.readout', { before: formatNumber(before), after: formatNumber(after) });
    syncUrl(schema, id, { seed });
  };
  seedInput.addEventListener('change', () => {
    const parsed = parseField(schema.seed, seedInput.value);
    notices.clear();
    if (!parsed.ok) {
      notices.add(t('live.badControl', { label: fieldLabel(schema.seed), reason: parsed.reason, value: current }));
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
