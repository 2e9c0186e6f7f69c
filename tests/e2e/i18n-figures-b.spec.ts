/**
 * The Chinese edition's recurrent, attention, activation-map, trade-off and evaluation
 * figures speak Chinese: once mounted, each shows no missing key (⟦…⟧), its buttons,
 * control labels and headings are Chinese, and what the controller writes after the
 * first view (status, readouts, table captions, chart legends drawn by the shared
 * views) is Chinese too. Link notices and the self-check question answer in Chinese.
 */
import { test, expect, type Locator, type Page } from '@playwright/test';
import { watchProblems } from './helpers.ts';

const CJK = /[\u4e00-\u9fff]/;
const MISSING = '⟦';

interface Case {
  page: string;
  fig: string;
  /** Wait for the first drawn view too (cheap figures); the slow ones are checked once mounted. */
  view: boolean;
  /** Text the controller writes after mounting, which must be Chinese. */
  written: string[];
}

const CASES: Case[] = [
  { page: '/zh-cn/how-networks-compute/recurrent-networks/', fig: '#fig-vanish', view: true, written: ['[data-out="readout"]', '[data-table="norms"] caption', '[data-out="backend"]'] },
  { page: '/zh-cn/how-networks-compute/recurrent-networks/', fig: '#fig-lstm', view: true, written: ['[data-out="readout"]', '[data-out="example"]', '[data-out="mass"]', '[data-table="sequence"] caption'] },
  { page: '/zh-cn/how-networks-compute/attention/', fig: '#fig-attn-sum', view: false, written: ['[data-out="effective"]', '[data-table="steps"] caption', '[data-out="backend"]'] },
  { page: '/zh-cn/how-networks-compute/attention/', fig: '#fig-attn', view: true, written: ['[data-out="readout"]', '[data-out="mass"]', '[data-out="agreement"]', '[data-table="measures"] caption'] },
  { page: '/zh-cn/seeing-inside/activation-maps/', fig: '#fig-mlpact', view: false, written: ['[data-out="epoch"]', '[data-out="backend"]'] },
  { page: '/zh-cn/opening-the-black-box/concepts/', fig: '#fig-tradeoff', view: true, written: ['[data-out="tree"]', '[data-out="mlp"]', '[data-table="depths"] caption', '[data-view="legend"]'] },
  { page: '/zh-cn/judging-explanations/evaluating-explanations/', fig: '#fig-eval', view: false, written: ['[data-out="backend"]', '[data-out="readout"]'] },
];

async function mount(page: Page, path: string, fig: string): Promise<Locator> {
  await page.goto(`${path}?backend=cpu`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  const root = page.locator(fig);
  await root.scrollIntoViewIfNeeded();
  await expect(root).toHaveAttribute('data-ready', 'true');
  return root;
}

for (const c of CASES) {
  test(`${c.fig} on ${c.page} shows Chinese controls and text`, async ({ page }) => {
    test.setTimeout(170_000);
    const problems = watchProblems(page);
    const root = await mount(page, c.page, c.fig);
    if (c.view) await expect(root).toHaveAttribute('data-view-ready', 'true', { timeout: 120_000 });

    const text = await root.innerText();
    expect(text.includes(MISSING), `${c.fig}: ${text.slice(text.indexOf(MISSING), text.indexOf(MISSING) + 40)}`).toBe(false);
    // The markup (aria-labels, tooltips, hidden table captions) has no missing key either.
    expect(await root.evaluate((el) => el.outerHTML.includes('⟦'))).toBe(false);

    // Buttons and labelled controls are named in Chinese.
    const buttons = await root.getByRole('button').evaluateAll((bs) => bs.map((b) => (b.getAttribute('aria-label') ?? b.textContent ?? '').trim()));
    expect(buttons.filter((n) => CJK.test(n)).length, `${c.fig} buttons: ${buttons.join(' | ')}`).toBeGreaterThan(0);
    const labels = await root.locator('label, h3, summary').allInnerTexts();
    const english = labels.filter((l) => l.trim() && !CJK.test(l));
    expect(english, `${c.fig}: labels and headings without Chinese`).toEqual([]);

    for (const sel of c.written) {
      await expect(root.locator(sel).first(), `${c.fig} ${sel}`).toHaveText(CJK);
    }
    expect(problems).toEqual([]);
  });
}

test('link notices and a rejected control value are explained in Chinese', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/zh-cn/how-networks-compute/attention/?backend=cpu&attn-sum.q1=abc&attn-sum.s=99');
  const sum = page.locator('#fig-attn-sum');
  await sum.scrollIntoViewIfNeeded();
  await expect(sum).toHaveAttribute('data-ready', 'true');
  const notices = sum.locator('[data-out="notices"]');
  await expect(notices).toContainText('已忽略链接中的q 的第 1 个分量：它不是数字。');
  await expect(notices).toContainText('已忽略链接中的缩放系数 s：它必须在 0 与 5 之间。');
  // A number typed out of range keeps the old value and says so, in Chinese.
  const q2 = sum.getByLabel('q 的第 2 个分量');
  await q2.fill('42');
  await q2.press('Tab');
  await expect(notices).toContainText('q 的第 2 个分量必须在 -9 与 9 之间；保留 1。');
  await expect(q2).toHaveValue('1');
  // The query select shows Chinese options, and the step table follows the choice.
  await sum.locator('select[name="query"]').selectOption('h2');
  await expect(sum.locator('[data-table="steps"] caption')).toContainText('查询向量 h2');
});

test('the evaluation figure reads a bad link in Chinese, and the self-check answers in Chinese', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/zh-cn/judging-explanations/evaluating-explanations/?backend=cpu&eval.n=many&eval.sim=nope');
  const root = page.locator('#fig-eval');
  await root.scrollIntoViewIfNeeded();
  await expect(root).toHaveAttribute('data-ready', 'true');
  await expect(root.locator('[data-out="notices"]')).toContainText('已忽略链接中的参与平均的数字个数');
  await expect(root.locator('[data-out="notices"]')).toContainText('已忽略链接中的相似度度量');
  await expect(root.locator('select[name="sim"] option[value="ssim"]')).toHaveText('归一化 |图| 的 SSIM');

  const check = page.locator('check-answer').first();
  await check.scrollIntoViewIfNeeded();
  await check.getByRole('button', { name: '检查' }).click();
  await expect(check.locator('.feedback')).toHaveText('请先选择一个答案。');
  await check.locator('input[type="radio"]').nth(Number(await check.getAttribute('data-answer'))).check();
  await check.getByRole('button', { name: '检查' }).click();
  await expect(check.locator('.feedback')).toContainText(/^正确。/);
});
