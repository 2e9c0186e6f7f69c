import { test, expect, type Page } from '@playwright/test';
import { expectFiniteAndVarying, tableNumbers, watchProblems } from './helpers.ts';

const CHAPTER = '/how-networks-compute/attention/';
const SUM = '#fig-attn-sum';
const FIG = '#fig-attn';

async function weights(page: Page): Promise<number[]> {
  return (await page.locator(SUM).getAttribute('data-weights'))!.split(',').map(Number);
}

test('small numbers: the softmax weights sum to 1, follow the edits and sharpen with the scale', async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto(`${CHAPTER}?backend=cpu`);
  await page.locator(SUM).scrollIntoViewIfNeeded();
  await expect(page.locator(`${SUM}[data-ready="true"]`)).toHaveCount(1);
  // The table holds h (3 columns), hᵀq, score, exp and α for each of the 5 vectors, then c.
  const table = `${SUM} [data-table="steps"]`;
  const rowsOf = async () => {
    const n = await tableNumbers(page, table);
    return Array.from({ length: 5 }, (_, i) => n.slice(i * 7, i * 7 + 7));
  };
  let rows = await rowsOf();
  const alpha = rows.map((r) => r[6]!);
  expect(alpha.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
  expect(await weights(page)).toEqual(alpha.map((a) => expect.closeTo(a, 6)));
  // h₃ = (2, 1, 0) matches q = (1, 1, 0) best: it has the largest weight.
  expect(alpha.indexOf(Math.max(...alpha))).toBe(2);
  const before = alpha[0]!;

  // Edit h₁ so it matches q strongly: its weight must become the largest.
  await page.getByLabel('h1, component 1').fill('5');
  await page.getByLabel('h1, component 1').press('Tab');
  await expect.poll(async () => (await weights(page))[0]!).toBeGreaterThan(before);
  rows = await rowsOf();
  expect(rows[0]!.slice(0, 4)).toEqual([5, 0, 1, 5]); // h₁ and h₁ᵀq = 5
  const edited = rows.map((r) => r[6]!);
  expect(edited.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
  expect(edited.indexOf(Math.max(...edited))).toBe(0);
  // The context row is Σ αᵢhᵢ.
  const all = await tableNumbers(page, table);
  const c = all.slice(35);
  for (let j = 0; j < 3; j++) expect(c[j]).toBeCloseTo(rows.reduce((s, r) => s + r[6]! * r[j]!, 0), 3);
  expect(new URL(page.url()).searchParams.get('attn-sum.h11')).toBe('5');

  // Scale 0: uniform; a large scale: almost all weight on the best match.
  const slider = page.locator(`${SUM} input[name="s"]`);
  await slider.fill('0');
  await expect.poll(() => weights(page)).toEqual([0.2, 0.2, 0.2, 0.2, 0.2].map((w) => expect.closeTo(w, 9)));
  await slider.fill('5');
  await expect.poll(async () => Math.max(...(await weights(page)))).toBeGreaterThan(0.99);

  // The documents' self-attention form: the query is h₂ itself.
  await page.locator(`${SUM} select[name="query"]`).selectOption('h2');
  await expect(page.locator(`${table} caption`)).toContainText('Query h2');
  const selfRows = await rowsOf();
  expect(selfRows[1]![3]).toBeCloseTo(0 * 0 + 2 * 2 + 1, 6); // h₂ᵀh₂ = |h₂|² = 5
  expect(problems).toEqual([]);
});

test('small numbers: a bad value in the link gives a notice and the default', async ({ page }) => {
  await page.goto(`${CHAPTER}?attn-sum.q1=lots&attn-sum.s=2`);
  await page.locator(SUM).scrollIntoViewIfNeeded();
  await expect(page.locator(`${SUM} [data-out="notices"]`)).toContainText('q component 1');
  await expect(page.getByLabel('q, component 1')).toHaveValue('1');
  await expect(page.locator(`${SUM} [data-out="s"]`)).toHaveText('2');
});

async function openFigure(page: Page, query: string): Promise<void> {
  await page.goto(`${CHAPTER}?backend=cpu${query}`);
  await page.locator(FIG).scrollIntoViewIfNeeded();
  await expect(page.locator(`${FIG}[data-ready="true"]`)).toHaveCount(1);
  await expect(page.locator(`${FIG}[data-view-ready="true"]`)).toHaveCount(1);
}

const num = async (page: Page, attr: string) => Number(await page.locator(FIG).getAttribute(`data-${attr}`));

test('training: loss falls, attention moves onto the answer step above chance, agreement is measured', async ({ page }) => {
  test.setTimeout(240_000);
  const problems = watchProblems(page);
  // Six epochs of the defaults: validation accuracy passes 95% after about five.
  await openFigure(page, '&attn.epochs=6');
  await expect(page.locator(`${FIG} [data-out="backend"]`)).toContainText('cpu');
  const chance = await num(page, 'chance');
  expect(chance).toBeCloseTo(0.1, 9);
  const massBefore = await num(page, 'mass');
  const lossBefore = await num(page, 'loss');
  // Untrained attention is nearly uniform: its mass on the answer is close to chance.
  expect(Math.abs(massBefore - chance)).toBeLessThan(0.03);

  const t0 = Date.now();
  await page.locator(`${FIG} [data-action="train"]`).click();
  await expect(page.locator(`${FIG}[data-running="false"][data-epoch="6"]`)).toHaveCount(1, { timeout: 200_000 });
  console.log(`attention figure: 6 epochs on cpu in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  expect(await num(page, 'loss')).toBeLessThan(lossBefore * 0.5);
  expect(await num(page, 'val-accuracy')).toBeGreaterThan(0.9);
  const mass = await num(page, 'mass');
  expect(mass).toBeGreaterThan(1.5 * chance);
  expect(mass).toBeGreaterThan(massBefore);
  expect(Number.isFinite(await num(page, 'agreement'))).toBe(true);

  const history = await tableNumbers(page, `${FIG} [data-table="history"]`);
  expect(history).toHaveLength(6 * 5);
  expectFiniteAndVarying(history, 'training history');
  const losses = history.filter((_, i) => i % 5 === 0);
  expect(losses.at(-1)!).toBeLessThan(losses[0]!);
  // The attention table: answer step, then α over 10 steps, for 10 sequences; rows sum to 1.
  const att = await tableNumbers(page, `${FIG} [data-table="attention"]`);
  expect(att).toHaveLength(10 * 11);
  expectFiniteAndVarying(att, 'attention weights');
  for (let r = 0; r < 10; r++) expect(att.slice(r * 11 + 1, r * 11 + 11).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
  expectFiniteAndVarying(await tableNumbers(page, `${FIG} [data-table="example"]`), 'one sequence: attention and saliency');
  const measures = await tableNumbers(page, `${FIG} [data-table="measures"]`);
  expect(measures.every(Number.isFinite)).toBe(true);
  // The heat map outlines the answer step of each of the ten rows.
  await expect(page.locator(`${FIG} [data-view="attention"] rect.truth-mark`)).toHaveCount(10);
  expect(problems).toEqual([]);
});

test('a link restores the same view: same epoch, same sequence, same attention', async ({ page, context }) => {
  test.setTimeout(180_000);
  await openFigure(page, '&attn.seed=3&attn.rows=200&attn.units=8');
  for (let i = 1; i <= 2; i++) {
    await page.locator(`${FIG} [data-action="step"]`).click();
    await expect(page.locator(`${FIG}[data-epoch="${i}"]`)).toHaveCount(1, { timeout: 60_000 });
  }
  await page.locator(`${FIG} [data-action="next-example"]`).click();
  await expect(page.locator(`${FIG} [data-table="example"] caption`)).toContainText('#1');
  await expect.poll(() => new URL(page.url()).searchParams.get('attn.epoch')).toBe('2');
  expect(new URL(page.url()).searchParams.get('attn.example')).toBe('1');
  const attention = await tableNumbers(page, `${FIG} [data-table="attention"]`);
  const example = await tableNumbers(page, `${FIG} [data-table="example"]`);

  const fresh = await context.newPage();
  await fresh.goto(page.url());
  await fresh.locator(FIG).scrollIntoViewIfNeeded();
  await expect(fresh.locator(`${FIG}[data-epoch="2"]`)).toHaveCount(1, { timeout: 90_000 });
  await expect(fresh.locator(`${FIG} input[name="units"]`)).toHaveValue('8');
  await expect(fresh.locator(`${FIG} input[name="example"]`)).toHaveValue('1');
  expect(await tableNumbers(fresh, `${FIG} [data-table="attention"]`)).toEqual(attention);
  expect(await tableNumbers(fresh, `${FIG} [data-table="example"]`)).toEqual(example);
});
