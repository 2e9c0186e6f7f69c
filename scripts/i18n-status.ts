/**
 * `npm run i18n:status`: for every English page, whether each translation is
 * translated, missing or stale (its `source_hash` differs from the English file's
 * current hash), plus the hash to record after translating or updating. Exits 0:
 * a missing or stale translation is not an error (the build checks parity of the
 * translations that exist). `--check` exits 1 when any is missing or stale.
 *
 *   npm run i18n:status              # all editions
 *   npm run i18n:status -- --locale zh-cn --check
 */
import { relative } from 'node:path';
import { translatedOutline } from '../src/content/outline.ts';
import { TRANSLATIONS } from '../src/i18n/locales.ts';
import { fileHash } from '../src/i18n/source-hash.ts';

export type Status = 'translated' | 'missing' | 'stale';

export interface Row {
  page: string;
  status: Status;
  hash: string;
  recorded: string | null;
  file: string | null;
}

export function i18nStatus(contentDir: string, locale: string): Row[] {
  return translatedOutline(contentDir, locale).map((c) => {
    const hash = fileHash(c.sourceFile);
    const status: Status = c.file === null ? 'missing' : c.sourceHash === hash ? 'translated' : 'stale';
    return { page: c.source || '(front page)', status, hash, recorded: c.sourceHash, file: c.file };
  });
}

function main(): void {
  const args = process.argv.slice(2);
  const contentDir = process.env.BOOK_CONTENT_DIR ?? 'content';
  const only = args.includes('--locale') ? args[args.indexOf('--locale') + 1] : null;
  let incomplete = 0;
  for (const edition of TRANSLATIONS.filter((e) => !only || e.locale === only)) {
    const rows = i18nStatus(contentDir, edition.locale);
    const count = (s: Status) => rows.filter((r) => r.status === s).length;
    console.log(`\n${edition.label} (${edition.locale}): ${count('translated')} translated, ${count('stale')} stale, ${count('missing')} missing of ${rows.length}\n`);
    const width = Math.max(...rows.map((r) => r.page.length));
    for (const r of rows) {
      const note =
        r.status === 'missing'
          ? `create content/${edition.locale}/${r.page === '(front page)' ? 'index' : r.page}.mdx with source_hash: ${r.hash}`
          : r.status === 'stale'
            ? `English changed (recorded ${r.recorded ?? 'none'}): update ${relative(process.cwd(), r.file!)}, then set source_hash: ${r.hash}`
            : '';
      console.log(`  ${r.status.padEnd(10)} ${r.page.padEnd(width)}  ${note}`);
    }
    incomplete += count('missing') + count('stale');
  }
  if (args.includes('--check') && incomplete > 0) process.exit(1);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
