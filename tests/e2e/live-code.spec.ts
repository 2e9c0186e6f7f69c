/**
 * Runnable listings in a real browser: run, edit (CodeMirror), stop a runaway loop
 * while the page stays responsive, share edited code in a link, the sandbox's walls,
 * and that nothing heavy loads before the reader asks for it.
 */
import { test, expect, type Page, type Locator } from '@playwright/test';

const NEURON = '/how-networks-compute/neuron/?backend=cpu';
const LISTING = '#listing-neuron-worked';

async function editorText(listing: Locator): Promise<string> {
  return listing.locator('.cm-content').evaluate((el) => (el as HTMLElement).innerText);
}

/** Replaces the editor's code, as a reader pasting would. */
async function replaceCode(page: Page, listing: Locator, code: string): Promise<void> {
  if ((await listing.getAttribute('data-editing')) !== 'true') await listing.locator('button[data-action="edit"]').click();
  const content = listing.locator('.cm-content');
  await expect(content).toBeVisible();
  await content.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(code);
}

async function runAndWait(listing: Locator, state: 'done' | 'error' = 'done'): Promise<void> {
  await listing.locator('button[data-action="run"]').click();
  await expect(listing).toHaveAttribute('data-state', state, { timeout: 90_000 });
}

test('nothing of CodeMirror, sucrase or TF.js loads before Run; Run shows the output', async ({ page }) => {
  const scripts: { url: string; body: Promise<string> }[] = [];
  page.on('response', (r) => {
    if (/\.m?js(\?|$)/.test(r.url())) scripts.push({ url: r.url(), body: r.text().catch(() => '') });
  });
  await page.goto(NEURON);
  const listing = page.locator(LISTING);
  await listing.scrollIntoViewIfNeeded();
  await expect(listing).toHaveAttribute('data-mounted', 'true');
  await page.waitForTimeout(1000);
  const loaded = await Promise.all(scripts.map(async (s) => ({ url: s.url, body: await s.body })));
  for (const s of loaded) {
    expect(s.body.includes('cm-editor'), `CodeMirror loaded before Edit: ${s.url}`).toBe(false);
    expect(s.body.includes('disableESTransforms'), `sucrase loaded before Run: ${s.url}`).toBe(false);
    expect(s.body.includes('tfjsflags'), `TF.js loaded before Run: ${s.url}`).toBe(false);
  }
  expect(loaded.some((s) => s.url.includes('sandbox.worker'))).toBe(false);

  const workerStarted = page.waitForEvent('worker');
  await runAndWait(listing);
  await workerStarted;
  const output = listing.locator('[data-out="output"]');
  await expect(output).toContainText('z = w·x + b = 2.1000');
  await expect(output).toContainText('y = σ(z) = 0.8909');
  await expect(output).toContainText('TF.js: y = 0.8909');
  await expect(output.locator('.out-done')).toContainText('cpu backend');
});

test('edit the listing in CodeMirror and run the edited code; errors name the line', async ({ page }) => {
  await page.goto(NEURON);
  const listing = page.locator(LISTING);
  await listing.scrollIntoViewIfNeeded();
  const editorLoaded = page.waitForResponse((r) => /editor\.[\w-]+\.js/.test(r.url()));
  await listing.locator('button[data-action="edit"]').click();
  await editorLoaded;
  const content = listing.locator('.cm-content');
  await expect(content).toBeVisible();
  await expect(listing.locator('[data-out="static"]')).toBeHidden();
  expect(await editorText(listing)).toContain('const b = 0.3;');
  // Type a change: the bias becomes -1.8, so z = 0 and y = 0.5.
  await content.locator('.cm-line', { hasText: 'const b = 0.3;' }).click();
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('-1.8;');
  await expect(listing.locator('button[data-action="reset"]')).toBeEnabled();
  await runAndWait(listing);
  await expect(listing.locator('[data-out="output"]')).toContainText('y = σ(z) = 0.5000');

  await replaceCode(page, listing, "const a = 1;\nconst b = 2;\nthrow new Error('boom on line three');\n");
  await runAndWait(listing, 'error');
  await expect(listing.locator('.out-error')).toHaveText('Error: boom on line three (line 3)');
});

test('Stop ends an infinite loop; the page stays responsive and a fresh run works', async ({ page }) => {
  await page.goto(NEURON);
  const listing = page.locator(LISTING);
  await listing.scrollIntoViewIfNeeded();
  await replaceCode(page, listing, 'print("looping");\nwhile (true) {}\n');
  await listing.locator('button[data-action="run"]').click();
  await expect(listing).toHaveAttribute('data-state', 'running', { timeout: 60_000 });
  await expect(listing.locator('[data-out="output"]')).toContainText('looping');
  // The page's own thread is free: a control elsewhere on the page still reacts at once.
  const started = Date.now();
  const box = page.locator('[data-worked-neuron]');
  await box.locator('[name="b"]').fill('-1.8');
  await expect(box.locator('[data-out="y"]')).toHaveText('0.5000', { timeout: 2000 });
  expect(Date.now() - started).toBeLessThan(2000);
  await expect(listing).toHaveAttribute('data-state', 'running');

  await listing.locator('button[data-action="stop"]').click();
  await expect(listing).toHaveAttribute('data-state', 'stopped');
  await expect(listing.locator('[data-out="output"]')).toContainText('Stopped.');
  await listing.locator('button[data-action="reset"]').click();
  await runAndWait(listing);
  await expect(listing.locator('[data-out="output"]')).toContainText('y = σ(z) = 0.8909');
});

test('Copy link shares the edited code; the link opens it with a notice, and Reset restores the book', async ({ page, browser }) => {
  await page.goto(NEURON);
  const listing = page.locator(LISTING);
  await listing.scrollIntoViewIfNeeded();
  const edited = "// my version\nprint('shared', 6 * 7);\n";
  await replaceCode(page, listing, edited);
  await listing.locator('button[data-action="copy-link"]').click();
  await expect(listing).toHaveAttribute('data-link', /code\.neuron-worked=/);
  const link = (await listing.getAttribute('data-link'))!;
  expect(new URL(link).hash).toBe('#listing-neuron-worked');

  const fresh = await (await browser.newContext()).newPage();
  await fresh.goto(link);
  const shared = fresh.locator(LISTING);
  await expect(shared.locator('[data-out="notice"]')).toContainText('edited by whoever shared the link');
  await expect(shared.locator('.cm-content')).toBeVisible();
  expect(await editorText(shared)).toContain("print('shared', 6 * 7);");
  await runAndWait(shared);
  await expect(shared.locator('[data-out="output"]')).toContainText('shared 42');
  await shared.locator('button[data-action="reset"]').click();
  await expect(shared.locator('[data-out="notice"]')).toBeHidden();
  expect(await editorText(shared)).toContain('const b = 0.3;');
  expect(new URL(fresh.url()).searchParams.has('code.neuron-worked')).toBe(false);

  // Too long to share: a clear message, no link.
  // 12,000 pseudo-random characters: lz-string cannot squeeze them under the limit.
  let seed = 1;
  const noise = Array.from({ length: 12_000 }, () => ((seed = (seed * 48271) % 2147483647) % 36).toString(36)).join('');
  const long = `const noise = '${noise}';\n`;
  await replaceCode(page, listing, long);
  await listing.locator('button[data-action="copy-link"]').click();
  await expect(listing.locator('[data-out="notice"]')).toContainText('too long to share in a link');
});

test('the sandbox cannot read cookies or localStorage, nor fetch another origin', async ({ page, context }) => {
  const foreign: string[] = [];
  context.on('request', (r) => {
    if (!r.url().startsWith('http://127.0.0.1')) foreign.push(r.url());
  });
  await page.goto(NEURON);
  await page.evaluate(() => {
    document.cookie = 'secret=page-cookie';
    localStorage.setItem('secret', 'page-storage');
  });
  const listing = page.locator(LISTING);
  await listing.scrollIntoViewIfNeeded();
  await replaceCode(
    page,
    listing,
    [
      "const attempt = async (what: string, f: () => unknown) => { try { print(what, String(await f())); } catch (e) { print(what, (e as Error).name, (e as Error).message); } };",
      "await attempt('cookie:', () => (globalThis as any).document.cookie);",
      "await attempt('storage:', () => (globalThis as any).localStorage.getItem('secret'));",
      "await attempt('bare:', () => eval('localStorage'));",
      "await attempt('fetch:', () => fetch('http://example.com/'));",
      "await attempt('xhr:', () => new XMLHttpRequest());",
      "await attempt('idb:', () => (self as any).indexedDB);",
      "await attempt('data:', async () => (await fetch('/generated/tfjs-wasm/tfjs-backend-wasm.wasm')).status);",
    ].join('\n'),
  );
  await runAndWait(listing);
  const out = listing.locator('[data-out="output"]');
  await expect(out).toContainText('cookie: TypeError');
  await expect(out).toContainText('storage: SandboxError');
  await expect(out).toContainText('bare: SandboxError');
  await expect(out).toContainText('fetch: SandboxError fetch("http://example.com/") was refused');
  await expect(out).toContainText('xhr: SandboxError');
  await expect(out).toContainText('idb: SandboxError');
  await expect(out).toContainText('data: 200');
  await expect(out).not.toContainText('page-cookie');
  await expect(out).not.toContainText('page-storage');
  expect(foreign).toEqual([]);
});

test('the time limit ends a runaway listing by itself', async ({ page }) => {
  // A 3-second limit for this page's listing (chapters set it with timeout={…}; the default is 60 s).
  await page.addInitScript(() => {
    new MutationObserver(() => {
      const el = document.querySelector<HTMLElement>('#listing-neuron-worked');
      if (el && !el.dataset.mounted) el.dataset.timeout = '3';
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(NEURON);
  const listing = page.locator(LISTING);
  await listing.scrollIntoViewIfNeeded();
  await replaceCode(page, listing, 'let i = 0;\nwhile (true) { i++; }\n');
  await listing.locator('button[data-action="run"]').click();
  await expect(listing).toHaveAttribute('data-state', 'stopped', { timeout: 60_000 });
  await expect(listing.locator('[data-out="output"]')).toContainText("Stopped after 3 s, this listing's time limit");
  await listing.locator('button[data-action="reset"]').click();
  await runAndWait(listing);
  await expect(listing.locator('[data-out="output"]')).toContainText('y = σ(z) = 0.8909');
});
