/**
 * What a reader sees when things go wrong: hostile or malformed figure links, a data
 * file cut short, a worker that throws, WebGPU missing. Each time: a clear sentence in
 * the figure's notice area, no uncaught error, nothing injected, the page still usable.
 * The figures are found in dist/ (every live figure of every page), so new chapters
 * are covered without editing this file.
 */
import { readFileSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import { builtPages } from './built-pages.ts';

/** Live figures (controllers extending LiveFigure read the link) and where they are. */
function liveFigures(): { page: string; id: string; keys: string[] }[] {
  const liveKinds = new Set<string>();
  const registry = readFileSync('components/figures/registry.ts', 'utf8');
  for (const m of registry.matchAll(/'([\w-]+)': \(\) => import\('\.\/([\w-]+)\.ts'\)/g)) {
    if (/extends LiveFigure/.test(readFileSync(`components/figures/${m[2]}.ts`, 'utf8'))) liveKinds.add(m[1]!);
  }
  const out: { page: string; id: string; keys: string[] }[] = [];
  for (const page of builtPages()) {
    const html = readFileSync(`dist${page}index.html`, 'utf8');
    for (const m of html.matchAll(/<figure[^>]*data-figure-id="([\w-]+)"[^>]*data-figure-kind="([\w-]+)"[\s\S]*?<\/figure>/g)) {
      if (!liveKinds.has(m[2]!)) continue;
      // Controls marked data-not-in-link are actions (e.g. "skip ahead to a checkpoint"), not link settings.
      const keys = [...new Set([...m[0].matchAll(/<(?:input|select)(?![^>]*data-not-in-link)[^>]*\sname="([\w]+)"/g)].map((k) => k[1]!))];
      // Keys a figure has no control for may not be in its state at all (then a link ignores them silently).
      if (keys.length) out.push({ page, id: m[1]!, keys });
    }
  }
  return out;
}

const HOSTILE = [
  '<script>window.__pwned=1</script>',
  '"><img src=x onerror="window.__pwned=1">',
  'javascript:window.__pwned=1',
  '1e308',
  '-1e308',
  '99999999999999999999999',
  'NaN',
  'Infinity',
  '-Infinity',
  '0x1F',
  '1/0',
  'null',
  '[]',
  '{"__proto__":{"x":1}}',
  '𝟘😀ü\u202e',
  '9'.repeat(1000),
  'a'.repeat(4000),
  '%00',
  '1;alert(1)',
  ' 3 ',
];

/** A deterministic stream of numbers in [0, 1) (mulberry32), so failures are reproducible. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const figures = liveFigures();
const LINKS = 100;
const GROUPS = 4;
const rand = random(20240601);
const links = Array.from({ length: LINKS }, () => {
  const fig = figures[Math.floor(rand() * figures.length)]!;
  const params = new URLSearchParams({ backend: 'cpu' });
  const n = 1 + Math.floor(rand() * 3);
  for (let i = 0; i < n; i++) params.set(`${fig.id}.${fig.keys[Math.floor(rand() * fig.keys.length)]}`, HOSTILE[Math.floor(rand() * HOSTILE.length)]!);
  return { fig, url: `${fig.page}?${params}` };
});

test('the live figures are found in the build', () => {
  expect(figures.length).toBeGreaterThan(5);
});

for (let g = 0; g < GROUPS; g++) {
  test(`hostile links ${g * (LINKS / GROUPS) + 1}–${(g + 1) * (LINKS / GROUPS)}: a notice, no error, nothing injected`, async ({ page }) => {
    test.setTimeout(420_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    for (const { fig, url } of links.slice(g * (LINKS / GROUPS), (g + 1) * (LINKS / GROUPS))) {
      await page.goto(url);
      const root = page.locator(`[data-figure-id="${fig.id}"]`);
      await root.scrollIntoViewIfNeeded();
      const notices = root.locator('[data-out="notices"]');
      await expect(notices, `no notice for ${url.slice(0, 300)}`).toBeVisible({ timeout: 60_000 });
      await expect(notices).toContainText(/Ignored|too long|must be|not a number|已忽略|太长|必须|不是数字/);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), `script ran for ${url.slice(0, 300)}`).toBeUndefined();
      await expect(page.locator('img[src="x"], [data-out="notices"] script')).toHaveCount(0);
      // The figure still works: its Train button is there and enabled.
      await expect(root.locator('[data-action="train"]')).toBeEnabled();
      expect(errors, url.slice(0, 300)).toEqual([]);
    }
  });
}

async function expectNotice(page: Page, figure: string, text: RegExp): Promise<void> {
  const root = page.locator(figure);
  await root.scrollIntoViewIfNeeded();
  await expect(root.locator('[data-out="notices"]')).toBeVisible({ timeout: 90_000 });
  await expect(root.locator('[data-out="notices"]')).toContainText(text, { timeout: 90_000 });
}

test('a truncated MNIST file: the figure says which file and what to do', async ({ page }) => {
  test.setTimeout(180_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route('**/generated/mnist/*.u8', async (route) => {
    const response = await route.fetch();
    const body = await response.body();
    await route.fulfill({ response, body: body.subarray(0, Math.floor(body.length / 3)), headers: { ...response.headers(), 'content-length': String(Math.floor(body.length / 3)) } });
  });
  await page.goto('/how-networks-compute/convolutional-networks/?backend=cpu');
  await expectNotice(page, '[data-figure-kind="mnist"]', /truncated|MNIST/i);
  await expect(page.locator('[data-figure-kind="mnist"] [data-out="status"]')).toHaveText(/error/);
  expect(errors).toEqual([]);
});

test('a worker that throws: the figure says so and the page stays usable', async ({ page }) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route('**/_astro/xor.worker*.js', (route) =>
    route.fulfill({ contentType: 'text/javascript', body: 'throw new Error("simulated worker failure");' }),
  );
  await page.goto('/how-networks-compute/forward-and-backward/?backend=cpu');
  await expectNotice(page, '[data-figure-kind="xor"]', /worker stopped/);
  // The rest of the page still works: another control answers.
  await expect(page.locator('[data-figure-kind="xor"] [data-action="copy-link"]')).toBeEnabled();
  expect(errors).toEqual([]);
});

test('WebGPU asked for but unavailable: a notice, and the figure falls back and trains', async ({ page }) => {
  test.setTimeout(180_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // No WebGPU in the page or its workers.
  await page.addInitScript(() => delete (Navigator.prototype as unknown as { gpu?: unknown }).gpu);
  await page.route('**/_astro/xor.worker*.js', async (route) => {
    const response = await route.fetch();
    const body = `delete WorkerNavigator.prototype.gpu;\n${await response.text()}`;
    await route.fulfill({ response, body });
  });
  await page.goto('/how-networks-compute/forward-and-backward/?backend=webgpu');
  const root = page.locator('[data-figure-kind="xor"]');
  await root.scrollIntoViewIfNeeded();
  await expect(root).toHaveAttribute('data-ready', 'true', { timeout: 90_000 });
  await expect(root.locator('[data-out="notices"]')).toContainText(/WebGPU|webgpu/);
  expect(await root.getAttribute('data-backend')).not.toBe('webgpu');
  await root.locator('[data-action="step"]').click();
  await expect(root).toHaveAttribute('data-epoch', /^[1-9]/, { timeout: 90_000 });
  expect(errors).toEqual([]);
});
