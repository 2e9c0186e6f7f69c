/**
 * What a teacher relies on: the "Copy link to this view" button gives a link that, opened
 * in a fresh page, shows the same figure state and the same numbers; `?embed` shows that
 * figure alone for an iframe; "Cite or embed" gives BibTeX with the link; sections,
 * equations and figures carry stable numbered anchors.
 */
import { expect, test } from '@playwright/test';
import { tableNumbers, watchProblems } from './helpers.ts';

const CHAPTER = '/how-networks-compute/forward-and-backward/';
const FIG = '#fig-xor';

test('the copied link opens a fresh page on the same state and the same numbers', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`${CHAPTER}?backend=cpu&xor.seed=11&xor.hidden=4`);
  await page.locator(FIG).scrollIntoViewIfNeeded();
  await expect(page.locator(`${FIG}[data-ready="true"]`)).toHaveCount(1);
  for (let i = 0; i < 3; i++) await page.locator(`${FIG} [data-action="step"]`).click();
  await expect(page.locator(`${FIG}[data-epoch="3"]`)).toHaveCount(1);
  await page.locator(`${FIG} [data-action="copy-link"]`).click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(new URL(link).hash).toBe('#fig-xor');
  const numbers = await tableNumbers(page, `${FIG} [data-table="gradients"]`);

  const fresh = await context.newPage();
  const problems = watchProblems(fresh);
  await fresh.goto(link);
  // The link opens at the figure: it is on screen without scrolling.
  await expect(fresh.locator(FIG)).toBeInViewport();
  await expect(fresh.locator(`${FIG}[data-epoch="3"]`)).toHaveCount(1, { timeout: 60_000 });
  expect(await tableNumbers(fresh, `${FIG} [data-table="gradients"]`)).toEqual(numbers);
  await expect(fresh.locator(`${FIG} input[name="hidden"]`)).toHaveValue('4');
  expect(problems).toEqual([]);
});

test('?embed shows the figure alone, working, with a link back to the book', async ({ page }) => {
  const problems = watchProblems(page);
  await page.setViewportSize({ width: 720, height: 900 });
  await page.goto(`${CHAPTER}?backend=cpu&xor.hidden=3&embed=xor#fig-xor`);
  await expect(page.locator('html')).toHaveAttribute('data-embed', 'true');
  // Nothing of the page around it shows: no header, sidebar, title, other headings or prose.
  for (const selector of ['header', 'nav', 'h1', '.sl-markdown-content h2', '.sl-markdown-content p']) {
    await expect(page.locator(selector).first(), selector).toBeHidden();
  }
  await expect(page.locator('figure.book-figure:visible')).toHaveCount(1);
  await expect(page.locator(`${FIG}[data-ready="true"]`)).toHaveCount(1);
  await expect(page.locator(`${FIG} input[name="hidden"]`)).toHaveValue('3');
  await page.locator(`${FIG} [data-action="step"]`).click();
  await expect(page.locator(`${FIG}[data-epoch="1"]`)).toHaveCount(1);
  const back = page.locator('.embed-source a');
  await expect(back).toHaveText(/^Figure \d+\.\d+ in “Forward and backward”/);
  expect(new URL((await back.getAttribute('href'))!).searchParams.has('embed')).toBe(false);
  expect(problems).toEqual([]);
});

test('"Cite or embed" gives BibTeX and an iframe for the exact view', async ({ page }) => {
  await page.goto(`${CHAPTER}?xor.seed=5`);
  await page.locator(FIG).scrollIntoViewIfNeeded();
  await page.locator(`${FIG} [data-action="cite"]`).click();
  const bibtex = await page.locator(`${FIG} [data-out="bibtex"]`).inputValue();
  const label = (await page.locator(`${FIG} .fig-number`).textContent())!.replace(/\.$/, ''); // "Figure 4.1"
  const [chapter, n] = label.replace('Figure ', '').split('.');
  expect(bibtex).toMatch(new RegExp(`^@misc\\{edl-fig-${chapter}-${n}-xor,`));
  expect(bibtex).toContain(`title        = {{${label}: `);
  expect(bibtex).toMatch(/url\s+= \{http:\/\/127\.0\.0\.1:\d+\/how-networks-compute\/forward-and-backward\/\?xor\.seed=5#fig-xor\}/);
  const iframe = await page.locator(`${FIG} [data-out="embed-code"]`).inputValue();
  expect(iframe).toContain('embed=xor');
  expect(iframe).toContain('xor.seed=5');
});

test('sections, equations and figures are numbered with anchors, and references link to them', async ({ page }) => {
  await page.goto('/seeing-inside/cam-and-grad-cam/');
  const chapter = (await page.locator('.sl-markdown-content h2 .sec-num').first().textContent())!.split('.')[0];
  await expect(page.locator('.sl-markdown-content h2 .sec-num').first()).toHaveText(`${chapter}.1`);
  const eq = page.locator('.equation').first();
  await expect(eq).toHaveAttribute('id', `eq-${chapter}-1`);
  await expect(eq.locator('.katex-tag')).toContainText(`(${chapter}.1)`);
  await expect(page.locator('figure.book-figure figcaption .fig-number').first()).toHaveText(`Figure ${chapter}.1.`);
  await page.goto(`/seeing-inside/cam-and-grad-cam/#eq-${chapter}-2`);
  await expect(page.locator(`#eq-${chapter}-2`)).toBeInViewport();
});

// A teacher's link into a long chapter must land where it points and stay there while the
// page's figures mount and its fonts load. (Skipping off-screen prose with
// content-visibility broke this: #eq-7-7 landed 589 px down and drifted to 801 px.)
test('a link to an equation deep in a long chapter lands on it and stays there, phone and desktop', async ({ browser }) => {
  for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    // First at the top, then the link, as a returning reader.
    await page.goto('/how-networks-compute/recurrent-networks/');
    const linked = await context.newPage();
    await linked.goto('/how-networks-compute/recurrent-networks/#eq-7-7');
    const top = () => linked.locator('#eq-7-7').evaluate((e) => e.getBoundingClientRect().top);
    // Below the sticky header, at the top of the window, and still there a moment later.
    await expect.poll(top).toBeLessThan(260);
    await linked.waitForTimeout(1500);
    const settled = await top();
    expect(settled, `#eq-7-7 at ${settled} px in a ${viewport.width} px window`).toBeGreaterThanOrEqual(0);
    expect(settled).toBeLessThan(260);
    await context.close();
  }
});
