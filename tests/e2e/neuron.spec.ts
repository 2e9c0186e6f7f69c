import { test, expect } from '@playwright/test';
import { tableNumbers } from './helpers.ts';

const CHAPTER = '/how-networks-compute/neuron/';

test('the worked example is computed in the page and matches the equation', async ({ page }) => {
  await page.goto(CHAPTER);
  const box = page.locator('[data-worked-neuron]');
  await expect(box.locator('[data-out="z"]')).toHaveText('2.1000');
  await expect(box.locator('[data-out="y"]')).toHaveText(String((1 / (1 + Math.exp(-2.1))).toFixed(4)));
  await box.locator('[name="b"]').fill('-1.8'); // z = 0.2 + 1.6 − 1.8 = 0
  await expect(box.locator('[data-out="y"]')).toHaveText('0.5000');
});

test('the activation explorer redraws when w and b move, from the keyboard too', async ({ page }) => {
  await page.goto(CHAPTER);
  const fig = page.locator('#fig-neuron');
  await fig.scrollIntoViewIfNeeded();
  await expect(fig).toHaveAttribute('data-ready', 'true');
  const before = await tableNumbers(page, '#fig-neuron [data-table="values"]');
  await fig.locator('input[name="w"]').focus();
  await page.keyboard.press('ArrowRight');
  await expect(fig.locator('[data-out="w"]')).toHaveText('1.1');
  const after = await tableNumbers(page, '#fig-neuron [data-table="values"]');
  expect(after).not.toEqual(before);
  // Row 2 is y = σ(wx + b) at x = -4 … 4, computed by the same code as the worked example.
  expect(after[7 + 4]).toBeCloseTo(1 / (1 + Math.exp(-1.1 * 1)), 3);
  await fig.locator('select[name="act"]').selectOption('relu');
  await expect(fig.locator('table caption')).toContainText('relu');
  expect(new URL(page.url()).searchParams.get('neuron.act')).toBe('relu');
});
