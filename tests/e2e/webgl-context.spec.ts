/**
 * A lost WebGL context (a GPU reset, too many contexts, a laptop switching GPUs) in the
 * middle of training. The context is really lost: through WEBGL_lose_context on TF.js's
 * own context inside the figure's worker (the hook src/tf/context-loss.ts installs).
 * The reader gets a sentence in the figure's notices; the figure restarts on the CPU
 * from its state and finishes training; its buttons still work.
 */
import { test, expect } from '@playwright/test';

const CHAPTER = '/how-networks-compute/forward-and-backward/';
const FIG = '[data-figure-kind="xor"]';
const EPOCHS = 1500;

test('XOR on webgl loses its context mid-training: a notice, a restart on the cpu, and training finishes with a falling loss', async ({ page }) => {
  test.setTimeout(180_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${CHAPTER}?backend=webgl&xor.epochs=${EPOCHS}`);
  const root = page.locator(FIG);
  await root.scrollIntoViewIfNeeded();
  await expect(root).toHaveAttribute('data-ready', 'true', { timeout: 90_000 });
  await expect(root).toHaveAttribute('data-backend', 'webgl');

  await root.locator('[data-action="train"]').click();
  // Some epochs in, well before the end.
  await expect(root).toHaveAttribute('data-epoch', /^[1-9]\d+$/, { timeout: 90_000 });
  const lossBefore = Number(await root.getAttribute('data-loss'));
  const worker = page.workers().find((w) => /xor\.worker/.test(w.url()));
  expect(worker, 'the XOR figure has a worker').toBeDefined();
  const lost = await worker!.evaluate(() => (self as unknown as { __loseWebGLContext?: () => boolean }).__loseWebGLContext?.() ?? null);
  expect(lost, "the worker exposes TF.js's WebGL context and it has WEBGL_lose_context").toBe(true);
  const epochAtLoss = Number(await root.getAttribute('data-epoch'));
  expect(epochAtLoss).toBeLessThan(EPOCHS);

  const notices = root.locator('[data-out="notices"]');
  await expect(notices).toBeVisible({ timeout: 30_000 });
  await expect(notices).toContainText(/webgl context was lost.*restarted on the cpu backend/i);
  await expect(root).toHaveAttribute('data-backend', 'cpu', { timeout: 60_000 });
  await expect(root.locator('[data-out="backend"]')).toContainText('cpu');

  // Training carries on (replayed to where it was, then onwards) to the end of the budget.
  await expect(root).toHaveAttribute('data-epoch', String(EPOCHS), { timeout: 120_000 });
  await expect(root).toHaveAttribute('data-running', 'false');
  const lossAfter = Number(await root.getAttribute('data-loss'));
  expect(Number.isFinite(lossAfter)).toBe(true);
  expect(lossAfter).toBeLessThan(lossBefore);
  expect(lossAfter).toBeLessThan(0.05);
  expect(new URL(page.url()).searchParams.get('xor.epoch')).toBe(String(EPOCHS));

  // Nothing is left broken: Reset and Step work on the new backend.
  await root.locator('[data-action="reset"]').click();
  await expect(root).toHaveAttribute('data-epoch', '0', { timeout: 30_000 });
  await root.locator('[data-action="step"]').click();
  await expect(root).toHaveAttribute('data-epoch', '1', { timeout: 30_000 });
  expect(Number.isFinite(Number(await root.getAttribute('data-loss')))).toBe(true);
  expect(errors).toEqual([]);
});
