import { test, expect, type Page } from '@playwright/test';
import { expectFiniteAndVarying, tableNumbers, watchProblems } from './helpers.ts';

const CHAPTER = '/explaining-predictions/lime/';
const FIG = '#fig-limeseq';
const T = 10;

async function open(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator(FIG).scrollIntoViewIfNeeded();
  await expect(page.locator(`${FIG}[data-ready="true"]`)).toHaveCount(1);
}

/** Waits for a finished explanation of sequence `seq` at `epoch`. */
async function explained(page: Page, epoch: number, seq: number): Promise<void> {
  await expect(page.locator(`${FIG}[data-view-ready="true"][data-epoch="${epoch}"][data-seq="${seq}"]:not([data-running="true"])`)).toHaveCount(1, {
    timeout: 90_000,
  });
}

async function pick(page: Page, seq: number): Promise<void> {
  await page.locator(`${FIG} input[name="seq"]`).fill(String(seq));
  await page.locator(`${FIG} input[name="seq"]`).press('Enter');
}

/** The steps table: token ids, ground truth (1 answer, 2 marker), LIME weight, |weight| rank, attention; T columns each. */
async function steps(page: Page): Promise<{ tokens: number[]; truth: number[]; weights: number[]; rank: number[]; alpha: number[] }> {
  const v = await tableNumbers(page, `${FIG} [data-table="steps"]`);
  expect(v).toHaveLength(5 * T);
  const row = (r: number) => v.slice(r * T, (r + 1) * T);
  return { tokens: row(0), truth: row(1), weights: row(2), rank: row(3), alpha: row(4) };
}

const attr = async (page: Page, name: string) => Number(await page.locator(FIG).getAttribute(`data-${name}`));

test('after training, LIME ranks the answer step first on held-out sequences; the numbers are finite; a copied link restores the view', async ({ page, context }) => {
  test.setTimeout(180_000);
  const problems = watchProblems(page);
  await open(page, `${CHAPTER}?backend=cpu`);
  await expect(page.locator(`${FIG} [data-out="backend"]`)).toContainText('cpu');
  await explained(page, 0, 0);

  const t0 = Date.now();
  await page.locator(`${FIG} [data-action="train"]`).click();
  await expect(page.locator(`${FIG}[data-running="false"][data-epoch="6"]`)).toHaveCount(1, { timeout: 120_000 });
  console.log(`sequence LIME figure: 6 epochs on cpu in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  expect(await attr(page, 'val-accuracy')).toBeGreaterThan(0.9);

  for (const seq of [0, 2, 4]) {
    if (seq !== 0) await pick(page, seq);
    await explained(page, 6, seq);
    const s = await steps(page);
    const answer = await attr(page, 'answer-step');
    const marker = await attr(page, 'marker-step');
    // Ground truth of the task: the marker (token 10), then the answer one step later.
    expect(s.tokens[marker - 1]).toBe(10);
    expect(answer).toBe(marker + 1);
    expect(s.truth[answer - 1]).toBe(1);
    expect(s.truth[marker - 1]).toBe(2);
    // The step with the largest |weight| is the answer step, in the table and on the root.
    const top = s.rank.indexOf(1) + 1;
    expect(top, `sequence ${seq}: LIME's top step`).toBe(answer);
    expect(await attr(page, 'top-step')).toBe(answer);
    expect(Math.max(...s.weights.map(Math.abs))).toBe(Math.abs(s.weights[answer - 1]!));
    expect(s.weights[answer - 1]).toBeGreaterThan(0);
    expectFiniteAndVarying(s.weights, `sequence ${seq}: LIME weights`);
    expectFiniteAndVarying(s.alpha, `sequence ${seq}: attention`);
    expect(s.alpha.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
    const fit = await tableNumbers(page, `${FIG} [data-table="fit"]`);
    expect(fit).toHaveLength(6);
    expect(fit.every(Number.isFinite)).toBe(true);
    const [f, , , r2] = fit as [number, number, number, number];
    expect(f).toBeGreaterThan(0.5);
    expect(r2).toBeGreaterThan(0.3);
    expect(r2).toBeLessThanOrEqual(1);
    // The picture: one bar per step, the answer step starred.
    await expect(page.locator(`${FIG} [data-view="weights"] rect.step-bar`)).toHaveCount(T);
    await expect(page.locator(`${FIG} [data-view="weights"] rect.step-bar.starred`)).toHaveCount(1);
  }

  // Fewer samples and another sequence, then "Copy link": a fresh page replays training to the same view.
  await page.locator(`${FIG} input[name="n"]`).fill('400');
  await page.locator(`${FIG} input[name="n"]`).press('Enter');
  await pick(page, 7);
  await explained(page, 6, 7);
  await expect(page.locator(`${FIG} [data-table="fit"] caption`)).toContainText('N = 400');
  const url = new URL(page.url());
  expect(url.searchParams.get('limeseq.seq')).toBe('7');
  expect(url.searchParams.get('limeseq.n')).toBe('400');
  expect(url.searchParams.get('limeseq.epoch')).toBe('6');
  const before = await steps(page);

  const fresh = await context.newPage();
  await open(fresh, page.url());
  await explained(fresh, 6, 7);
  await expect(fresh.locator(`${FIG} input[name="seq"]`)).toHaveValue('7');
  await expect(fresh.locator(`${FIG} input[name="n"]`)).toHaveValue('400');
  expect(await steps(fresh)).toEqual(before);

  // The random button moves to another held-out sequence and records it in the link.
  await page.locator(`${FIG} [data-action="random-seq"]`).click();
  await expect.poll(() => new URL(page.url()).searchParams.get('limeseq.seq')).not.toBe('7');
  const seq = Number(new URL(page.url()).searchParams.get('limeseq.seq'));
  await explained(page, 6, seq);
  expect(problems).toEqual([]);
});

test('the Chinese edition: the figure speaks Chinese, and a bad link value gives a notice', async ({ page }) => {
  test.setTimeout(90_000);
  const problems = watchProblems(page);
  await open(page, `/zh-cn${CHAPTER}?backend=cpu&limeseq.n=100&limeseq.seq=abc`);
  await expect(page.locator(`${FIG} [data-out="notices"]`)).toContainText('测试序列');
  await explained(page, 0, 0);
  await expect(page.locator(`${FIG} [data-action="random-seq"]`)).toHaveText('随机选一个测试序列');
  await expect(page.locator(`${FIG} [data-out="verdict"]`)).toContainText('答案在第');
  await expect(page.locator(FIG)).not.toContainText('⟦');
  expect(problems).toEqual([]);
});
