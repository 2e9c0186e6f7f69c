import { test, expect, type Page } from '@playwright/test';
import { expectFiniteAndVarying, tableNumbers, watchProblems } from './helpers.ts';

const CHAPTER = '/how-networks-compute/recurrent-networks/';
const VANISH = '#fig-vanish';
const LSTM = '#fig-lstm';

// Recurrent layers on the CPU backend of a shared machine are slow: generous limits.
test.setTimeout(300_000);

async function open(page: Page, fig: string, query = ''): Promise<void> {
  await page.goto(`${CHAPTER}?backend=cpu${query}`);
  await page.locator(fig).scrollIntoViewIfNeeded();
  await expect(page.locator(`${fig}[data-view-ready="true"]`)).toHaveCount(1, { timeout: 120_000 });
}

const num = async (page: Page, fig: string, attr: string) => Number(await page.locator(fig).getAttribute(attr));

test('the chapter opens without console errors and both figures draw finite numbers', async ({ page }) => {
  const problems = watchProblems(page);
  await open(page, VANISH);
  await expect(page.locator('.katex-error')).toHaveCount(0);
  await page.locator(LSTM).scrollIntoViewIfNeeded();
  await expect(page.locator(`${LSTM}[data-view-ready="true"]`)).toHaveCount(1, { timeout: 120_000 });
  await expect(page.locator(`${LSTM} [data-out="backend"]`)).toContainText('cpu');
  expectFiniteAndVarying(await tableNumbers(page, `${LSTM} [data-table="map-f"]`), 'forget gates at initialisation');
  await expect(page.locator(`${VANISH} [data-out="backend"]`)).toContainText('cpu');
  const norms = await tableNumbers(page, `${VANISH} [data-table="norms"]`);
  expect(norms).toHaveLength(2 * 20);
  expectFiniteAndVarying(norms, 'gradient per step');
  // At initialisation both gradients fall off towards t = 1, and (as the chapter says)
  // the LSTM's, with forget gates near σ(1), falls faster than the orthogonal RNN's.
  const rnnFirst = await num(page, VANISH, 'data-rnn-first');
  const lstmFirst = await num(page, VANISH, 'data-lstm-first');
  const rnnLast = await num(page, VANISH, 'data-rnn-last');
  const lstmLast = await num(page, VANISH, 'data-lstm-last');
  expect(rnnFirst).toBeLessThan(rnnLast);
  expect(lstmFirst).toBeLessThan(lstmLast / 10);
  expect(rnnFirst).toBeGreaterThan(10 * lstmFirst);
  expect(problems).toEqual([]);
});

test('after a few epochs the plain RNN’s gradient at the first step is far below the LSTM’s', async ({ page }) => {
  const problems = watchProblems(page);
  await open(page, VANISH, '&vanish.epochs=5');
  await page.locator(`${VANISH} [data-action="train"]`).click();
  await expect(page.locator(`${VANISH}[data-running="false"][data-epoch="5"]`)).toHaveCount(1, { timeout: 280_000 });
  const rnnFirst = await num(page, VANISH, 'data-rnn-first');
  const lstmFirst = await num(page, VANISH, 'data-lstm-first');
  const lstmLast = await num(page, VANISH, 'data-lstm-last');
  // Observed with seed 1: LSTM ≈ 0.4, RNN ≈ 0.003 at t = 1 (ratio above 100).
  expect(lstmFirst).toBeGreaterThan(10 * rnnFirst);
  // The LSTM's gradient now reaches the first step nearly undiminished.
  expect(lstmFirst).toBeGreaterThan(lstmLast / 5);
  expectFiniteAndVarying(await tableNumbers(page, `${VANISH} [data-table="training"]`), 'training history');
  expect(problems).toEqual([]);
});

test('the LSTM trains: loss falls, curves, hidden states and gates are finite and varying; the link restores the view', async ({ page, context }) => {
  const problems = watchProblems(page);
  await open(page, LSTM, '&lstm.epochs=1&lstm.example=5');
  const before = await num(page, LSTM, 'data-val-loss');
  await page.locator(`${LSTM} [data-action="train"]`).click();
  await expect(page.locator(`${LSTM}[data-running="false"][data-epoch="1"]`)).toHaveCount(1, { timeout: 200_000 });
  expect(await num(page, LSTM, 'data-val-loss')).toBeLessThan(before);
  const history = await tableNumbers(page, `${LSTM} [data-table="history"]`);
  expect(history).toHaveLength(5);
  expect(history.every(Number.isFinite)).toBe(true);
  expect(history[2]).toBeLessThan(before); // validation loss after epoch 1
  for (const key of ['sequence', 'map-h', 'map-i', 'map-f', 'map-o']) {
    expectFiniteAndVarying(await tableNumbers(page, `${LSTM} [data-table="${key}"]`), key);
  }
  expect(await tableNumbers(page, `${LSTM} [data-table="map-h"]`)).toHaveLength(64 * 20);
  await expect(page.locator(`${LSTM} [data-table="sequence"] caption`)).toContainText('#5');
  await expect.poll(() => new URL(page.url()).searchParams.get('lstm.epoch')).toBe('1');
  const url = page.url();
  expect(new URL(url).searchParams.get('lstm.example')).toBe('5');
  const hidden = await tableNumbers(page, `${LSTM} [data-table="map-h"]`);
  const sequence = await tableNumbers(page, `${LSTM} [data-table="sequence"]`);
  expect(problems).toEqual([]);

  const fresh = await context.newPage();
  await fresh.goto(url);
  await fresh.locator(LSTM).scrollIntoViewIfNeeded();
  await expect(fresh.locator(`${LSTM}[data-epoch="1"][data-view-ready="true"]`)).toHaveCount(1, { timeout: 200_000 });
  await expect(fresh.locator(`${LSTM} input[name="example"]`)).toHaveValue('5');
  expect(await tableNumbers(fresh, `${LSTM} [data-table="map-h"]`)).toEqual(hidden);
  expect(await tableNumbers(fresh, `${LSTM} [data-table="sequence"]`)).toEqual(sequence);
});
