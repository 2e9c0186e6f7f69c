/**
 * The Chinese edition of the explainer figures (attribution, feature importance,
 * SHAP, digit SHAP, LIME, image LIME): once mounted, their controls, buttons and
 * headings are Chinese, no catalogue key is missing (⟦key⟧), and what their workers
 * say — MNIST download and checkpoint progress, the backend line, a data error — is
 * translated on the page although the worker itself knows no language.
 */
import { test, expect, type Page } from '@playwright/test';
import { watchProblems } from './helpers.ts';

const CJK = /[\u4e00-\u9fff]/;
const PAGES: { url: string; figures: string[] }[] = [
  { url: '/zh-cn/seeing-inside/gradient-maps/', figures: ['#fig-attr'] },
  { url: '/zh-cn/explaining-predictions/feature-importance/', figures: ['#fig-importance'] },
  { url: '/zh-cn/explaining-predictions/shap/', figures: ['#fig-shap', '#fig-dshap'] },
  { url: '/zh-cn/explaining-predictions/lime/', figures: ['#fig-lime', '#fig-limg'] },
];

/** Every text a figure's status line and notices show, recorded as it changes (progress lines are brief). */
async function recordStatus(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const log: string[] = ((window as unknown as { __status: string[] }).__status = []);
    new MutationObserver(() => {
      for (const el of document.querySelectorAll('[data-out="status"], [data-out="notices"]')) {
        const text = el.textContent ?? '';
        if (text && log[log.length - 1] !== text) log.push(text);
      }
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
}
const statusLog = (page: Page) => page.evaluate(() => (window as unknown as { __status: string[] }).__status);

async function expectChinese(page: Page, figure: string): Promise<void> {
  const root = page.locator(figure);
  await root.scrollIntoViewIfNeeded();
  await expect(root).toHaveAttribute('data-ready', 'true', { timeout: 120_000 });
  expect(await root.innerText(), figure).not.toContain('⟦');
  const labels = await root.locator('label').evaluateAll((els) => els.map((e) => (e.textContent ?? '').trim()));
  expect(labels.length, figure).toBeGreaterThan(0);
  for (const label of labels) expect(label, `${figure} label`).toMatch(CJK);
  const buttons = await root.locator('button:visible').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') || (e.textContent ?? '').trim()));
  for (const b of buttons) expect(b, `${figure} button`).toMatch(CJK);
  // Headings: Chinese, except method names that stay as the literature writes them (Grad-CAM, CAM).
  const headings = (await root.locator('h3').allInnerTexts()).filter((h) => !/^(Grad-CAM|CAM)$/.test(h.trim()));
  for (const h of headings) expect(h, `${figure} heading`).toMatch(CJK);
  await expect(root.locator('[data-out="backend"]')).toContainText(/后端：\w+（.*[\u4e00-\u9fff]/);
}

for (const { url, figures } of PAGES) {
  test(`Chinese figures on ${url}: Chinese controls, no missing keys`, async ({ page }) => {
    test.setTimeout(180_000);
    const problems = watchProblems(page);
    await page.goto(`${url}?backend=cpu`);
    for (const figure of figures) await expectChinese(page, figure);
    expect(problems).toEqual([]);
  });
}

test('the attribution worker’s progress lines and readout are Chinese on a Chinese page', async ({ page }) => {
  test.setTimeout(180_000);
  await recordStatus(page);
  await page.goto('/zh-cn/seeing-inside/gradient-maps/?backend=cpu');
  const root = page.locator('#fig-attr');
  await root.scrollIntoViewIfNeeded();
  await expect(root).toHaveAttribute('data-view-ready', 'true', { timeout: 150_000 });
  const log = await statusLog(page);
  expect(log.some((s) => /正在下载 MNIST 数据|正在加载第 \d+ 轮的检查点/.test(s)), log.join(' | ')).toBe(true);
  expect(log.join(' | ')).not.toMatch(/downloading|loading the epoch/);
  await expect(root.locator('[data-out="readout"]')).toContainText('第 0 号数字');
  await expect(root.locator('[data-out="ckpt-label"]')).toContainText('10 轮');
  expect(await root.innerText()).not.toContain('⟦');
});

test('a worker’s data error is Chinese on a Chinese page (truncated MNIST file)', async ({ page }) => {
  test.setTimeout(180_000);
  await page.route('**/generated/mnist/*.u8', async (route) => {
    const response = await route.fetch();
    const body = await response.body();
    const cut = Math.floor(body.length / 3);
    await route.fulfill({ response, body: body.subarray(0, cut), headers: { ...response.headers(), 'content-length': String(cut) } });
  });
  await page.goto('/zh-cn/explaining-predictions/lime/?backend=cpu');
  const root = page.locator('#fig-limg');
  await root.scrollIntoViewIfNeeded();
  await expect(root.locator('[data-out="notices"]')).toContainText('无法加载 MNIST 数字数据', { timeout: 150_000 });
  // The technical detail (which file) stays, for whoever fixes the site.
  await expect(root.locator('[data-out="notices"]')).toContainText('.u8');
  await expect(root.locator('[data-out="status"]')).toHaveText('出错');
});
