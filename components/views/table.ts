/**
 * The text alternative of a picture: the same numbers as an accessible table.
 * Screen readers, copy-paste into a spreadsheet, and the end-to-end tests all read it.
 */
import { formatNumber } from './format.ts';
import { t } from '../../src/i18n/ui.ts';

export interface TableData {
  caption: string;
  /** Header of the row-label column; screen readers only (default "row"). */
  corner?: string;
  columns: string[];
  rows: { label: string; values: ArrayLike<number> }[];
}

export function drawTable(host: HTMLElement, data: TableData): void {
  const table = document.createElement('table');
  table.className = 'numbers';
  const caption = table.createCaption();
  caption.textContent = data.caption;
  const head = table.createTHead().insertRow();
  const corner = document.createElement('th');
  corner.scope = 'col';
  // An empty header cell is announced as nothing; name it for screen readers only.
  corner.append(Object.assign(document.createElement('span'), { className: 'sr-only', textContent: data.corner ?? t('views.row') }));
  head.append(corner);
  for (const label of data.columns) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = label;
    head.append(th);
  }
  const body = table.createTBody();
  for (const row of data.rows) {
    const tr = body.insertRow();
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = row.label;
    tr.append(th);
    for (let i = 0; i < row.values.length; i++) {
      const td = tr.insertCell();
      td.textContent = formatNumber(row.values[i]!);
      td.dataset.value = String(row.values[i]);
    }
  }
  host.replaceChildren(table);
}
