/**
 * Published URLs never disappear: every page listed in tests/published-urls.txt is
 * in the build, or redirects to where it moved (src/content/redirects.ts); and every
 * page of the build is listed, so a new chapter is "published" on purpose.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from '@playwright/test';
import { REDIRECTS } from '../../src/content/redirects.ts';

const LIST = 'tests/published-urls.txt';
const published = readFileSync(LIST, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));

function builtPages(dir = 'dist'): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return ['_astro', 'pagefind', 'generated', 'checkpoints'].includes(f) ? [] : builtPages(p);
    return f === 'index.html' ? [`/${relative('dist', dir)}/`.replace(/\/+/g, '/')] : [];
  });
}

test('every published URL is still served, directly or by a redirect', async ({ request }) => {
  const missing = published.filter((url) => !existsSync(join('dist', url, 'index.html')));
  expect(missing, `published URLs gone from the build with no redirect in src/content/redirects.ts: ${missing.join(', ')}`).toEqual([]);
  for (const [from, to] of Object.entries(REDIRECTS)) {
    const page = await request.get(from);
    expect(await page.text(), `${from} should redirect to ${to}`).toContain(to);
  }
});

test('every page of the build is published', () => {
  const redirected = new Set(Object.keys(REDIRECTS));
  const unlisted = builtPages().filter((p) => !published.includes(p) && !redirected.has(p) && !p.startsWith('/lab/'));
  expect(unlisted, `new pages: add them to ${LIST} (that promises they stay)`).toEqual([]);
});
