import { readFileSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import { expectFiniteAndVarying, tableNumbers, watchProblems } from './helpers.ts';

const CHAPTER = '/how-networks-compute/convolutional-networks/';
const FIG = '#fig-mnist';

async function openFigure(page: Page, query = ''): Promise<void> {
  await page.goto(`${CHAPTER}${query}`);
  await page.locator(FIG).scrollIntoViewIfNeeded();
}

test('the fast CNN learns real MNIST digits in the page: above 90% test accuracy', async ({ page }) => {
  test.setTimeout(900_000);
  const problems = watchProblems(page);
  // The figure's default settings (Adam, learning rate 0.003, batch 32); the same
  // code in Node passes 92% test accuracy after three epochs (public/checkpoints/index.json).
  await openFigure(page, '?mnist.epochs=3');
  await expect(page.locator(`${FIG}[data-view-ready="true"]`)).toHaveCount(1, { timeout: 120_000 });
  await expect(page.locator(`${FIG} [data-table="summary"] caption`)).toContainText('6,218 parameters');
  await page.locator(`${FIG} [data-action="train"]`).click();
  await expect(page.locator(`${FIG} [data-out="speed"]`)).toContainText('samples/s', { timeout: 120_000 });
  await expect(page.locator(`${FIG}[data-running="false"][data-epoch="3"]`)).toHaveCount(1, { timeout: 840_000 });
  const accuracy = Number(await page.locator(FIG).getAttribute('data-test-accuracy'));
  expect(accuracy).toBeGreaterThan(0.9);
  // The confusion matrix counts every test digit once, mostly on the diagonal.
  const cm = await tableNumbers(page, `${FIG} [data-table="confusion"]`);
  expect(cm.reduce((a, b) => a + b, 0)).toBe(2000);
  const diagonal = cm.filter((_, i) => i % 11 === 0).reduce((a, b) => a + b, 0);
  expect(diagonal / 2000).toBeCloseTo(accuracy, 5);
  expectFiniteAndVarying(await tableNumbers(page, `${FIG} [data-table="metrics"]`), 'per-class metrics');
  expectFiniteAndVarying(await tableNumbers(page, `${FIG} [data-table="history"]`), 'training history');
  expect(problems).toEqual([]);
});

test('a missing data file gives a clear message in the figure, not a hang', async ({ page }) => {
  await page.route('**/generated/mnist/train-images.u8', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await openFigure(page);
  const notices = page.locator(`${FIG} [data-out="notices"]`);
  await expect(notices).toContainText('train-images.u8', { timeout: 60_000 });
  await expect(notices).toContainText('npm run build');
  await expect(page.locator(`${FIG} [data-out="status"]`)).toHaveText('error');
});

test('a truncated data file is caught by its size check', async ({ page }) => {
  await page.route('**/generated/mnist/test-labels.u8', (route) => route.fulfill({ status: 200, body: Buffer.alloc(100) }));
  await openFigure(page);
  await expect(page.locator(`${FIG} [data-out="notices"]`)).toContainText('test-labels.u8', { timeout: 60_000 });
});

test('skip ahead loads weights trained earlier, and a link restores them', async ({ page, context }) => {
  const index = JSON.parse(readFileSync('public/checkpoints/index.json', 'utf8')) as { checkpoints: { epoch: number; testAccuracy: number }[] };
  const ten = index.checkpoints.find((c) => c.epoch === 10)!;
  await openFigure(page, '?backend=cpu');
  await expect(page.locator(`${FIG}[data-view-ready="true"]`)).toHaveCount(1, { timeout: 120_000 });
  await page.locator(`${FIG} select[name="checkpoint"]`).selectOption('10');
  await expect(page.locator(`${FIG}[data-epoch="10"]`)).toHaveCount(1, { timeout: 60_000 });
  const accuracy = Number(await page.locator(FIG).getAttribute('data-test-accuracy'));
  // The same weights on the same test digits: the accuracy recorded when they were trained.
  expect(accuracy).toBeCloseTo(ten.testAccuracy, 2);
  await expect.poll(() => new URL(page.url()).searchParams.get('mnist.from')).toBe('10');
  const probabilities = await tableNumbers(page, `${FIG} [data-table="probabilities"]`);
  const fresh = await context.newPage();
  await fresh.goto(page.url());
  await fresh.locator(FIG).scrollIntoViewIfNeeded();
  await expect(fresh.locator(`${FIG}[data-epoch="10"]`)).toHaveCount(1, { timeout: 120_000 });
  expect(await tableNumbers(fresh, `${FIG} [data-table="probabilities"]`)).toEqual(probabilities);
});
