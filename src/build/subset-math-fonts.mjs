// Astro integration: after the build, cuts KaTeX's web fonts down to the characters the
// book actually prints, and renames them by their new content.
//
// Why: a chapter's first formula waits for KaTeX's fonts (font-display: block, so no
// flash of wrongly shaped maths), and a chapter asks for six or seven of them at once,
// ~120 KB: on a slow phone connection that was most of the time to the largest paint
// (Lighthouse: LCP 2.5 s with the fonts, 1.7 s without). The book's formulas use ~130
// distinct characters out of the hundreds each font carries.
//
// The character set is every character of every built page's text (prose included, so
// it is a superset of what KaTeX lays out; KaTeX does not run in the browser), plus
// printable ASCII. It is recomputed on every build, so a new chapter's new symbol gets
// its glyph. Only the .woff2 files change (every browser that runs the book's figures
// reads woff2; the .woff/.ttf fallbacks stay whole). New names change the service
// worker's version, so readers with a cached book fetch the new fonts.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import subsetFont from 'subset-font';
import { htmlFiles } from './html-files.mjs';

const ENTITY = /&(?:#(\d+)|#x([0-9a-f]+)|(amp|lt|gt|quot|apos|nbsp));/gi;
const NAMED = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Every character of a page's text: tags, scripts and styles removed, entities decoded. */
export function pageCharacters(html) {
  const text = html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(ENTITY, (_, dec, hex, name) => (dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : NAMED[name.toLowerCase()]));
  return new Set(text);
}

export function printableAscii() {
  return Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');
}

export default function subsetMathFonts() {
  return {
    name: 'book-subset-math-fonts',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        const assets = join(dist, '_astro');
        const fonts = readdirSync(assets).filter((f) => /^KaTeX_.*\.woff2$/.test(f));
        if (fonts.length === 0) return;
        const chars = new Set(printableAscii());
        for (const file of htmlFiles(dist)) for (const c of pageCharacters(readFileSync(file, 'utf8'))) chars.add(c);
        const text = [...chars].join('');
        const renamed = new Map();
        let before = 0;
        let after = 0;
        for (const font of fonts) {
          const original = readFileSync(join(assets, font));
          const subset = await subsetFont(original, text, { targetFormat: 'woff2' });
          // Never ship a broken or larger font: keep the original if the subset is not smaller.
          const out = subset.length > 0 && subset.length < original.length ? subset : original;
          const hash = createHash('sha256').update(out).digest('base64url').slice(0, 8);
          const name = font.replace(/\.[^.]+\.woff2$/, `.${hash}.woff2`);
          writeFileSync(join(assets, font), out);
          if (name !== font) {
            renameSync(join(assets, font), join(assets, name));
            renamed.set(font, name);
          }
          before += original.length;
          after += out.length;
        }
        for (const css of readdirSync(assets).filter((f) => f.endsWith('.css'))) {
          const path = join(assets, css);
          const source = readFileSync(path, 'utf8');
          let next = source;
          for (const [from, to] of renamed) next = next.split(from).join(to);
          if (next !== source) writeFileSync(path, next);
        }
        logger.info(`KaTeX fonts cut to ${chars.size} characters: ${fonts.length} woff2 files, ${Math.round(before / 1024)} KB → ${Math.round(after / 1024)} KB (${basename(assets)}/)`);
      },
    },
  };
}
