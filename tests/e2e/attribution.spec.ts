import { test, expect, type Page } from '@playwright/test';
import { expectFiniteAndVarying, tableNumbers, watchProblems } from './helpers.ts';

const CHAPTER = '/seeing-inside/gradient-maps/';
const FIG = '#fig-attr';

async function openFigure(page: Page, query = ''): Promise<void> {
  await page.goto(`${CHAPTER}?backend=cpu${query}`);
  await page.locator(FIG).scrollIntoViewIfNeeded();
}

/** Waits for a computed view of checkpoint `epoch` (and optionally class `target`). */
async function viewReady(page: Page, epoch: number, target?: number): Promise<void> {
  const t = target === undefined ? '' : `[data-target="${target}"]`;
  await expect(page.locator(`${FIG}[data-view-ready="true"][data-checkpoint="${epoch}"]${t}`)).toHaveCount(1, { timeout: 45_000 });
}

test('the epoch-10 checkpoint: IG completeness gap under 1%, Grad-CAM and saliency finite and varying', async ({ page }) => {
  test.setTimeout(60_000);
  const problems = watchProblems(page);
  await openFigure(page, '&attr.ckpt=5');
  await viewReady(page, 5);
  await page.locator(`${FIG} select[name="ckpt"]`).selectOption('10');
  await viewReady(page, 10);
  await expect(page.locator(`${FIG} [data-out="readout"]`)).toContainText('after 10 epochs');
  // f(x), f(x′), f(x) − f(x′), Σ IG, gap, gap %
  const [fx, fb, delta, sum, gap, gapPercent] = await tableNumbers(page, `${FIG} [data-table="ig"]`);
  expect(Math.abs(delta! - (fx! - fb!))).toBeLessThan(1e-6);
  expect(Math.abs(delta!)).toBeGreaterThan(0.01);
  expect(Math.abs(sum! - delta!)).toBeCloseTo(gap!, 6);
  expect(gap!).toBeLessThan(0.01 * Math.abs(delta!));
  expect(gapPercent!).toBeLessThan(1);
  expectFiniteAndVarying(await tableNumbers(page, `${FIG} [data-table="pooled-gradcam"]`), 'Grad-CAM');
  expectFiniteAndVarying(await tableNumbers(page, `${FIG} [data-table="pooled-saliency"]`), 'saliency');
  expect(problems).toEqual([]);
});

test('changing the class to explain changes Grad-CAM, not the activation map', async ({ page }) => {
  test.setTimeout(60_000);
  const problems = watchProblems(page);
  await openFigure(page);
  await viewReady(page, 10);
  const predicted = Number(await page.locator(FIG).getAttribute('data-target'));
  const before = await tableNumbers(page, `${FIG} [data-table="pooled-gradcam"]`);
  const camBefore = await tableNumbers(page, `${FIG} [data-table="pooled-cam"]`);
  const actBefore = await tableNumbers(page, `${FIG} [data-table="pooled-activation"]`);
  const other = (predicted + 1) % 10;
  await page.locator(`${FIG} select[name="target"]`).selectOption(String(other));
  await viewReady(page, 10, other);
  const after = await tableNumbers(page, `${FIG} [data-table="pooled-gradcam"]`);
  const camAfter = await tableNumbers(page, `${FIG} [data-table="pooled-cam"]`);
  expect(after.every(Number.isFinite)).toBe(true);
  expect(after).not.toEqual(before);
  expect(camAfter).not.toEqual(camBefore);
  expect(await tableNumbers(page, `${FIG} [data-table="pooled-activation"]`)).toEqual(actBefore);
  expect(page.url()).toContain(`attr.target=${other}`);
  expect(problems).toEqual([]);
});
