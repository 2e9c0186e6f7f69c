/**
 * The training figures in the 简体中文 edition: the XOR figure's controls, status line,
 * readout, tables and notices are Chinese, and pressing 训练 (found by its Chinese
 * name) trains it; the other figures of the training, CNN and activation-map chapters
 * render every string from the catalogue (no ⟦missing.key⟧) in Chinese once mounted.
 */
import { test, expect, type Locator, type Page } from '@playwright/test';
import { tableNumbers, watchProblems } from './helpers.ts';

const XOR_PAGE = '/zh-cn/how-networks-compute/forward-and-backward/';
const FIG = '#fig-xor';
const MISSING = '⟦';
/** Any CJK ideograph: the text is Chinese, not an English fallback. */
const HAN = /[\u4e00-\u9fff]/;

/** No missing key anywhere in the figure: its text, and its attributes (aria-labels, option labels). */
async function expectNoMissingKey(fig: Locator, what: string): Promise<void> {
  const html = await fig.evaluate((el) => el.outerHTML);
  expect(html.includes(MISSING), `${what}: ${html.slice(html.indexOf(MISSING), html.indexOf(MISSING) + 60)}`).toBe(false);
}

async function mount(page: Page, selector: string, viewReady: boolean, timeout = 60_000): Promise<Locator> {
  const fig = page.locator(selector);
  await fig.scrollIntoViewIfNeeded();
  await expect(fig).toHaveAttribute('data-ready', 'true', { timeout });
  if (viewReady) await expect(fig).toHaveAttribute('data-view-ready', 'true', { timeout });
  return fig;
}

test('the Chinese XOR figure: Chinese controls and notices, 训练 trains it, the loss falls, the status is Chinese', async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto(`${XOR_PAGE}?backend=cpu&xor.epochs=40&xor.lr=abc`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  const fig = await mount(page, FIG, true);

  // Controls, by their Chinese accessible names.
  const train = fig.getByRole('button', { name: '训练', exact: true });
  await expect(train).toBeVisible();
  await expect(fig.getByRole('button', { name: '训练一轮', exact: true })).toBeVisible();
  await expect(fig.getByRole('button', { name: '重置', exact: true })).toBeVisible();
  await expect(fig.getByLabel('学习率')).toHaveValue('0.1');
  await expect(fig.getByLabel('隐藏单元数')).toHaveValue('4');
  await expect(fig.getByLabel('优化器')).toHaveValue('adam');
  await expect(fig.locator('legend')).toHaveText('梯度图中显示的输入');
  await expect(fig.locator('h3').first()).toHaveText('损失');
  // The bad link value is refused in Chinese, naming the field in Chinese.
  await expect(fig.locator('[data-out="notices"]')).toContainText('已忽略链接中的学习率：它不是数字。改用 0.1。');
  await expect(fig.locator('[data-out="backend"]')).toContainText('TF.js 后端：cpu');
  await expect(fig.locator('[data-out="epoch"]')).toHaveText('第 0 轮');
  await expectNoMissingKey(fig, 'XOR figure before training');

  const before = Number(await fig.getAttribute('data-loss'));
  expect(Number.isFinite(before)).toBe(true);
  await train.click();
  // While it trains, the same button is 暂停 (or training already finished: 40 epochs are quick).
  await expect(fig.locator('[data-action="train"]')).toHaveText(/^(暂停|训练)$/);
  await expect(page.locator(`${FIG}[data-running="false"][data-epoch="40"]`)).toHaveCount(1, { timeout: 90_000 });
  const after = Number(await fig.getAttribute('data-loss'));
  expect(after, `loss ${before} → ${after}`).toBeLessThan(before);

  await expect(fig.locator('[data-out="status"]')).toHaveText('已完成 40 轮训练');
  await expect(fig.locator('[data-out="epoch"]')).toHaveText('第 40 轮');
  await expect(fig.locator('[data-out="loss"]')).toHaveText(/^损失 \d/);
  await expect(fig.locator('[data-out="accuracy"]')).toHaveText(/^准确率 \d+%$/);
  await expect(fig.locator('[data-action="train"]')).toHaveText('训练');
  await expect(fig.locator('[data-table="predictions"] caption')).toHaveText('第 40 轮后的预测（目标：x₁ XOR x₂）');
  await expect(fig.locator('[data-table="predictions"] thead')).toContainText('目标');
  // The table reads the same numbers the figure reports: p(y = 1) for the four inputs.
  expect(await tableNumbers(page, `${FIG} [data-table="predictions"]`)).toHaveLength(8);
  await fig.getByLabel('x = (0, 1)').check();
  await expect(fig.locator('[data-table="gradients"] caption')).toHaveText('梯度图：输入 x = (0, 1) 时每个神经元的 ∂L/∂a');
  await expectNoMissingKey(fig, 'XOR figure after training');
  expect(problems).toEqual([]);
});

test('the training chapter in Chinese: preprocessing, loss comparison and optimizer race speak Chinese', async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto('/zh-cn/how-networks-compute/training-and-evaluation/?backend=cpu&preprocessing.seed=x');
  const prep = await mount(page, '#fig-preprocessing', false);
  await expect(prep.locator('[data-out="readout"]')).toContainText('标准化后为');
  await expect(prep.locator('[data-out="notices"]')).toContainText('已忽略链接中的随机种子');
  await expect(prep.getByLabel('随机种子')).toHaveValue('1');
  await expect(prep.locator('[data-table="raw"] caption')).toContainText('载入时');
  await expectNoMissingKey(prep, 'preprocessing');

  const losses = await mount(page, '#fig-losses', false);
  await losses.getByLabel('预测 ŷ').fill('0.01');
  await expect(losses.locator('[data-out="readout"]')).toContainText('交叉熵的梯度是均方误差的 50.51 倍');
  await expect(losses.locator('.loss-legend')).toContainText('均方误差');
  await expectNoMissingKey(losses, 'loss comparison');

  const race = await mount(page, '#fig-race', true);
  await expect(race.getByRole('button', { name: '训练', exact: true })).toBeVisible();
  await expect(race.getByLabel('批大小')).toHaveValue('32');
  await expect(race.getByLabel('特征')).toHaveValue('standardised');
  await expect(race.locator('select[name="features"] option:checked')).toHaveText('已标准化');
  await expect(race.locator('[data-out="readout"]')).toContainText('第 0 轮 · 训练损失：');
  await expect(race.locator('[data-table="summary"] thead')).toContainText('验证准确率');
  await expectNoMissingKey(race, 'optimizer race');
  expect(problems).toEqual([]);
});

test('the CNN chapter and the activation-map chapter in Chinese: convolution, MNIST and the CNN inspector speak Chinese', async ({ page }) => {
  test.setTimeout(240_000);
  const problems = watchProblems(page);
  await page.goto('/zh-cn/how-networks-compute/convolutional-networks/?backend=cpu');
  const conv = await mount(page, '#fig-conv', false);
  await expect(conv.locator('[data-out="position"]')).toContainText('输出格子 (0, 0)');
  await expect(conv.getByRole('button', { name: '播放', exact: true })).toBeVisible();
  await conv.getByLabel('填充').selectOption('same');
  await expect(conv.locator('[data-out="input-note"]')).toContainText('填充后为 12×12');
  await expect(conv.locator('[data-table="terms"] tbody th').filter({ hasText: '（填充）' })).toHaveCount(5);
  await expectNoMissingKey(conv, 'convolution');

  const mnist = await mount(page, '#fig-mnist', true, 150_000);
  await expect(mnist.getByRole('button', { name: '训练', exact: true })).toBeVisible();
  await expect(mnist.locator('[data-out="readout"]')).toContainText('测试准确率');
  await expect(mnist.locator('[data-table="summary"] caption')).toContainText('模型概要：共 6,218 个参数');
  await expect(mnist.locator('select[name="model"] option:checked')).toHaveText(HAN);
  await expectNoMissingKey(mnist, 'MNIST');

  const cnni = await mount(page, '#fig-cnni', true, 120_000);
  await expect(cnni.locator('[data-out="readout"]')).toContainText('预测为');
  await expect(cnni.getByRole('button', { name: '清空手写板' })).toBeVisible();
  await expect(cnni.locator('[data-out="status"]')).toHaveText('就绪');
  await expectNoMissingKey(cnni, 'CNN inspector');

  await page.goto('/zh-cn/seeing-inside/activation-maps/?backend=cpu');
  const again = await mount(page, '#fig-cnni', true, 120_000);
  await expect(again.locator('[data-out="note-conv1"]')).toContainText('的值大于零');
  await expectNoMissingKey(again, 'CNN inspector (activation maps)');
  expect(problems).toEqual([]);
});
