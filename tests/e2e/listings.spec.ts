/**
 * Long code listings load when the reader opens them (src/build/code-listings.mjs,
 * components/book/listings-on-demand.ts): the chapter names the file and its length,
 * opening shows the whole file, highlighted, with its copy button, and the text is the
 * source file that runs. A listing that cannot be fetched says so and keeps the link.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { watchProblems } from './helpers';

const SOURCE = 'src/explain/kernel-shap.ts';
const sourceLines = readFileSync(SOURCE, 'utf8').replace(/\n$/, '').split('\n');

test('a long listing opens to the whole source file, and only then is fetched', async ({ page }) => {
  const problems = watchProblems(page);
  const fetched: string[] = [];
  page.on('request', (r) => r.url().includes('/_listings/') && fetched.push(r.url()));
  await page.goto('/explaining-predictions/shap/');
  const box = page.locator('details.listing-on-demand', { has: page.locator('.listing-title', { hasText: SOURCE }) });
  await expect(box.locator('summary')).toContainText(`${sourceLines.length} lines`);
  await expect(box.locator('.ec-line')).toHaveCount(0);
  expect(fetched).toEqual([]);

  await box.locator('summary').click();
  await expect(box.locator('.ec-line')).toHaveCount(sourceLines.length);
  expect(fetched).toHaveLength(1);
  await expect(box).toHaveAttribute('data-state', 'loaded');
  const shown = await box.locator('.ec-line').evaluateAll((lines) => lines.map((l) => l.textContent!.replace(/\s+$/, '')));
  expect(shown).toEqual(sourceLines.map((l) => l.replace(/\s+$/, '')));
  await expect(box.locator('.copy button')).toHaveCount(1);
  // Closing and opening again does not fetch twice.
  await box.locator('summary').click();
  await box.locator('summary').click();
  await expect(box.locator('.ec-line')).toHaveCount(sourceLines.length);
  expect(fetched).toHaveLength(1);
  expect(problems).toEqual([]);
});

test('the Chinese edition counts lines in Chinese; a listing that fails to load says so and keeps its link', async ({ page }) => {
  await page.route('**/_listings/**', (route) => route.fulfill({ status: 503, body: 'unavailable' }));
  await page.goto('/zh-cn/explaining-predictions/shap/');
  const box = page.locator('details.listing-on-demand', { has: page.locator('.listing-title', { hasText: SOURCE }) });
  await expect(box.locator('summary')).toContainText(`共 ${sourceLines.length} 行`);
  await box.locator('summary').click();
  await expect(box).toHaveAttribute('data-state', 'failed');
  await expect(box.locator('.listing-slot')).toContainText('代码载入失败（HTTP 503）');
  await expect(box.locator('.listing-slot a')).toHaveAttribute('href', /\/_listings\/[0-9a-f]{16}\.html$/);
});
