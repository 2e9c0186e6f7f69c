/**
 * Offline: after a first visit, a chapter reloads and its figure trains with the
 * network off (the service worker dist/sw.js), and the page says it is offline.
 */
import { test, expect } from '@playwright/test';

test.use({ serviceWorkers: 'allow' });

test('after a first visit, a chapter and its figure work offline, and the page says so', async ({ page, context }) => {
  test.setTimeout(240_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const chapter = '/how-networks-compute/forward-and-backward/?backend=cpu';
  await page.goto(chapter);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  // Second visit, under the service worker: the figure's code, worker and TF.js get cached.
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  const fig = page.locator('[data-figure-kind="xor"]');
  await fig.scrollIntoViewIfNeeded();
  await expect(fig).toHaveAttribute('data-ready', 'true', { timeout: 120_000 });
  await expect(page.locator('.offline-note')).toHaveCount(0);

  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('h1')).toHaveCount(1);
  await expect(page.locator('.offline-note')).toContainText('offline');
  await fig.scrollIntoViewIfNeeded();
  await expect(fig).toHaveAttribute('data-ready', 'true', { timeout: 120_000 });
  await fig.locator('[data-action="step"]').click();
  await expect(fig).toHaveAttribute('data-epoch', /^[1-9]/, { timeout: 90_000 });
  // Another chapter, never opened, is there too (precached).
  await page.goto('/seeing-inside/gradient-maps/');
  await expect(page.locator('h1')).toContainText(/Gradient maps/);
  await context.setOffline(false);
  await expect(page.locator('.offline-note')).toHaveCount(0);
  expect(errors).toEqual([]);
});
