/**
 * The checks are wired into the real build: `astro build` of a small fixture book
 * fails, naming the fixture file and the line of each mistake. (book-checks.test.ts
 * covers every check in detail; this proves the build runs them.)
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'book-fixture-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function buildBook(files: Record<string, string>): { status: number | null; output: string } {
  const content = join(work, `content-${Object.keys(files).length}-${Date.now()}`);
  for (const [name, from] of Object.entries(files)) {
    mkdirSync(join(content, name, '..'), { recursive: true });
    cpSync(from, join(content, name));
  }
  writeFileSync(join(content, 'index.mdx'), '---\ntitle: Fixture book\ndescription: Fixture.\npart: front\norder: 0\n---\n\nA fixture.\n');
  const run = spawnSync('npx', ['astro', 'build'], {
    cwd: ROOT,
    env: { ...process.env, BOOK_CONTENT_DIR: content, BOOK_OUT_DIR: join(work, 'dist'), BOOK_CACHE_DIR: join(work, 'cache') },
    encoding: 'utf8',
    timeout: 240_000,
  });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

it('a broken link in a contributed chapter fails the build with its file and line', () => {
  const { status, output } = buildBook({ 'seeing-inside/broken-link.mdx': join(ROOT, 'tests/fixtures/chapters/broken-link.mdx') });
  expect(status).not.toBe(0);
  expect(output).toMatch(/broken-link\.mdx:14: broken link "\.\.\/no-such-chapter\/"/);
  expect(output).toMatch(/broken-link\.mdx:18: absolute link "\/seeing-inside\/gradient-maps\/"/);
}, 300_000);

it('a broken equation fails the build with its file and line', () => {
  const { status, output } = buildBook({ 'seeing-inside/broken-katex.mdx': join(ROOT, 'tests/fixtures/chapters/broken-katex.mdx') });
  expect(status).not.toBe(0);
  expect(output).toMatch(/Invalid equation at .*broken-katex\.mdx:12/);
}, 300_000);
