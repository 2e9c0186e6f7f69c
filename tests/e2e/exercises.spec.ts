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
