/**
 * The "On this page" lists still follow the reader with the book's faster set-up
 * (components/book/fast-toc.ts replaces Starlight's selector scan at load): a heading in
 * the middle of a long chapter, reached by a link, becomes the current entry on a phone
 * and on a desktop, with no page error.
 */
import { expect, test } from '@playwright/test';
import { watchProblems } from './helpers';

const CHAPTER = '/explaining-predictions/shap/';

async function middleHeading(page: import('@playwright/test').Page): Promise<[string, string]> {
  const ids = await page.locator('.sl-markdown-content h2[id]').evaluateAll((hs) => hs.map((h) => [h.id, h.textContent!.trim()] as [string, string]));
  expect(ids.length).toBeGreaterThan(4);
  return ids[Math.floor(ids.length / 2)]!;
}

test('desktop: the table of contents marks the section being read', async ({ page }) => {
  const problems = watchProblems(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(CHAPTER);
  const [id] = await middleHeading(page);
  // The reader's path: the entry in the list.
  await page.locator(`starlight-toc a[href="#${id}"]`).click();
  await expect.poll(() => page.locator(`[id="${id}"]`).evaluate((h) => h.getBoundingClientRect().top)).toBeGreaterThan(0);
  const top = await page.locator(`[id="${id}"]`).evaluate((h) => h.getBoundingClientRect().top);
  expect(top).toBeLessThan(900);
  // Figures above may have grown since (they start when near); put the heading at the top.
  await page.waitForTimeout(2000);
  await page.locator(`[id="${id}"]`).evaluate((h) => h.scrollIntoView({ block: 'start' }));
  await expect(page.locator(`starlight-toc a[href="#${id}"]`)).toHaveAttribute('aria-current', 'true', { timeout: 20_000 });
  expect(problems).toEqual([]);
});

test('phone: the table of contents bar names the section being read', async ({ page }) => {
  const problems = watchProblems(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(CHAPTER);
  const [id, text] = await middleHeading(page);
  // A jump made by script (a hash set in the address bar works the same way).
  await page.evaluate((id) => (location.hash = id), id);
  await page.waitForTimeout(2000);
  await page.locator(`[id="${id}"]`).evaluate((h) => h.scrollIntoView({ block: 'start' }));
  await expect(page.locator('mobile-starlight-toc .display-current')).toHaveText(text, { timeout: 20_000 });
  // Scrolling back to the top brings the overview back.
  await page.evaluate(() => scrollTo(0, 0));
  await expect(page.locator('mobile-starlight-toc .display-current')).not.toHaveText(text, { timeout: 20_000 });
  expect(problems).toEqual([]);
});
