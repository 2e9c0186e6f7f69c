import { test, expect, type Page } from '@playwright/test';
import { tableNumbers, watchProblems } from './helpers.ts';

const EVALUATING = '/judging-explanations/evaluating-explanations/';
const FUTURE = '/judging-explanations/future-and-challenges/';
const QA = '/judging-explanations/questions-and-answers/';
const FIG = '#fig-eval';
/** Every chapter's URL (the book's slugs). */
const BOOK_CHAPTERS = [
  'opening-the-black-box/why-explain', 'opening-the-black-box/concepts',
  'how-networks-compute/neuron', 'how-networks-compute/forward-and-backward', 'how-networks-compute/training-and-evaluation',
  'how-networks-compute/convolutional-networks', 'how-networks-compute/recurrent-networks', 'how-networks-compute/attention',
  'seeing-inside/activation-maps', 'seeing-inside/gradient-maps', 'seeing-inside/cam-and-grad-cam',
  'explaining-predictions/feature-importance', 'explaining-predictions/lime', 'explaining-predictions/shap',
  'judging-explanations/evaluating-explanations', 'judging-explanations/future-and-challenges', 'judging-explanations/questions-and-answers',
  'back-matter/references', 'back-matter/notation', 'back-matter/glossary',
].map((s) => `/${s}/`);
/** Row order of every per-method table (EVAL_METHODS in src/figures/evaluation/state.ts). */
const METHODS = ['saliency', 'gxi', 'smoothgrad', 'ig', 'gradcam', 'lime', 'random'];
const RANDOMISED = ['saliency', 'gxi', 'smoothgrad', 'ig', 'gradcam', 'lime', 'input'];

async function openFigure(page: Page, query = ''): Promise<void> {
  await page.goto(`${EVALUATING}?backend=cpu${query}`);
  await page.locator(FIG).scrollIntoViewIfNeeded();
}

async function viewReady(page: Page, extra = ''): Promise<void> {
  await expect(page.locator(`${FIG}[data-view-ready="true"]${extra}`)).toHaveCount(1, { timeout: 170_000 });
}

/** The rows of a per-method table, each as its numbers. */
async function rows(page: Page, table: string, count: number): Promise<number[][]> {
  const all = await tableNumbers(page, `${FIG} [data-table="${table}"]`);
  const per = all.length / count;
  expect(Number.isInteger(per), `${table}: ${all.length} cells for ${count} rows`).toBe(true);
  return Array.from({ length: count }, (_, r) => all.slice(r * per, (r + 1) * per));
}

test('measured live: saliency deletes faster than a random ranking, the randomised saliency map changes, agreement is a proper correlation matrix', async ({ page }) => {
  test.setTimeout(180_000);
  const problems = watchProblems(page);
  // Three digits averaged, so one easy digit cannot decide the comparison.
  await openFigure(page, '&eval.n=3&eval.steps=12');
  await viewReady(page, '[data-checkpoint="10"][data-n="3"]');

  // 1. Deletion and insertion: [deletion AUC, insertion AUC, difference] per method.
  const auc = await rows(page, 'auc', METHODS.length);
  const row = (id: string) => auc[METHODS.indexOf(id)]!;
  for (const r of auc) for (const v of r) expect(Number.isFinite(v)).toBe(true);
  expect(row('saliency')[0]!).toBeLessThan(row('random')[0]!);
  expect(row('ig')[0]!).toBeLessThan(row('random')[0]!);
  expect(row('ig')[1]!).toBeGreaterThan(row('random')[1]!);
  // The self-checking exercise reads the same comparison from the figure's root: here saliency wins, so it stays open.
  expect(Number(await page.locator(FIG).getAttribute('data-saliency-vs-random'))).toBeCloseTo(row('saliency')[0]! - row('random')[0]!, 3);
  await expect(page.locator('figure-task[data-attr="saliency-vs-random"]')).toHaveAttribute('data-done', 'false');
  // Every curve has steps + 1 = 13 points and starts from the same unmodified digits.
  const curves = await rows(page, 'curves', METHODS.length);
  for (const c of curves) {
    expect(c).toHaveLength(13);
    expect(c[0]).toBeCloseTo(curves[0]![0]!, 6);
  }

  // 2. Randomisation: similarity to the trained map after each step (trained, output, +last_conv, +conv2, +conv1).
  const rho = await rows(page, 'rand-abs', RANDOMISED.length);
  const ssim = await rows(page, 'rand-ssim', RANDOMISED.length);
  const sal = rho[RANDOMISED.indexOf('saliency')]!;
  const control = rho[RANDOMISED.indexOf('input')]!;
  expect(sal).toHaveLength(5);
  expect(sal[0]).toBe(1);
  expect(sal[4]!).toBeLessThan(0.97);
  expect(ssim[RANDOMISED.indexOf('saliency')]![4]!).toBeLessThan(0.75);
  for (const v of control) expect(v).toBeCloseTo(1, 9);
  for (const v of ssim[RANDOMISED.indexOf('input')]!) expect(v).toBeCloseTo(1, 9);

  // 3. Agreement between methods: finite, symmetric, ones on the diagonal.
  const agreement = await rows(page, 'agreement', METHODS.length);
  agreement.forEach((r, i) => {
    expect(r).toHaveLength(METHODS.length);
    expect(r[i]).toBe(1);
    r.forEach((v, j) => {
      expect(Number.isFinite(v), `agreement[${i}][${j}] = ${v}`).toBe(true);
      expect(v).toBeCloseTo(agreement[j]![i]!, 12);
    });
  });
  expect(problems).toEqual([]);
});

test('a link restores the checkpoint, digits, curve steps and similarity measure; bad values give a notice', async ({ page }) => {
  test.setTimeout(180_000);
  const problems = watchProblems(page);
  await openFigure(page, '&eval.ckpt=3&eval.digit=5&eval.n=1&eval.steps=8&eval.sim=ssim&eval.seed=7');
  await viewReady(page, '[data-checkpoint="3"][data-digit="5"][data-n="1"]');
  await expect(page.locator(`${FIG} select[name="ckpt"]`)).toHaveValue('3');
  await expect(page.locator(`${FIG} select[name="sim"]`)).toHaveValue('ssim');
  await expect(page.locator(`${FIG} input[name="seed"]`)).toHaveValue('7');
  await expect(page.locator(`${FIG} [data-out="readout"]`)).toContainText('after 3 epochs');
  expect((await rows(page, 'curves', METHODS.length))[0]).toHaveLength(9);
  await expect(page.locator(`${FIG} [data-out="rand-note"]`)).toContainText('seed 7');
  // The next digit: a new measurement, remembered in the address.
  await page.locator(`${FIG} [data-action="next-digit"]`).click();
  await viewReady(page, '[data-digit="6"]');
  expect(page.url()).toContain('eval.digit=6');
  expect(page.url()).toContain('eval.ckpt=3');
  expect(problems).toEqual([]);

  const bad = await page.context().newPage();
  const badProblems = watchProblems(bad);
  await bad.goto(`${EVALUATING}?backend=cpu&eval.n=99&eval.sim=cosine`);
  await bad.locator(FIG).scrollIntoViewIfNeeded();
  await expect(bad.locator(`${FIG} [data-out="notices"]`)).toContainText('Ignored digits averaged');
  await expect(bad.locator(`${FIG} [data-out="notices"]`)).toContainText('Ignored similarity measure');
  await expect(bad.locator(`${FIG} input[name="n"]`)).toHaveValue('4');
  expect(badProblems).toEqual([]);
});

test('the three chapters open without console errors, and the Q&A answers every question with links into the book', async ({ page }) => {
  test.setTimeout(60_000);
  for (const path of [EVALUATING, FUTURE, QA]) {
    const problems = watchProblems(page);
    await page.goto(path);
    await expect(page.locator('h1')).toBeVisible();
    for (const h of ['Summary', 'Exercises', 'References']) await expect(page.getByRole('heading', { name: h, exact: true })).toBeVisible();
    expect(problems, path).toEqual([]);
  }
  await page.goto(QA);
  // Every question of the sources' FAQ sections is a heading ending in '?', each answered with links into the book.
  const questions = await page.locator('.sl-markdown-content h2').evaluateAll((hs) => hs.map((h) => h.textContent!.trim()).filter((t) => t.endsWith('?')));
  expect(questions.length).toBeGreaterThanOrEqual(6);
  const paths = await page.locator('.sl-markdown-content a[href^="../"]').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  expect(paths.length).toBeGreaterThanOrEqual(questions.length);
  // Every link points at a chapter of the book (some are written on other branches, so they are checked against the list of slugs).
  for (const p of paths) expect(BOOK_CHAPTERS, p).toContain(p);
});

test('a self-check exercise says whether the answer is right', async ({ page }) => {
  await page.goto(EVALUATING);
  const check = page.locator('check-answer').first();
  await check.scrollIntoViewIfNeeded();
  await check.getByRole('button', { name: 'Check' }).click();
  await expect(check.locator('.feedback')).toHaveText('Pick an answer first.');
  await check.getByLabel('SmoothGrad').check();
  await check.getByRole('button', { name: 'Check' }).click();
  await expect(check).toHaveAttribute('data-result', 'wrong');
  await check.getByLabel('Gradient × input').check();
  await check.getByRole('button', { name: 'Check' }).click();
  await expect(check).toHaveAttribute('data-result', 'right');
  await expect(check.locator('.feedback')).toContainText('Right.');
});
