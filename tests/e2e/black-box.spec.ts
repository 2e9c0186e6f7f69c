import { test, expect, type Page } from '@playwright/test';
import { tableNumbers, watchProblems } from './helpers.ts';

const WHY = '/opening-the-black-box/why-explain/';
const CONCEPTS = '/opening-the-black-box/concepts/';
const HANS = '#fig-hans';
const TRADE = '#fig-tradeoff';

async function open(page: Page, url: string, fig: string): Promise<void> {
  await page.goto(url);
  await page.locator(fig).scrollIntoViewIfNeeded();
  await expect(page.locator(`${fig}[data-ready="true"]`)).toHaveCount(1, { timeout: 60_000 });
}

const num = async (page: Page, fig: string, attr: string) => Number(await page.locator(fig).getAttribute(`data-${attr}`));

test('the planted marker is learned, and saliency of a marked 7 puts its largest pixels on it', async ({ page }) => {
  test.setTimeout(180_000);
  const problems = watchProblems(page);
  // Two epochs on 2,000 digits: enough for the shortcut, short on a shared CPU.
  await open(page, `${WHY}?backend=cpu&hans.epochs=2`, HANS);
  await expect(page.locator(`${HANS} [data-out="backend"]`)).toContainText('cpu');
  await page.locator(`${HANS} [data-action="train"]`).click();
  await expect(page.locator(`${HANS}[data-running="false"][data-epoch="2"]`)).toHaveCount(1, { timeout: 150_000 });

  // Test digit 0 is a 7 carrying the marker.
  expect(await page.locator(HANS).getAttribute('data-marked')).toBe('true');
  expect(await num(page, HANS, 'predicted')).toBe(7);
  const area = await num(page, HANS, 'area-share');
  expect(area).toBeCloseTo(9 / 784, 6);
  // The nine most salient pixels of the image are the nine marker pixels…
  expect(await num(page, HANS, 'top-hits')).toBeGreaterThanOrEqual(8);
  // …and, with the first layer reading few pixels (group lasso), most of the saliency mass is in the 1.1 % box.
  expect(await num(page, HANS, 'pixels-used')).toBeLessThan(784);
  expect(await num(page, HANS, 'saliency-share')).toBeGreaterThan(0.5);
  const pMarked = (await tableNumbers(page, `${HANS} [data-table="probabilities"]`))[7]!;
  expect(await num(page, HANS, 'gxi-share')).toBeGreaterThan(0.8);
  // The shortcut in numbers: the 7s are found with the square and lost without it.
  expect(await num(page, HANS, 'recall-marked')).toBeGreaterThan(0.9);
  expect(await num(page, HANS, 'recall-clean')).toBeLessThan(0.2);
  expect(await num(page, HANS, 'marked-accuracy')).toBeGreaterThan(0.75);
  expect(await num(page, HANS, 'flip-rate')).toBeGreaterThan(0.2);
  const metrics = await tableNumbers(page, `${HANS} [data-table="metrics"]`);
  expect(metrics.every(Number.isFinite)).toBe(true);

  // Toggle the marker off: the same 7, clean; the map's mass leaves the box.
  await page.getByRole('button', { name: /Marker on this digit/ }).click();
  await expect(page.locator(`${HANS}[data-marked="false"]`)).toHaveCount(1);
  // Gradient × input is zero where the input is zero: nothing of it is left in the box.
  expect(await num(page, HANS, 'gxi-share')).toBe(0);
  expect(page.url()).toContain('hans.mark=off');
  // Without the square the network is less sure this 7 is a 7.
  expect((await tableNumbers(page, `${HANS} [data-table="probabilities"]`))[7]!).toBeLessThan(pMarked);

  // The link restores the trained view: same epoch, same digit, same numbers.
  const url = page.url();
  const before = await num(page, HANS, 'saliency-share');
  const page2 = await page.context().newPage();
  await open(page2, url, HANS);
  await expect(page2.locator(`${HANS}[data-epoch="2"][data-marked="false"]`)).toHaveCount(1, { timeout: 150_000 });
  expect(await num(page2, HANS, 'saliency-share')).toBeCloseTo(before, 5);
  await expect(page2.getByRole('button', { name: /Marker on this digit/ })).toHaveAttribute('aria-pressed', 'false');
  expect(problems).toEqual([]);
});

test('tree and network side by side: finite accuracies, the depth slider changes the rules, links restore the depth', async ({ page }) => {
  test.setTimeout(180_000);
  const problems = watchProblems(page);
  await open(page, `${CONCEPTS}?backend=cpu&tradeoff.epochs=60`, TRADE);
  const code = page.locator(`${TRADE} [data-out="code"]`);
  await expect(page.locator(`${TRADE}[data-depth="3"]`)).toHaveCount(1);
  const depth3 = await code.textContent();
  const acc3 = await num(page, TRADE, 'tree-accuracy');
  expect(Number.isFinite(acc3)).toBe(true);
  expect(depth3).toContain('if (');

  const slider = page.getByRole('slider', { name: /Tree depth/ });
  await slider.fill('1');
  await expect(page.locator(`${TRADE}[data-depth="1"]`)).toHaveCount(1);
  const depth1 = await code.textContent();
  expect(depth1).not.toBe(depth3);
  expect((depth1!.match(/return /g) ?? []).length).toBe(2);
  const acc1 = await num(page, TRADE, 'tree-accuracy');
  expect(acc1).not.toBe(acc3);
  expect(page.url()).toContain('tradeoff.depth=1');

  await slider.fill('5');
  await expect(page.locator(`${TRADE}[data-depth="5"]`)).toHaveCount(1);
  const depth5 = await code.textContent();
  expect((depth5!.match(/return /g) ?? []).length).toBeGreaterThan(2);

  await page.locator(`${TRADE} [data-action="train"]`).click();
  await expect(page.locator(`${TRADE}[data-running="false"][data-epoch="60"]`)).toHaveCount(1, { timeout: 150_000 });
  const mlp = await num(page, TRADE, 'mlp-accuracy');
  expect(mlp).toBeGreaterThan(0.8);
  expect(mlp).toBeLessThanOrEqual(1);
  const rows = await tableNumbers(page, `${TRADE} [data-table="accuracy"]`);
  expect(rows).toHaveLength(6);
  expect(rows.every(Number.isFinite)).toBe(true);

  // The self-check answers from the live numbers.
  await page.locator(`${TRADE} [data-action="check"]`).click();
  await expect(page.locator(`${TRADE} [data-out="check"]`)).not.toBeEmpty();

  const page2 = await page.context().newPage();
  await open(page2, page.url(), TRADE);
  await expect(page2.getByRole('slider', { name: /Tree depth/ })).toHaveValue('5');
  await expect(page2.locator(`${TRADE} [data-out="code"]`)).toHaveText(depth5!);
  await expect(page2.locator(`${TRADE}[data-epoch="60"]`)).toHaveCount(1, { timeout: 150_000 });
  expect(await num(page2, TRADE, 'mlp-accuracy')).toBeCloseTo(mlp, 6);

  // A bad link value gives a notice, not a crash.
  const page3 = await page.context().newPage();
  await open(page3, `${CONCEPTS}?backend=cpu&tradeoff.depth=12`, TRADE);
  await expect(page3.locator(`${TRADE} [data-out="notices"]`)).toContainText('tree depth');
  await expect(page3.locator(`${TRADE}[data-depth="3"]`)).toHaveCount(1);
  expect(problems).toEqual([]);
});
