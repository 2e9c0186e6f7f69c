import { test, expect, type Page } from '@playwright/test';
import { expectFiniteAndVarying, tableNumbers, watchProblems } from './helpers.ts';
import { MODEL_CHECKPOINTS } from '../../src/figures/attribution/state.ts';

const CHAPTER = '/seeing-inside/gradient-maps/';
const FIG = '#fig-attr';
const SLIDER = `${FIG} input[type="range"][name="ckpt"]`;

async function openFigure(page: Page, query = ''): Promise<void> {
  await page.goto(`${CHAPTER}?backend=cpu${query}`);
  await page.locator(FIG).scrollIntoViewIfNeeded();
}

/** Waits for a computed view of checkpoint `epoch` (and optionally class `target`, model `model`). */
async function viewReady(page: Page, epoch: number, target?: number, model = 'fast'): Promise<void> {
  const t = target === undefined ? '' : `[data-target="${target}"]`;
  await expect(page.locator(`${FIG}[data-view-ready="true"][data-model="${model}"][data-checkpoint="${epoch}"]${t}`)).toHaveCount(1, { timeout: 90_000 });
}

/** IG's completeness: f(x), f(x′), f(x) − f(x′), Σ IG, gap, gap % — the gap under 1% of |f(x) − f(x′)|. */
async function expectCompleteness(page: Page): Promise<void> {
  const [fx, fb, delta, sum, gap, gapPercent] = await tableNumbers(page, `${FIG} [data-table="ig"]`);
  expect(Math.abs(delta! - (fx! - fb!))).toBeLessThan(1e-6);
  expect(Math.abs(delta!)).toBeGreaterThan(0.01);
  expect(Math.abs(sum! - delta!)).toBeCloseTo(gap!, 6);
  expect(gap!).toBeLessThan(0.01 * Math.abs(delta!));
  expect(gapPercent!).toBeLessThan(1);
}

const mapsOf = async (page: Page) => ({
  saliency: await tableNumbers(page, `${FIG} [data-table="pooled-saliency"]`),
  gradcam: await tableNumbers(page, `${FIG} [data-table="pooled-gradcam"]`),
  ig: await tableNumbers(page, `${FIG} [data-table="pooled-ig"]`),
});

test('fast CNN: IG gap under 1%, Grad-CAM and saliency finite and varying, and the checkpoint slider changes the maps', async ({ page }) => {
  test.setTimeout(150_000);
  const problems = watchProblems(page);
  await openFigure(page, '&attr.ckpt=5');
  await viewReady(page, 5);
  await expect(page.locator(SLIDER)).toHaveValue(String(MODEL_CHECKPOINTS.fast.indexOf('5')));
  const at5 = await mapsOf(page);
  // The slider is keyboard-operable: one step right is the next checkpoint, epoch 10.
  await page.locator(SLIDER).focus();
  await page.keyboard.press('ArrowRight');
  await viewReady(page, 10);
  await expect(page.locator(`${FIG} [data-out="readout"]`)).toContainText('after 10 epochs');
  await expect(page.locator(`${FIG} [data-out="ckpt-label"]`)).toContainText('10 epochs');
  // Epoch 10 is the default checkpoint, so the link drops it.
  expect(page.url()).not.toContain('attr.ckpt=');
  await expectCompleteness(page);
  const at10 = await mapsOf(page);
  expectFiniteAndVarying(at10.gradcam, 'Grad-CAM');
  expectFiniteAndVarying(at10.saliency, 'saliency');
  expect(at10.saliency).not.toEqual(at5.saliency);
  expect(at10.gradcam).not.toEqual(at5.gradcam);
  expect(at10.ig).not.toEqual(at5.ig);
  // To the untrained weights (the slider's first position): other maps again.
  await page.keyboard.press('Home');
  await viewReady(page, 0);
  expect((await mapsOf(page)).saliency).not.toEqual(at10.saliency);
  expect(problems).toEqual([]);
});

test('changing the class to explain changes Grad-CAM, not the activation map', async ({ page }) => {
  test.setTimeout(90_000);
  const problems = watchProblems(page);
  await openFigure(page);
  await viewReady(page, 10);
  const predicted = Number(await page.locator(FIG).getAttribute('data-target'));
  const before = await tableNumbers(page, `${FIG} [data-table="pooled-gradcam"]`);
  const camBefore = await tableNumbers(page, `${FIG} [data-table="pooled-cam"]`);
  const actBefore = await tableNumbers(page, `${FIG} [data-table="pooled-activation"]`);
  const gradBefore = await tableNumbers(page, `${FIG} [data-table="pooled-gradient"]`);
  const other = (predicted + 1) % 10;
  await page.locator(`${FIG} select[name="target"]`).selectOption(String(other));
  await viewReady(page, 10, other);
  const after = await tableNumbers(page, `${FIG} [data-table="pooled-gradcam"]`);
  const camAfter = await tableNumbers(page, `${FIG} [data-table="pooled-cam"]`);
  expect(after.every(Number.isFinite)).toBe(true);
  expect(after).not.toEqual(before);
  expect(camAfter).not.toEqual(camBefore);
  // Side by side: the activation map stays, the gradient map moves with the class.
  expect(await tableNumbers(page, `${FIG} [data-table="pooled-activation"]`)).toEqual(actBefore);
  expect(await tableNumbers(page, `${FIG} [data-table="pooled-gradient"]`)).not.toEqual(gradBefore);
  expect(page.url()).toContain(`attr.target=${other}`);
  expect(problems).toEqual([]);
});

test("documents' CNN: Grad-CAM on conv2 finite and varying, no CAM, IG gap under 1%", async ({ page }) => {
  test.setTimeout(150_000);
  const problems = watchProblems(page);
  const last = Number(MODEL_CHECKPOINTS.documents.at(-1));
  await openFigure(page);
  await viewReady(page, 10);
  await page.locator(`${FIG} select[name="model"]`).selectOption('documents');
  await viewReady(page, last, undefined, 'documents');
  expect(page.url()).toContain('attr.model=documents');
  await expect(page.locator(SLIDER)).toHaveAttribute('max', String(MODEL_CHECKPOINTS.documents.length - 1));
  await expectCompleteness(page);
  const maps = await mapsOf(page);
  expectFiniteAndVarying(maps.gradcam, "documents' Grad-CAM");
  expectFiniteAndVarying(maps.saliency, "documents' saliency");
  expect(await tableNumbers(page, `${FIG} [data-table="alpha"]`)).toHaveLength(64);
  expect(await tableNumbers(page, `${FIG} [data-table="pooled-activation"]`)).toHaveLength(11 * 11);
  await expect(page.locator(`${FIG} [data-out="note-cam"]`)).toContainText('not defined');
  expect(await tableNumbers(page, `${FIG} [data-table="pooled-cam"]`)).toEqual([]);
  // A link naming a checkpoint this model lacks is corrected, with a notice.
  await openFigure(page, '&attr.model=documents&attr.ckpt=10');
  await expect(page.locator(`${FIG} [data-out="notices"]`)).toContainText('checkpoints after');
  await viewReady(page, last, undefined, 'documents');
  expect(problems.filter((p) => !p.includes('favicon'))).toEqual([]);
});

test('the shared scale, the IG baseline and the link: a copied link restores the same view', async ({ page, browser }) => {
  test.setTimeout(150_000);
  const problems = watchProblems(page);
  await openFigure(page, '&attr.ckpt=3');
  await viewReady(page, 3);
  await page.locator(`${FIG} input[name="digit"]`).fill('7');
  await page.locator(`${FIG} input[name="digit"]`).press('Tab');
  await expect(page.locator(`${FIG}[data-view-ready="true"][data-digit="7"]`)).toHaveCount(1, { timeout: 90_000 });
  const black = await tableNumbers(page, `${FIG} [data-table="ig"]`);
  await page.locator(`${FIG} select[name="base"]`).selectOption('mean');
  await expect(page.locator(`${FIG} [data-out="ig-note"]`)).toContainText('mean digit', { timeout: 90_000 });
  await expect(page.locator(`${FIG}[data-view-ready="true"]`)).toHaveCount(1, { timeout: 90_000 });
  const mean = await tableNumbers(page, `${FIG} [data-table="ig"]`);
  // Another baseline, another f(x′), and completeness still holds.
  expect(mean[1]).not.toBeCloseTo(black[1]!, 6);
  await expectCompleteness(page);
  await page.locator(`${FIG} select[name="scale"]`).selectOption('shared');
  await expect(page.locator(`${FIG}[data-scale="shared"]`)).toHaveCount(1);
  await expect(page.locator(`${FIG} [data-out="scale-note"]`)).toContainText('Shared');
  const url = page.url();
  for (const p of ['attr.ckpt=3', 'attr.digit=7', 'attr.base=mean', 'attr.scale=shared']) expect(url).toContain(p);
  const maps = await mapsOf(page);

  const again = await browser.newPage();
  const againProblems = watchProblems(again);
  await again.goto(url);
  await again.locator(FIG).scrollIntoViewIfNeeded();
  await expect(again.locator(`${FIG}[data-view-ready="true"][data-checkpoint="3"][data-digit="7"]`)).toHaveCount(1, { timeout: 90_000 });
  await expect(again.locator(SLIDER)).toHaveValue(String(MODEL_CHECKPOINTS.fast.indexOf('3')));
  await expect(again.locator(`${FIG} select[name="base"]`)).toHaveValue('mean');
  await expect(again.locator(`${FIG} select[name="scale"]`)).toHaveValue('shared');
  expect(await tableNumbers(again, `${FIG} [data-table="ig"]`)).toEqual(mean);
  expect(await mapsOf(again)).toEqual(maps);
  await again.close();
  expect(againProblems).toEqual([]);
  expect(problems).toEqual([]);
});
