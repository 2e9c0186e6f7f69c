import { test, expect } from '@playwright/test';

test('search finds a chapter by a word in its body', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Search' }).click();
  const input = page.getByPlaceholder('Search');
  await input.fill('Minsky');
  const result = page.locator('.pagefind-ui__result-link').first();
  await expect(result).toBeVisible();
  await expect(result).toContainText('The neuron');
});
