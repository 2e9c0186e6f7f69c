/**
 * The book hosted under a sub-path (as GitHub Pages does: https://owner.github.io/repo/)
 * has no broken link: it is built with BASE_PATH=/book/, served under /book/, and every
 * page, script, stylesheet, image and data file it references is fetched. A figure
 * that loads data (the MNIST training figure) must find it under the sub-path too.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { watchProblems } from './helpers.ts';

const PORT = Number(process.env.E2E_PORT ?? 4329) + 50;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const OUT = '.test-output/dist-subpath';
let server: ChildProcess | undefined;

test.describe.configure({ mode: 'serial', timeout: 420_000 });

test.beforeAll(async () => {
  test.setTimeout(420_000);
  const env = { ...process.env, BASE_PATH: '/book/', BOOK_OUT_DIR: OUT, BOOK_CACHE_DIR: '.test-output/cache-subpath' };
  const build = spawnSync('npx', ['astro', 'build'], { env, encoding: 'utf8', timeout: 400_000 });
  if (build.status !== 0) throw new Error(`build under /book/ failed:\n${build.stdout}\n${build.stderr}`);
  server = spawn('node', ['scripts/serve.mjs', String(PORT)], { env: { ...env, DIST_DIR: OUT }, stdio: 'ignore' });
  for (let i = 0; i < 50; i++) {
    if (await fetch(`${ORIGIN}/book/`).then((r) => r.ok).catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the sub-path server did not start');
});

test.afterAll(() => server?.kill());

test('every link of every page resolves under /book/', async () => {
  const seen = new Set<string>();
  const broken: string[] = [];
  const queue = [`${ORIGIN}/book/`];
  while (queue.length) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const response = await fetch(url, { redirect: 'manual' });
    if (response.status !== 200) {
      broken.push(`${url} → ${response.status}`);
      continue;
    }
    if (!(response.headers.get('content-type') ?? '').includes('text/html')) continue;
    const html = await response.text();
    for (const m of html.matchAll(/\b(?:href|src)="([^"#]+)(?:#[^"]*)?"/g)) {
      const target = new URL(m[1]!.replace(/&amp;/g, '&'), url);
      if (target.origin !== ORIGIN) continue;
      if (!target.pathname.startsWith('/book/')) {
        broken.push(`${url} links ${target.pathname} outside the base path`);
        continue;
      }
      target.search = '';
      if (!seen.has(target.href)) queue.push(target.href);
    }
  }
  expect(broken).toEqual([]);
  expect([...seen].filter((u) => u.endsWith('/')).length).toBeGreaterThan(5);
});

test('a figure finds its data under /book/', async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto(`${ORIGIN}/book/how-networks-compute/convolutional-networks/?backend=cpu#fig-mnist`);
  const figure = page.locator('#fig-mnist');
  await figure.scrollIntoViewIfNeeded();
  await expect(figure).toHaveAttribute('data-ready', 'true', { timeout: 120_000 });
  expect(problems).toEqual([]);
});
