import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test, expect } from '@playwright/test';
import { watchProblems } from './helpers.ts';

/** Every page of the built site, from the dist folder itself. */
function builtPages(dir = 'dist'): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return f === '_astro' || f === 'pagefind' ? [] : builtPages(p);
    return f === 'index.html' ? [`/${relative('dist', dir)}/`.replace(/\/+/g, '/')] : [];
  });
}

const pages = builtPages();

test('the build has the book’s pages', () => {
  expect(pages).toEqual(expect.arrayContaining(['/', '/how-networks-compute/neuron/', '/how-networks-compute/forward-and-backward/']));
});

for (const path of pages) {
  test(`${path} loads with no console error, failed request or broken equation`, async ({ page }) => {
    const problems = watchProblems(page);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    // Any Content-Security-Policy violation (the policy comes with every response) is a problem.
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline code'}`)),
    );
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    expect(problems).toEqual([]);
    await expect(page.locator('.katex-error')).toHaveCount(0);
    await expect(page.locator('h1')).toHaveCount(1);
    // Nothing outside the site itself is ever requested.
    expect(requests.filter((u) => !u.startsWith('http://127.0.0.1'))).toEqual([]);
  });
}

test('chapters render their equations with KaTeX', async ({ page }) => {
  await page.goto('/how-networks-compute/forward-and-backward/');
  expect(await page.locator('.katex').count()).toBeGreaterThan(20);
  await expect(page.locator('.katex-display').first()).toBeVisible();
});
