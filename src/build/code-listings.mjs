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
// 2. Each listing's wrapper gets its line count as `--ec-lines`, from which
//    src/styles/book.css reserves the listing's height while content-visibility lets
//    the browser skip it off screen. (An Expressive Code plugin could do this, but
//    plugins force the <Code> component's options into a separate ec.config.mjs.)
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { htmlFiles } from './html-files.mjs';

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

/** Each code block group's wrapper with `style="--ec-lines:N"`, N its rendered lines. */
export function markCodeLines(html) {
  const parts = html.split(EC_GROUP);
  // A group's lines are the ec-line rows up to the next group; prose between groups has none.
  return parts
    .map((part, i) => {
      if (i === 0) return part;
      const lines = part.match(/class="ec-line(?:\s[^"]*)?"/g)?.length ?? 0;
      return ` style="--ec-lines:${lines}"${part}`;
    })
    .join(EC_GROUP);
}

export default function codeListings() {
  return {
    name: 'book-code-listings',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        let pages = 0;
        for (const file of htmlFiles(fileURLToPath(dir))) {
          const html = readFileSync(file, 'utf8');
          const out = markCodeLines(hoistCodeStyles(html));
          if (out !== html) {
            writeFileSync(file, out);
            pages++;
          }
        }
        logger.info(`code listings: stylesheet in <head> and line counts on ${pages} pages`);
      },
    },
  };
}
