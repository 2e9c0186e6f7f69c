import { test, expect, type Page } from '@playwright/test';
import { watchProblems } from './helpers.ts';

const CHAPTER = '/how-networks-compute/forward-and-backward/';
const FIG = '#fig-xor';
// The "blow the loss up" task (the chapter also has a "loss below 0.05" one).
const TASK = 'figure-task[data-figure="xor"][data-attr="loss"][data-op="above"]';

async function trainWithRate(page: Page, lr: string, epochs: number): Promise<void> {
  await page.goto(`${CHAPTER}?backend=cpu&xor.epochs=${epochs}&xor.lr=${lr}`);
  await page.locator(FIG).scrollIntoViewIfNeeded();
  await expect(page.locator(`${FIG}[data-ready="true"]`)).toHaveCount(1, { timeout: 60_000 });
  await page.locator(`${FIG} [data-action="train"]`).click();
  await expect(page.locator(`${FIG}[data-running="false"][data-epoch="${epochs}"]`)).toHaveCount(1, { timeout: 110_000 });
}

test('the exercise ticks itself when a huge learning rate blows the XOR loss up, and stays ticked', async ({ page }) => {
  test.setTimeout(150_000);
  const problems = watchProblems(page);
  await page.goto(`${CHAPTER}?backend=cpu`);
  const task = page.locator(TASK);
  await expect(task).toHaveAttribute('data-done', 'false');
  await expect(task.getByRole('status')).toContainText('Not yet');
  await expect(task.locator('[data-out="task-success"]')).toBeHidden();

  // The reader types a huge learning rate into the figure's own control, then trains.
  await page.locator(FIG).scrollIntoViewIfNeeded();
  await expect(page.locator(`${FIG}[data-ready="true"]`)).toHaveCount(1, { timeout: 60_000 });
  await page.locator(`${FIG} input[name="epochs"]`).fill('20');
  await page.locator(`${FIG} input[name="epochs"]`).press('Enter');
  const lr = page.locator(`${FIG} input[name="lr"]`);
  await lr.fill('50');
  await lr.press('Enter');
  await expect(page).toHaveURL(/xor\.lr=50/);
  await page.locator(`${FIG} [data-action="train"]`).click();
  await expect(task).toHaveAttribute('data-done', 'true', { timeout: 110_000 });
  expect(Number(await page.locator(FIG).getAttribute('data-loss'))).toBeGreaterThan(2);
  await expect(task.getByRole('status')).toHaveText('✓ Done');
  await expect(task.locator('[data-out="task-success"]')).toBeVisible();

  // Reset and a sane rate bring the loss down again; the tick, once earned, stays.
  await lr.fill('0.1');
  await lr.press('Enter');
  await expect(page.locator(`${FIG}[data-epoch="0"]`)).toHaveCount(1);
  await expect(task).toHaveAttribute('data-done', 'true');
  expect(problems).toEqual([]);
});

test('with a sane learning rate the loss falls and the exercise does not tick', async ({ page }) => {
  test.setTimeout(150_000);
  const problems = watchProblems(page);
  await trainWithRate(page, '0.1', 60);
  const loss = Number(await page.locator(FIG).getAttribute('data-loss'));
  expect(loss).toBeLessThan(0.8);
  const task = page.locator(TASK);
  await expect(task).toHaveAttribute('data-done', 'false');
  await expect(task.getByRole('status')).toContainText('Not yet');
  await expect(task.locator('[data-out="task-success"]')).toBeHidden();

  // The same exercise in the Chinese edition speaks Chinese.
  await page.goto(`/zh-cn${CHAPTER}?backend=cpu`);
  await expect(page.locator(TASK).getByRole('status')).toContainText('尚未完成');
  expect(problems).toEqual([]);
});
