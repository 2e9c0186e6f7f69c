import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Every HTML page of the built site, found in dist/ itself, so chapters added later
 * are checked without editing any test. Redirect stubs (renamed chapters) are left
 * out: they are not pages a reader stays on.
 */
export function builtPages(dir = 'dist'): string[] {
  return readdirSync(dir)
    .flatMap((f) => {
      const p = join(dir, f);
      if (statSync(p).isDirectory()) return f === '_astro' || f === 'pagefind' || f === 'generated' ? [] : builtPages(p);
      return f === 'index.html' ? [`/${relative('dist', dir)}/`.replace(/\/+/g, '/')] : [];
    })
    .sort();
}

/** Pages that are only a redirect to another page (<meta http-equiv="refresh">). */
export function isRedirectStub(html: string): boolean {
  return /<meta\s+http-equiv="refresh"/i.test(html) && html.length < 2000;
}
