import { test, expect } from '@playwright/test';
import { expectFiniteAndVarying, tableNumbers, watchProblems } from './helpers.ts';

const CHAPTER = '/how-networks-compute/training-and-evaluation/';

test('the chapter loads cleanly and shows the preprocessing numbers and the loss comparison', async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto(CHAPTER);
  await expect(page.locator('h1')).toHaveText('Training and evaluation');
  await expect(page.locator('.katex-error')).toHaveCount(0);
  expect(await page.locator('.katex-display').count()).toBeGreaterThan(5);

  const prep = page.locator('#fig-preprocessing');
  await prep.scrollIntoViewIfNeeded();
  await expect(page.locator('#fig-preprocessing[data-ready="true"]')).toHaveCount(1);
  const raw = await tableNumbers(page, '#fig-preprocessing [data-table="raw"]');
  expectFiniteAndVarying(raw, 'raw statistics');
  // 6 features × (missing, out of range, mean, std, min, max); some values were missing or out of range.
  expect(raw).toHaveLength(36);
  expect(raw.filter((_, i) => i % 6 < 2).some((n) => n > 0)).toBe(true);
  const scaled = await tableNumbers(page, '#fig-preprocessing [data-table="scaled"]');
  expect(scaled).toHaveLength(48);
  for (let j = 0; j < 6; j++) {
    expect(Math.abs(scaled[j * 8 + 4]!), 'training mean of z').toBeLessThan(1e-4);
    expect(scaled[j * 8 + 5]!, 'training std of z').toBeCloseTo(1, 3);
  }
  expect(Number(await prep.getAttribute('data-ratio-before'))).toBeGreaterThan(1e6);
  await expect(prep.locator('[data-out="readout"]')).toContainText('after standardising');

  const losses = page.locator('#fig-losses');
  await losses.scrollIntoViewIfNeeded();
  await expect(page.locator('#fig-losses[data-ready="true"]')).toHaveCount(1);
  await losses.locator('input[name="yhat"]').fill('0.01');
  await expect(losses.locator('[data-out="readout"]')).toContainText('cross-entropy');
  await expect(losses.locator('[data-out="readout"]')).toContainText('(50.51× larger)');
  expectFiniteAndVarying(await tableNumbers(page, '#fig-losses [data-table="values"]'), 'loss table');

  await page.waitForLoadState('networkidle');
  expect(problems).toEqual([]);
});

test('the optimizer race trains three copies on the cpu backend and all three losses fall', async ({ page }) => {
  const problems = watchProblems(page);
  const FIG = '#fig-race';
  await page.goto(`${CHAPTER}?backend=cpu&race.epochs=6`);
  await page.locator(FIG).scrollIntoViewIfNeeded();
  await expect(page.locator(`${FIG}[data-ready="true"]`)).toHaveCount(1);
  await expect(page.locator(FIG)).toHaveAttribute('data-backend', 'cpu');
  await expect(page.locator(`${FIG}[data-view-ready="true"]`)).toHaveCount(1);
  const start = await tableNumbers(page, `${FIG} [data-table="history"]`);
  expect(start).toHaveLength(6); // epoch 0: three equal losses, three equal accuracies
  expect(new Set(start.slice(0, 3)).size).toBe(1);

  await page.locator(`${FIG} [data-action="train"]`).click();
  await expect(page.locator(`${FIG}[data-running="false"][data-epoch="6"]`)).toHaveCount(1, { timeout: 45_000 });

  const history = await tableNumbers(page, `${FIG} [data-table="history"]`);
  expect(history).toHaveLength(7 * 6);
  expectFiniteAndVarying(history, 'race history');
  const first = history.slice(0, 3);
  const last = history.slice(6 * 6, 6 * 6 + 3);
  for (let k = 0; k < 3; k++) expect(last[k]!, `optimizer ${k} loss fell`).toBeLessThan(first[k]!);
  const summary = await tableNumbers(page, `${FIG} [data-table="summary"]`);
  expectFiniteAndVarying(summary, 'race summary');
  await expect(page.locator(`${FIG} [data-out="readout"]`)).toContainText('epoch 6');
  expect(new URL(page.url()).searchParams.get('race.epoch')).toBe('6');
  expect(problems).toEqual([]);
});
