import { expect, test, type Locator, type Page } from '@playwright/test';
import { watchProblems } from './helpers';

/** The self-check question named `name` (its radio group is `check-<name>`). */
function question(page: Page, name: string): Locator {
  return page.locator('check-answer').filter({ has: page.locator(`input[name="check-${name}"]`) });
}

/** Picks the option whose label is exactly `option` and presses the check button. */
async function answer(check: Locator, option: string, button: string): Promise<void> {
  const exact = new RegExp(`^\\s*${option.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
  await check.locator('label').filter({ hasText: exact }).locator('input').check();
  await check.getByRole('button', { name: button }).click();
}

test('a self-check question in the exercises of “Forward and backward” rejects a wrong delta and explains the right one', async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto('/how-networks-compute/forward-and-backward/');
  const check = question(page, 'fb-output-delta');
  await check.scrollIntoViewIfNeeded();
  // It sits in the Exercises section, after the written exercises.
  const inExercises = await check.evaluate((el) => {
    let h: Element | null = el;
    while (h && !(h.tagName === 'H2' || h.querySelector?.('h2'))) h = h.previousElementSibling;
    return h?.textContent?.trim() ?? '';
  });
  expect(inExercises).toContain('Exercises');
  const feedback = check.locator('.feedback');
  await check.getByRole('button', { name: 'Check' }).click();
  await expect(feedback).toHaveText('Pick an answer first.');
  // 0.128 = (ŷ − y)·ŷ(1 − ŷ): the answer of someone who forgot the cancellation.
  await answer(check, '0.128', 'Check');
  await expect(check).toHaveAttribute('data-result', 'wrong');
  await expect(feedback).toContainText('Not quite');
  await expect(feedback).not.toContainText('ŷ − y');
  await answer(check, '0.8', 'Check');
  await expect(check.locator('input').first()).toBeChecked();
  await expect(check).toHaveAttribute('data-result', 'right');
  await expect(feedback).toContainText('Right.');
  await expect(feedback).toContainText('δ⁽ᴸ⁾ = ŷ − y = 0.8 − 0 = 0.8');
  expect(problems).toEqual([]);
});

test('the Chinese SHAP chapter checks the efficiency question in Chinese', async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto('/zh-cn/explaining-predictions/shap/');
  const check = question(page, 'shap-efficiency');
  await check.scrollIntoViewIfNeeded();
  const feedback = check.locator('.feedback');
  const button = '检查答案';
  await check.getByRole('button', { name: button }).click();
  await expect(feedback).toHaveText('请先选择一个答案。');
  // 0.6 = f(x) − E[f(x)] − (φ₁ + φ₂) forgotten: the sum of all three, not φ₃.
  await answer(check, '0.6', button);
  await expect(check).toHaveAttribute('data-result', 'wrong');
  await expect(feedback).toContainText('还不对');
  await answer(check, '0.3', button);
  await expect(check).toHaveAttribute('data-result', 'right');
  await expect(feedback).toContainText('正确。');
  await expect(feedback).toContainText('φ₃ = 0.6 − 0.4 + 0.1 = 0.3');
  // Both answers of the English twin page behave the same (same answer index).
  await page.goto('/explaining-predictions/shap/');
  const en = question(page, 'shap-efficiency');
  await answer(en, '0.3', 'Check');
  await expect(en).toHaveAttribute('data-result', 'right');
  expect(problems).toEqual([]);
});

/** The figure-driven exercise that watches `attr` of figure `figure` (with condition `op`, where a figure has several). */
function figureTask(page: Page, figure: string, attr: string, op?: string): Locator {
  return page.locator(`figure-task[data-figure="${figure}"][data-attr="${attr}"]${op ? `[data-op="${op}"]` : ''}`);
}

test('the XOR exercise ticks itself once training brings the loss below 0.05 (cpu backend)', async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto('/how-networks-compute/forward-and-backward/?backend=cpu');
  const fig = page.locator('#fig-xor');
  const task = figureTask(page, 'xor', 'loss', 'below');
  await fig.scrollIntoViewIfNeeded();
  await expect(fig).toHaveAttribute('data-ready', 'true');
  await expect(fig).toHaveAttribute('data-backend', 'cpu');
  // Untrained: the exercise is open and its explanation hidden.
  await expect(task).toHaveAttribute('data-done', 'false');
  await expect(task.locator('[data-out="task-success"]')).toBeHidden();
  await fig.locator('[data-action="train"]').click();
  await expect(task).toHaveAttribute('data-done', 'true', { timeout: 110_000 });
  // It ticked because of the figure's real loss, not before.
  expect(Number(await fig.getAttribute('data-loss'))).toBeLessThan(0.05);
  expect(Number(await fig.getAttribute('data-epoch'))).toBeGreaterThan(0);
  await expect(task.locator('[data-out="task-status"]')).toHaveText('✓ Done');
  await expect(task.locator('[data-out="task-success"]')).toBeVisible();
  await expect(task.locator('[data-out="task-success"]')).toContainText('decision boundary');
  expect(problems).toEqual([]);
});

test('the convolution exercise ticks only for the padding and stride that give a 4×4 map', async ({ page }) => {
  await page.goto('/zh-cn/how-networks-compute/convolutional-networks/?backend=cpu');
  const fig = page.locator('#fig-conv');
  const task = figureTask(page, 'conv', 'out-h');
  await fig.scrollIntoViewIfNeeded();
  await expect(fig).toHaveAttribute('data-ready', 'true');
  // same + stride 2 gives ⌈10/2⌉ = 5: not yet.
  await fig.locator('select[name="pad"]').selectOption('same');
  await fig.locator('select[name="stride"]').selectOption('2');
  await expect(fig).toHaveAttribute('data-out-h', '5');
  await expect(task).toHaveAttribute('data-done', 'false');
  await expect(task.locator('[data-out="task-status"]')).toContainText('尚未完成');
  // valid + stride 2 gives ⌊(10 − 3)/2⌋ + 1 = 4.
  await fig.locator('select[name="pad"]').selectOption('valid');
  await expect(fig).toHaveAttribute('data-out-h', '4');
  await expect(task).toHaveAttribute('data-done', 'true');
  await expect(task.locator('[data-out="task-status"]')).toHaveText('✓ 完成');
  await expect(task.locator('[data-out="task-success"]')).toContainText('⌊(10 − 3)/2⌋ + 1 = 4');
});
