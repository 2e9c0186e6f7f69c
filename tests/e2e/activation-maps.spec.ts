import { test, expect, type Page } from '@playwright/test';
import { expectFiniteAndVarying, tableNumbers, watchProblems } from './helpers.ts';

const CHAPTER = '/seeing-inside/activation-maps/';
const FIG = '#fig-mlpact';
const TABLES = ['act-hidden1', 'act-hidden2', 'act-output', 'weights'] as const;

async function openFigure(page: Page, query = ''): Promise<void> {
  await page.goto(`${CHAPTER}?backend=cpu${query}`);
  await page.locator(FIG).scrollIntoViewIfNeeded();
}

async function viewAt(page: Page, epoch: number, digit: number): Promise<void> {
  await expect(page.locator(`${FIG}[data-view-ready="true"][data-epoch="${epoch}"][data-digit="${digit}"]`)).toHaveCount(1, { timeout: 150_000 });
}

async function readAll(page: Page): Promise<Record<(typeof TABLES)[number], number[]>> {
  const out = {} as Record<(typeof TABLES)[number], number[]>;
  for (const t of TABLES) out[t] = await tableNumbers(page, `${FIG} [data-table="${t}"]`);
  return out;
}

test('the MLP learns: activations and weights are finite and varying, the first-layer weights change, another digit changes the activations', async ({ page }) => {
  test.setTimeout(240_000);
  const problems = watchProblems(page);
  await openFigure(page, '&mlpact.epochs=1');
  await viewAt(page, 0, 0);
  const before = await readAll(page);
  for (const t of TABLES) expectFiniteAndVarying(before[t], `${t} before training`);
  // 64 + 32 ReLU activations (never negative) and 10 softmax outputs summing to one.
  expect(before['act-hidden1']).toHaveLength(64);
  expect(before['act-hidden2']).toHaveLength(32);
  expect(before['act-hidden1'].every((a) => a >= 0)).toBe(true);
  expect(before['act-output'].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
  expect(before.weights).toHaveLength(64 * 20);

  await page.locator(`${FIG} [data-action="train"]`).click();
  await expect(page.locator(`${FIG}[data-running="false"][data-epoch="1"]`)).toHaveCount(1, { timeout: 180_000 });
  await viewAt(page, 1, 0);
  const after = await readAll(page);
  for (const t of TABLES) expectFiniteAndVarying(after[t], `${t} after one epoch`);
  // Training moved the first layer's weights (bias, norm, extremes and block means of each neuron).
  const moved = after.weights.reduce((m, w, i) => Math.max(m, Math.abs(w - before.weights[i]!)), 0);
  expect(moved).toBeGreaterThan(1e-3);
  const [, , accuracy] = await tableNumbers(page, `${FIG} [data-table="metrics"]`);
  expect(accuracy!).toBeGreaterThan(0.8);
  expect(page.url()).toContain('mlpact.epoch=1');
  // The change since epoch 0 is the difference of the two weight tables' block means, and not zero.
  const change = await tableNumbers(page, `${FIG} [data-table="weights-change"]`);
  expectFiniteAndVarying(change, 'weight change');
  const blockMean = (t: number[], j: number, b: number) => t[j * 20 + 4 + b]!;
  expect(blockMean(change, 5, 5)).toBeCloseTo(blockMean(after.weights, 5, 5) - blockMean(before.weights, 5, 5), 4);
  await page.locator(`${FIG} select[name="wshow"]`).selectOption('delta');
  await expect(page.locator(`${FIG}[data-weights-shown="delta"]`)).toHaveCount(1);
  expect(page.url()).toContain('mlpact.wshow=delta');

  // Another digit: other activations, the same weights.
  await page.locator(`${FIG} [data-action="next-digit"]`).click();
  await viewAt(page, 1, 1);
  const other = await readAll(page);
  expect(other['act-hidden1']).not.toEqual(after['act-hidden1']);
  expect(other['act-output']).not.toEqual(after['act-output']);
  expect(other.weights).toEqual(after.weights);
  expect(page.url()).toContain('mlpact.digit=1');
  expect(problems).toEqual([]);
});
