// The service worker's cache version (src/offline/sw-integration.mjs): returning readers
// get a new cache exactly when something in the build changed, even where no file name
// did (a corrected sentence, a re-trained checkpoint, a rebuilt search index).
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import serviceWorkerIntegration from '../../src/offline/sw-integration.mjs';

function fakeBuild(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'sw-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

function swFor(dir: string): { version: string; precache: string[] } {
  const hook = serviceWorkerIntegration({ base: '/' }).hooks['astro:build:done'];
  hook({ dir: pathToFileURL(`${dir}/`), logger: { info: () => {} } } as never);
  const sw = readFileSync(join(dir, 'sw.js'), 'utf8');
  return {
    version: sw.match(/const VERSION = '([0-9a-f]+)'/)![1]!,
    precache: JSON.parse(sw.match(/const PRECACHE = (\[.*\]);/)![1]!),
  };
}

const site = {
  'index.html': '<html><script type="module" src="/_astro/page.abc.js"></script></html>',
  'lime/index.html': '<html><p>LIME fits a linear model.</p></html>',
  '_astro/page.css': 'body{}',
  'pagefind/pagefind-entry.json': '{"index":"en_1"}',
  'generated/checkpoints/mnist-3.bin': 'weights-a',
};

describe('service worker version', () => {
  it('is the same for the same build, and precaches pages, styles and entry scripts', () => {
    const a = swFor(fakeBuild(site));
    const b = swFor(fakeBuild(site));
    expect(a.version).toBe(b.version);
    expect(a.precache).toEqual(expect.arrayContaining(['/', '/lime/', '/_astro/page.css', '/_astro/page.abc.js']));
    expect(a.precache).not.toContain('/generated/checkpoints/mnist-3.bin');
  });

  it.each([
    ['a sentence of a page', 'lime/index.html', '<html><p>LIME fits a weighted linear model.</p></html>'],
    ['the search index', 'pagefind/pagefind-entry.json', '{"index":"en_2"}'],
    ['a re-trained checkpoint', 'generated/checkpoints/mnist-3.bin', 'weights-b'],
  ])('changes when %s changes and no file name does', (_what, path, text) => {
    const before = swFor(fakeBuild(site)).version;
    const after = swFor(fakeBuild({ ...site, [path]: text })).version;
    expect(after).not.toBe(before);
  });

  it('does not depend on its own previous sw.js', () => {
    const dir = fakeBuild(site);
    const first = swFor(dir).version;
    expect(swFor(dir).version).toBe(first);
  });
});
