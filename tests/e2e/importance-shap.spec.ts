import { test, expect, type Page } from '@playwright/test';
import { expectFiniteAndVarying, tableNumbers, watchProblems } from './helpers.ts';

/**
 * The feature-importance and SHAP chapters on the cpu backend: train the tabular
 * MLP briefly (10 epochs) and read the figures' tables, which are the pictures'
 * text alternatives. The data's informative columns are x7 and x19 (starred).
 */
const IMPORTANCE = '/explaining-predictions/feature-importance/';
const SHAP = '/explaining-predictions/shap/';

/** Rows of a figure table: the row header and its numbers. */
async function tableRows(page: Page, selector: string): Promise<{ label: string; values: number[] }[]> {
  return page.locator(`${selector} tbody tr`).evaluateAll((trs) =>
    trs.map((tr) => ({
      label: tr.querySelector('th')!.textContent!,
      values: Array.from(tr.querySelectorAll('td'), (td) => Number((td as HTMLElement).dataset.value)),
    })),
  );
}

/** Labels of the k rows with the largest value in column `col`. */
function topK(rows: { label: string; values: number[] }[], col: number, k: number): string[] {
  return [...rows].sort((a, b) => b.values[col]! - a.values[col]!).slice(0, k).map((r) => r.label);
}

async function trainTo(page: Page, fig: string, epochs: number): Promise<void> {
  await expect(page.locator(`${fig}[data-ready="true"][data-view-ready="true"]`)).toHaveCount(1, { timeout: 60_000 });
  await page.locator(`${fig} [data-action="train"]`).click();
  await settled(page, fig, epochs);
}

async function settled(page: Page, fig: string, epoch: number): Promise<void> {
  await expect(page.locator(`${fig}[data-epoch="${epoch}"][data-view-ready="true"]:not([data-running="true"])`)).toHaveCount(1, { timeout: 120_000 });
}

test('feature importance: the informative features lead permutation importance; a link restores the numbers', async ({ page, browser }) => {
  test.setTimeout(170_000);
  const problems = watchProblems(page);
  const FIG = '#fig-importance';
  await page.goto(`${IMPORTANCE}?backend=cpu&importance.epochs=10`);
  await page.locator(FIG).scrollIntoViewIfNeeded();
  await trainTo(page, FIG, 10);
  await expect(page.locator(FIG)).toHaveAttribute('data-informative', '7,19');
  expect(Number(await page.locator(FIG).getAttribute('data-test-accuracy'))).toBeGreaterThan(0.7);
  // columns: informative flag, mean |∂p/∂x|, permutation mean, min, max, tree
  const rows = await tableRows(page, `${FIG} [data-table="importance"]`);
  expect(rows).toHaveLength(20);
  const starred = rows.filter((r) => r.values[0] === 1).map((r) => r.label);
  expect(starred).toEqual(['x7 ★', 'x19 ★']);
  for (const col of [1, 2, 5]) expect(topK(rows, col, 3), `column ${col}`).toEqual(expect.arrayContaining(starred));
  // the repeats' spread is real: min ≤ mean ≤ max, and the informative columns' min is clear of every noise column's max
  for (const r of rows) expect(r.values[3]! <= r.values[2]! + 1e-12 && r.values[2]! <= r.values[4]! + 1e-12).toBe(true);
  const noiseMax = Math.max(...rows.filter((r) => r.values[0] === 0).map((r) => r.values[4]!));
  for (const r of rows.filter((r) => r.values[0] === 1)) expect(r.values[3]!).toBeGreaterThan(noiseMax);
  const repeats = await tableRows(page, `${FIG} [data-table="repeats"]`);
  expect(repeats[0]!.values).toHaveLength(5);

  // The link restores seed, epochs and the trained epoch: the same numbers again.
  await expect.poll(() => page.url()).toContain('importance.epoch=10');
  const link = page.url();
  const before = await tableNumbers(page, `${FIG} [data-table="importance"]`);
  const other = await browser.newPage();
  await other.goto(link);
  await other.locator(FIG).scrollIntoViewIfNeeded();
  await settled(other, FIG, 10);
  expect(await tableNumbers(other, `${FIG} [data-table="importance"]`)).toEqual(before);
  await other.close();
  expect(problems).toEqual([]);
});

test('SHAP waterfall: φ sum to f(x) − base value, informative features lead mean |φ|; a link restores row and options', async ({ page, browser }) => {
  test.setTimeout(170_000);
  const problems = watchProblems(page);
  const FIG = '#fig-shap';
  await page.goto(`${SHAP}?backend=cpu&shap.epochs=10`);
  await page.locator(FIG).scrollIntoViewIfNeeded();
  await trainTo(page, FIG, 10);

  // Efficiency is a constraint of KernelSHAP's regression, solved in float64: the
  // sum matches to rounding (≈1e-16 relative); 1e-9 leaves room for float32 model
  // outputs averaged in float64, and is far below any sampling error (≈1e-2).
  const check = async () => {
    const [base, fx, delta, sum] = await tableNumbers(page, `${FIG} [data-table="sums"]`);
    expect(Math.abs(delta! - (fx! - base!))).toBeLessThan(1e-12);
    expect(Math.abs(sum! - delta!)).toBeLessThan(1e-9);
    expect(fx! >= 0 && fx! <= 1).toBe(true);
  };
  await check();
  // columns: x_j, φ_j, mean |φ_j| over 16 test rows
  const rows = await tableRows(page, `${FIG} [data-table="phi"]`);
  expect(rows).toHaveLength(20);
  expect(topK(rows, 2, 3)).toEqual(expect.arrayContaining(['x7 ★', 'x19 ★']));
  // the small game: exact vs KernelSHAP, close for the default 512 of 1024 coalitions
  const small = await tableRows(page, `${FIG} [data-table="small"]`);
  expect(small).toHaveLength(10);
  const scale = Math.max(...small.map((r) => Math.abs(r.values[0]!)));
  for (const r of small) expect(Math.abs(r.values[2]!)).toBeLessThan(0.25 * scale);

  // Another row, a sampled background and another seed, one at a time: the sum still holds.
  await page.locator(`${FIG} [data-action="next-row"]`).click();
  await expect(page.locator(`${FIG}[data-row="1"][data-view-ready="true"]`)).toHaveCount(1, { timeout: 60_000 });
  await page.locator(`${FIG} select[name="bg"]`).selectOption('sample');
  await expect(page.locator(`${FIG}[data-row="1"][data-bg="sample"][data-view-ready="true"]`)).toHaveCount(1, { timeout: 60_000 });
  await page.locator(`${FIG} input[name="sseed"]`).fill('3');
  await page.locator(`${FIG} input[name="sseed"]`).blur();
  await expect(page.locator(`${FIG}[data-row="1"][data-bg="sample"][data-sseed="3"][data-view-ready="true"]`)).toHaveCount(1, { timeout: 60_000 });
  await expect(page.locator(`${FIG} [data-out="row-title"]`)).toContainText('Test row 1');
  await check();
  const link = page.url();
  expect(link).toContain('shap.row=1');
  expect(link).toContain('shap.bg=sample');
  const phiBefore = await tableNumbers(page, `${FIG} [data-table="phi"]`);

  const other = await browser.newPage();
  await other.goto(link);
  await other.locator(FIG).scrollIntoViewIfNeeded();
  await settled(other, FIG, 10);
  await expect(other.locator(`${FIG}[data-row="1"][data-bg="sample"][data-sseed="3"]`)).toHaveCount(1);
  await expect(other.locator(`${FIG} input[name="row"]`)).toHaveValue('1');
  await expect(other.locator(`${FIG} select[name="bg"]`)).toHaveValue('sample');
  expect(await tableNumbers(other, `${FIG} [data-table="phi"]`)).toEqual(phiBefore);
  await other.close();
  expect(problems).toEqual([]);
});

test('digit SHAP: finite, non-constant superpixel values that sum to f(x) − f(background); a link restores the digit and superpixels', async ({ page }) => {
  test.setTimeout(120_000);
  const problems = watchProblems(page);
  const FIG = '#fig-dshap';
  await page.goto(`${SHAP}?backend=cpu&dshap.digit=3&dshap.seg=slic&dshap.bg=mean`);
  await page.locator(FIG).scrollIntoViewIfNeeded();
  await expect(page.locator(`${FIG}[data-view-ready="true"][data-digit="3"][data-seg="slic"][data-bg="mean"]`)).toHaveCount(1, { timeout: 90_000 });
  await expect(page.locator(`${FIG} input[name="digit"]`)).toHaveValue('3');
  await expect(page.locator(`${FIG} select[name="seg"]`)).toHaveValue('slic');
  await expect(page.locator(`${FIG} select[name="bg"]`)).toHaveValue('mean');
  await expect(page.locator(`${FIG} [data-out="pred"]`)).toContainText('digit #3');
  // columns: pixels, ink, φ_k
  const rows = await tableRows(page, `${FIG} [data-table="phi"]`);
  expect(rows.length).toBeGreaterThanOrEqual(9);
  expect(rows.reduce((s, r) => s + r.values[0]!, 0)).toBe(784);
  const phi = rows.map((r) => r.values[2]!);
  expectFiniteAndVarying(phi, 'superpixel SHAP');
  const [fb, fx, delta, sum] = await tableNumbers(page, `${FIG} [data-table="sums"]`);
  expect(Math.abs(delta! - (fx! - fb!))).toBeLessThan(1e-12);
  expect(Math.abs(sum! - delta!)).toBeLessThan(1e-6);
  expect(Math.abs(phi.reduce((a, b) => a + b, 0) - delta!)).toBeLessThan(1e-6);
  expect(problems).toEqual([]);
});
