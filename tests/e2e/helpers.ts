import { expect, type Page } from '@playwright/test';

/** Collects console errors, uncaught exceptions and failed requests of a page. */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  page.on('requestfailed', (r) => {
    // An aborted request was cancelled on purpose (a figure superseding its own load, or
    // the test moving on); a request that really failed reports another error.
    if (r.failure()?.errorText === 'net::ERR_ABORTED') return;
    problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  return problems;
}

/** Reads every numeric cell of the tables under a selector. */
export async function tableNumbers(page: Page, selector: string): Promise<number[]> {
  const raw = await page.locator(`${selector} td[data-value]`).evaluateAll((tds) => tds.map((td) => (td as HTMLElement).dataset.value!));
  return raw.map(Number);
}

export function expectFiniteAndVarying(values: number[], what: string): void {
  expect(values.length, `${what}: no numbers`).toBeGreaterThan(1);
  expect(values.every(Number.isFinite), `${what}: non-finite numbers ${values}`).toBe(true);
  expect(new Set(values).size, `${what}: all equal`).toBeGreaterThan(1);
}
