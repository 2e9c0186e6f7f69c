// Astro integration: after the build, fixes two things in how Expressive Code's
// listings reach the browser.
//
// 1. Its stylesheet goes into the <head>, once per page. astro-expressive-code puts
//    `<link rel="stylesheet" href="/_astro/ec.*.css">` in front of the first code block
//    of every Markdown document, and every <Code> component counts as a document, so a
//    chapter with three listings linked the sheet three times, deep in its body. Each
//    link the parser meets after the body has been styled makes the browser restyle the
//    whole page: on the SHAP chapter, two full style recalculations of ~7 800 elements,
//    0.4 s each on a mid-range phone. Duplicate `ec.*.js` module tags go too.
// 2. Each listing's wrapper gets its line count (`data-lines`), which step 3 reads. (An
//    Expressive Code plugin could do this, but plugins force the <Code> component's
//    options into a separate ec.config.mjs.)
//    Every listing's <pre> is also made keyboard-focusable from the start. Expressive
//    Code's script does it only for blocks that scroll sideways, measured at idle time
//    after each block is laid out: until then a keyboard user could not reach them
//    (axe's scrollable-region-focusable rule caught it on a loaded machine), and a long
//    listing opened later waited for its turn too. The script still removes it where a
//    block does not scroll.
// 3. Long listings (more than LONG_LISTING lines) load when the reader opens them. A
//    highlighted listing is ~10× its source in markup: the LIME chapter's five long
//    ones were 40 of its 87 KB (gzipped), all downloaded and parsed before the first
//    paint although they sit at the end of the chapter. Each becomes a <details> whose
//    summary names the file and its length; the listing's HTML, unchanged, goes to
//    _listings/<content hash>.html (shared by both editions), fetched on opening by
//    components/book/listings-on-demand.ts, precached by the service worker, and linked
//    for readers without JavaScript. Pagefind has indexed the full page before this runs.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { t } from '../i18n/ui.ts';
import { htmlFiles } from './html-files.mjs';

export const LONG_LISTING = 80;

const EC_LINK = /<link rel="stylesheet" href="([^"]*\/ec\.[\w-]+\.css)"\s*\/?>/g;
const EC_SCRIPT = /<script type="module" src="([^"]*\/ec\.[\w-]+\.js)"><\/script>/g;
const EC_GROUP = '<div class="expressive-code"';

/** Every Expressive Code stylesheet link moved into <head>, once; duplicate scripts dropped. */
export function hoistCodeStyles(html) {
  const sheets = [...new Set([...html.matchAll(EC_LINK)].map((m) => m[1]))];
  const headEnd = html.indexOf('</head>');
  if (sheets.length === 0 || headEnd < 0) return html;
  let seenScript = false;
  const body = html
    .slice(headEnd)
    .replace(EC_LINK, '')
    .replace(EC_SCRIPT, (tag) => (seenScript ? '' : ((seenScript = true), tag)));
  const head = html.slice(0, headEnd).replace(EC_LINK, '');
  return `${head}${sheets.map((href) => `<link rel="stylesheet" href="${href}">`).join('')}${body}`;
}

const EC_PRE = /(<figure class="frame[^"]*">(?:<figcaption[\s\S]*?<\/figcaption>)?)<pre\b(?![^>]*\btabindex=)/g;

/** Each code block group's wrapper with `data-lines="N"`, N its rendered lines; each listing's <pre> focusable. */
export function markCodeLines(html) {
  const parts = html.replace(EC_PRE, '$1<pre tabindex="0"').split(EC_GROUP);
  // A group's lines are the ec-line rows up to the next group; prose between groups has none.
  return parts
    .map((part, i) => {
      if (i === 0) return part;
      const lines = part.match(/class="ec-line(?:\s[^"]*)?"/g)?.length ?? 0;
      return ` data-lines="${lines}"${part}`;
    })
    .join(EC_GROUP);
}

const GROUP = /<div class="expressive-code" data-lines="(\d+)">[\s\S]*?<\/figure><\/div>/g;
const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The page with each listing longer than `minLines` replaced by a <details> that loads
 * it; `store(html)` keeps a listing's HTML and returns the URL it will be served at.
 * Run after markCodeLines (it reads the line counts).
 */
export function deferLongListings(html, store, minLines = LONG_LISTING) {
  const lang = /<html[^>]*\slang="([^"]+)"/.exec(html)?.[1] ?? 'en';
  return html.replace(GROUP, (group, lines) => {
    if (Number(lines) <= minLines) return group;
    const url = store(group);
    const title = /<span class="title">([\s\S]*?)<\/span>/.exec(group)?.[1] ?? '';
    const count = t('listing.lines', { n: lines }, lang);
    return (
      `<details class="listing-on-demand" data-listing-src="${escapeHtml(url)}">` +
      `<summary><span class="listing-title">${title}</span> <span class="listing-lines">${escapeHtml(count)}</span></summary>` +
      `<div class="listing-slot" aria-live="polite"><a href="${escapeHtml(url)}">${escapeHtml(t('listing.open', {}, lang))}</a></div>` +
      `</details>`
    );
  });
}

export default function codeListings({ base = '/' } = {}) {
  return {
    name: 'book-code-listings',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        const stored = new Set();
        const store = (group) => {
          const name = `${createHash('sha256').update(group).digest('hex').slice(0, 16)}.html`;
          if (!stored.has(name)) {
            mkdirSync(join(dist, '_listings'), { recursive: true });
            writeFileSync(join(dist, '_listings', name), group);
            stored.add(name);
          }
          return `${base}_listings/${name}`;
        };
        let pages = 0;
        for (const file of htmlFiles(dist)) {
          if (file.startsWith(join(dist, '_listings'))) continue;
          const html = readFileSync(file, 'utf8');
          const out = deferLongListings(markCodeLines(hoistCodeStyles(html)), store);
          if (out !== html) {
            writeFileSync(file, out);
            pages++;
          }
        }
        logger.info(`code listings: stylesheet in <head> and line counts on ${pages} pages; ${stored.size} listings over ${LONG_LISTING} lines load when opened (_listings/)`);
      },
    },
  };
}
