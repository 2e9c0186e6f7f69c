/**
 * axe-core over every page of the built site (found in dist/, so new chapters are
 * checked without editing this file), in light and in dark mode, with every figure
 * brought on screen and mounted (controls, views and tables drawn) and its text
 * alternatives (<details>) opened, so the figures' controls are checked too.
 * One test per page (both colour schemes on one load): they run in parallel workers.
 */
import { readFileSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { builtPages, isRedirectStub } from './built-pages.ts';

const pages = builtPages().filter((p) => !isRedirectStub(readFileSync(`dist${p}index.html`, 'utf8')));

/** Brings every figure near the viewport, then waits (bounded) until each says it is ready. */
async function mountFigures(page: Page): Promise<number> {
  const figures = page.locator('[data-figure-kind]');
  const n = await figures.count();
  for (let i = 0; i < n; i++) await figures.nth(i).scrollIntoViewIfNeeded();
  // Ready and, where the figure draws a first view after its engine starts, that view
  // drawn: axe must not run while a figure replaces its tables (a replaced table is
  // detached and reads as an unfocusable scroll region). A figure still not there after
  // the bound is checked as the reader first sees it.
  await page
    .waitForFunction(
      () => [...document.querySelectorAll<HTMLElement>('[data-figure-kind]')].every((f) => f.dataset.ready === 'true' && f.dataset.viewReady !== 'false'),
      null,
      { timeout: 120_000 },
    )
    .catch(async () => {
      const late = await page.$$eval('[data-figure-kind]', (fs) =>
        fs.filter((f) => (f as HTMLElement).dataset.ready !== 'true' || (f as HTMLElement).dataset.viewReady === 'false').map((f) => (f as HTMLElement).dataset.figureKind),
      );
      console.warn(`figures still starting after 120 s, checked as they are: ${late.join(', ')}`);
    });
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
  // Let the page react to the new layout (scrollable regions become focusable).
  await page.waitForTimeout(400);
  return n;
}

function describe(violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations']): string[] {
  return violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n${v.nodes
        .slice(0, 6)
        .map((n) => `    ${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1, 2).join(' ').trim()}`)
        .join('\n')}${v.nodes.length > 6 ? `\n    … and ${v.nodes.length - 6} more` : ''}`,
  );
}

test('every built page is checked', () => {
  expect(pages.length).toBeGreaterThan(10);
});

for (const path of pages) {
  test(`axe: ${path} has no violations in light and dark mode, figures mounted`, async ({ page, browser, baseURL }) => {
    test.setTimeout(300_000);
    await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
    const report: string[] = [];
    // The figures as served, before any of their code runs (what a reader without
    // JavaScript gets, and what Lighthouse audits): an empty element can break a rule that
    // its later content hides, such as aria-label on a <pre> with no role. The page's
    // script files are refused so that no figure mounts while axe reads it (turning
    // JavaScript off would stop axe too); the prose is the same in both states.
    const served = await browser.newContext({ baseURL });
    await served.route(/\.m?js(\?.*)?$/, (route) => route.abort());
    const bare = await served.newPage();
    await bare.goto(path);
    if (await bare.locator('[data-figure-kind]').count()) {
      const results = await new AxeBuilder({ page: bare }).include('[data-figure-kind]').analyze();
      report.push(...describe(results.violations).map((v) => `[as served] ${v}`));
    }
    await served.close();
    await page.goto(`${path}?backend=cpu`);
    await mountFigures(page);
    for (const scheme of ['light', 'dark'] as const) {
      // Starlight's theme: the data-theme attribute on <html>, as its theme picker sets it.
      await page.emulateMedia({ colorScheme: scheme });
      await page.evaluate((s) => (document.documentElement.dataset.theme = s), scheme);
      // Only colours depend on the theme: dark mode re-runs the contrast rule alone (axe is slow on big tables).
      const axe = new AxeBuilder({ page });
      if (scheme === 'dark') axe.withRules(['color-contrast', 'link-in-text-block']);
      const results = await axe.analyze();
      report.push(...describe(results.violations).map((v) => `[${scheme}] ${v}`));
    }
    expect(report, `axe violations on ${path}`).toEqual([]);
  });
}
