import { test, expect, type Page } from '@playwright/test';
import { expectFiniteAndVarying, tableNumbers, watchProblems } from './helpers.ts';

const CHAPTER = '/explaining-predictions/lime/';
const FIG = '#fig-lime';

async function open(page: Page, query = ''): Promise<void> {
  await page.goto(`${CHAPTER}?backend=cpu${query}`);
  await page.locator(FIG).scrollIntoViewIfNeeded();
}

/** Waits until the figure shows a finished explanation at `epoch` (and of `row`, if given). */
async function explained(page: Page, epoch: number, row?: number): Promise<void> {
  const r = row === undefined ? '' : `[data-row="${row}"]`;
  await expect(page.locator(`${FIG}[data-view-ready="true"][data-epoch="${epoch}"]${r}:not([data-running="true"])`)).toHaveCount(1, { timeout: 90_000 });
}

/** The coefficients table: one [β, |β| rank, informative 0/1] triple per feature x0…x19. */
async function coefficients(page: Page): Promise<{ beta: number[]; rank: number[]; informative: number[] }> {
  const v = await tableNumbers(page, `${FIG} [data-table="coefficients"]`);
  expect(v).toHaveLength(60);
  const beta = [];
  const rank = [];
  const informative = [];
  for (let j = 0; j < 20; j++) {
    beta.push(v[3 * j]!);
    rank.push(v[3 * j + 1]!);
    if (v[3 * j + 2] === 1) informative.push(j);
  }
  return { beta, rank, informative };
}

test('trained in the page, LIME ranks both informative features in the top 3 on a confident row; stability numbers are finite', async ({ page }) => {
  test.setTimeout(170_000);
  const problems = watchProblems(page);
  await open(page);
  await expect(page.locator(`${FIG}[data-ready="true"]`)).toHaveCount(1, { timeout: 60_000 });
  await page.locator(`${FIG} [data-action="train"]`).click();
  await explained(page, 20);
  await expect(page.locator(`${FIG} [data-out="training"]`)).toContainText('test accuracy');
  const before = Number(await page.locator(FIG).getAttribute('data-row'));
  await page.locator(`${FIG} [data-action="confident-row"]`).click();
  await expect(page.locator(`${FIG}[data-view-ready="true"]:not([data-row="${before}"])`)).toHaveCount(1, { timeout: 60_000 });
  // The readout does not flag the row: it is a confident, correct prediction.
  await expect(page.locator(`${FIG} [data-out="readout"]`)).not.toContainText('not a confident');

  const { beta, rank, informative } = await coefficients(page);
  expect(informative).toHaveLength(2);
  expect(beta.every(Number.isFinite)).toBe(true);
  for (const j of informative) expect(rank[j], `x${j} (informative) ranks ${rank[j]}; β = ${beta}`).toBeLessThanOrEqual(3);

  // f(x) is the network's own probability of the predicted class (≥ 0.9 on a confident row); R² in [0, 1].
  const [intercept, r2, mse, gx, fx] = await tableNumbers(page, `${FIG} [data-table="fit"]`);
  expect([intercept, r2, mse, gx, fx].every(Number.isFinite)).toBe(true);
  expect(fx!).toBeGreaterThanOrEqual(0.9);
  expect(r2!).toBeGreaterThan(0);
  expect(r2!).toBeLessThanOrEqual(1);

  const stability = await tableNumbers(page, `${FIG} [data-table="stability"]`);
  expect(stability).toHaveLength(60);
  expectFiniteAndVarying(stability, 'stability over ten seeds');
  await expect(page.locator(`${FIG} [data-out="stability-note"]`)).toContainText('of 10 runs');
  expect(page.url()).toContain('lime.epoch=20');
  expect(problems).toEqual([]);
});

test('a link replays training and restores the exact coefficients; another LIME seed in the link draws other samples', async ({ page }) => {
  test.setTimeout(170_000);
  const problems = watchProblems(page);
  const link = '&lime.epochs=8&lime.epoch=8&lime.row=3&lime.n=600&lime.ls=11';
  await open(page, link);
  await explained(page, 8, 3);
  const first = await coefficients(page);
  const samples = await tableNumbers(page, `${FIG} [data-table="samples"]`);

  await open(page, link.replace('lime.ls=11', 'lime.ls=12'));
  await explained(page, 8, 3);
  const otherSamples = await tableNumbers(page, `${FIG} [data-table="samples"]`);
  // Row 0 is x itself in both; the perturbations after it differ.
  expect(otherSamples.slice(0, 6)).toEqual(samples.slice(0, 6));
  expect(otherSamples).not.toEqual(samples);
  expect((await coefficients(page)).beta).not.toEqual(first.beta);

  await open(page, link);
  await explained(page, 8, 3);
  expect((await coefficients(page)).beta).toEqual(first.beta);
  expect(await tableNumbers(page, `${FIG} [data-table="samples"]`)).toEqual(samples);
  expect(problems).toEqual([]);
});

test('image LIME on the fast-CNN checkpoint: the superpixel map is finite and not constant; top superpixels alone keep a probability', async ({ page }) => {
  test.setTimeout(150_000);
  const problems = watchProblems(page);
  await page.goto(`${CHAPTER}?backend=cpu&limg.n=300`);
  const fig = '#fig-limg';
  await page.locator(fig).scrollIntoViewIfNeeded();
  await expect(page.locator(`${fig}[data-view-ready="true"][data-checkpoint="10"]`)).toHaveCount(1, { timeout: 120_000 });
  const map = await tableNumbers(page, `${fig} [data-table="image-map"]`);
  expect(map).toHaveLength(49);
  expectFiniteAndVarying(map, 'LIME superpixel map');
  // weight, pixels, in-top triples: pixels sum to 784, at most 4 marked top.
  const w = await tableNumbers(page, `${fig} [data-table="image-weights"]`);
  const pixels = w.filter((_, i) => i % 3 === 1).reduce((a, b) => a + b, 0);
  expect(pixels).toBe(784);
  const top = w.filter((_, i) => i % 3 === 2).reduce((a, b) => a + b, 0);
  expect(top).toBeGreaterThan(0);
  expect(top).toBeLessThanOrEqual(4);
  const [, r2, , fx, pTop] = await tableNumbers(page, `${fig} [data-table="image-fit"]`);
  expect([r2, fx, pTop].every(Number.isFinite)).toBe(true);
  expect(fx!).toBeGreaterThan(0.5); // the explained class is the predicted one
  expect(pTop!).toBeGreaterThanOrEqual(0);
  expect(pTop!).toBeLessThanOrEqual(1);
  expect(problems).toEqual([]);
});
