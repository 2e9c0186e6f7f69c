import { expect, test } from '@playwright/test';
import { tableNumbers, watchProblems } from './helpers.ts';

test('__TITLE__: the figure follows its slider and a link restores it', async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto('/__SLUG__/?__ID__.t=0.5');
  const figure = page.locator('#fig-__ID__');
  await figure.scrollIntoViewIfNeeded();
  await expect(figure).toHaveAttribute('data-ready', 'true');
  const sharp = await tableNumbers(page, '#fig-__ID__');
  expect(sharp.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 3);
  await figure.locator('[name="t"]').fill('4');
  await expect.poll(async () => (await tableNumbers(page, '#fig-__ID__'))[0]).toBeLessThan(sharp[0]!);
  expect(problems).toEqual([]);
});
