/**
 * The 简体中文 edition as a reader meets it: every Chinese page renders its figure UI
 * from the catalogue (no ⟦missing.key⟧) without console errors; the language switch
 * keeps the section; search finds a Chinese term; the neuron figures work with
 * Chinese controls and Chinese notices.
 */
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import { watchProblems } from './helpers.ts';

const ZH = join(process.cwd(), 'content/zh-cn');
/** The translated pages, from content/zh-cn (whatever chapters exist when this runs). */
const translated = existsSync(ZH)
  ? readdirSync(ZH, { recursive: true })
      .map(String)
      .filter((f) => /\.mdx?$/.test(f))
      .map((f) => `/zh-cn/${f.replace(/\.mdx?$/, '').replace(/(^|\/)index$/, '')}/`.replace(/\/+/g, '/'))
  : [];
const MISSING = '⟦';

/**
 * Reader-visible English left in the figures of a Chinese page: runs of two or more
 * English words in text, aria-label, title or placeholder (a label the catalogue missed).
 * Single Latin tokens are fine (MNIST, ReLU, TF.js, x₁); code, maths and the chapter's
 * own tokens (sequence symbols, class names marked data-no-i18n) are not figure labels.
 */
async function englishLeftInFigures(page: Page): Promise<string[]> {
  return page.locator('figure.book-figure').evaluateAll((figures) => {
    const SKIP = 'pre, code, .katex, script, style, template, [data-no-i18n]';
    const PHRASE = /\b[A-Za-z][a-z]{2,}(?:[ -]+[a-z]{3,})+\b/g;
    const found = new Set<string>();
    const look = (text: string | null, where: string) => {
      for (const m of (text ?? '').matchAll(PHRASE)) found.add(`${where}: “${m[0]}”`);
    };
    for (const fig of figures) {
      const id = (fig as HTMLElement).dataset.figureId ?? '?';
      const walker = document.createTreeWalker(fig, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (!n.parentElement?.closest(SKIP)) look(n.textContent, id);
      }
      for (const el of fig.querySelectorAll('[aria-label], [title], [placeholder]')) {
        if (el.closest(SKIP)) continue;
        for (const a of ['aria-label', 'title', 'placeholder']) look(el.getAttribute(a), `${id} [${a}]`);
      }
    }
    return [...found].sort();
  });
}

test('every translated page renders in Chinese with no missing translation key and no console error', async ({ page }) => {
  test.setTimeout(60_000 + translated.length * 30_000);
  expect(translated.length).toBeGreaterThan(0);
  // Collected over every page, so one run lists every figure string the catalogue missed.
  const leftInEnglish: Record<string, string[]> = {};
  for (const path of translated) {
    const problems = watchProblems(page);
    await page.goto(`${path}?backend=cpu`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    // Bring every figure near the screen so its controller runs and writes its strings.
    for (const fig of await page.locator('figure.book-figure, [data-worked-neuron]').all()) await fig.scrollIntoViewIfNeeded();
    for (const fig of await page.locator('figure.book-figure').all()) await expect(fig).toHaveAttribute('data-ready', 'true');
    const text = await page.locator('body').innerText();
    expect(text.includes(MISSING), `${path} shows a missing translation key: ${text.slice(text.indexOf(MISSING), text.indexOf(MISSING) + 40)}`).toBe(false);
    expect(await page.locator('[data-stale-translation]').count(), `${path} is marked stale`).toBe(0);
    const english = await englishLeftInFigures(page);
    if (english.length) leftInEnglish[path] = english;
    expect(problems, path).toEqual([]);
    page.removeAllListeners();
  }
  expect(leftInEnglish, 'English words in the figures of Chinese pages').toEqual({});
});

test('every /zh-cn/ page, translated or English fallback, has no missing translation key in its markup', async ({ page, request }) => {
  await page.goto('/zh-cn/');
  const links = await page.locator('.book-contents a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
  expect(links.length).toBeGreaterThan(3);
  expect(links.every((l) => l.startsWith('/zh-cn/'))).toBe(true);
  for (const path of ['/zh-cn/', ...links]) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(200);
    const html = await res.text();
    expect(html.includes(MISSING), `${path}: ${html.slice(html.indexOf(MISSING), html.indexOf(MISSING) + 40)}`).toBe(false);
    expect(html).toContain('lang="zh-CN"');
  }
});

test('the language switch lands on the same section, in both directions', async ({ page }) => {
  await page.goto('/how-networks-compute/neuron/#activation-functions');
  const select = page.locator('starlight-lang-select select').first();
  await select.selectOption({ label: '简体中文' });
  await expect(page).toHaveURL(/\/zh-cn\/how-networks-compute\/neuron\/#activation-functions$/);
  const heading = page.locator('h2#activation-functions');
  await expect(heading).toContainText('激活函数');
  await expect(heading).toBeInViewport();

  await page.locator('h2#a-worked-example').scrollIntoViewIfNeeded();
  await page.evaluate(() => (location.hash = 'a-worked-example'));
  await page.locator('starlight-lang-select select').first().selectOption({ label: 'English' });
  await expect(page).toHaveURL(/\/how-networks-compute\/neuron\/#a-worked-example$/);
  expect(new URL(page.url()).pathname).toBe('/how-networks-compute/neuron/');
  await expect(page.locator('h2#a-worked-example')).toContainText('A worked example');
  await expect(page.locator('h2#a-worked-example')).toBeInViewport();
});

test('search in Chinese finds the chapter', async ({ page }) => {
  await page.goto('/zh-cn/');
  await page.getByRole('button', { name: '搜索' }).click();
  await page.locator('dialog[open] input[type="search"], .pagefind-ui__search-input').first().fill('激活函数');
  // The neuron chapter is among the results (other chapters mention neurons too).
  await expect(page.locator('.pagefind-ui__result-link[href*="/zh-cn/how-networks-compute/neuron/"]').first()).toBeVisible();
});

test('the neuron figures work with Chinese controls, tables and notices', async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto('/zh-cn/how-networks-compute/neuron/?backend=cpu&neuron.w=abc');
  const fig = page.locator('figure[data-figure-id="neuron"]');
  await fig.scrollIntoViewIfNeeded();
  await expect(fig).toHaveAttribute('data-ready', 'true');
  // A bad link value is refused with a Chinese notice; the figure keeps its default.
  await expect(fig.locator('[data-out="notices"]')).toContainText('已忽略链接中的权重 w：它不是数字。改用 1。');
  await expect(fig.getByRole('button', { name: '复制此视图的链接' })).toBeVisible();
  await expect(fig.locator('[data-out="backend"]')).toHaveText('纯 JavaScript 计算（无需 TF.js）');

  await fig.getByLabel('激活函数').selectOption('relu');
  const w = fig.getByLabel('权重 w');
  await w.fill('2');
  await w.dispatchEvent('input');
  const b = fig.getByLabel('偏置 b');
  await b.fill('-1');
  await b.dispatchEvent('input');
  await fig.locator('summary', { hasText: '图中的数值' }).click();
  await expect(fig.locator('caption')).toHaveText('relu 神经元，w = 2.0，b = -1.0');
  // y = relu(2x − 1) at x = 1 is 1, at x = −1 is 0: the table holds the computed values.
  const y = await fig.locator('tr', { hasText: 'y = f(z)' }).locator('td').evaluateAll((tds) => tds.map((td) => Number((td as HTMLElement).dataset.value)));
  expect(y).toEqual([0, 0, 0, 0, 1, 3, 7]);
  await expect(page).toHaveURL(/neuron\.act=relu/);

  const worked = page.locator('[data-worked-neuron]');
  await expect(worked.locator('legend')).toHaveText('输入与参数');
  await expect(worked.locator('[data-out="y"]')).toHaveText('0.8909');
  await worked.getByLabel('x₁').fill('2');
  await expect(worked.locator('[data-out="z"]')).toHaveText('2.3000');
  await expect(worked.locator('[data-out="y"]')).toHaveText((1 / (1 + Math.exp(-2.3))).toFixed(4));
  expect(problems).toEqual([]);
});
