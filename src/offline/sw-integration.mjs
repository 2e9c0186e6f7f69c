// Astro integration: after the build, writes dist/sw.js, the service worker that keeps
// the book readable offline. It precaches every page, the stylesheets, the fonts and
// the scripts pages load at once (the list is read from dist/, so new chapters are
// included), and caches whatever else a visit fetches (figure code, workers, TF.js,
// data, checkpoints) as it goes: after a first visit, the book and the figures the
// reader opened keep working with the network off.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

function files(dir, root = dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p, root) : [relative(root, p).split('\\').join('/')];
  });
}

export default function serviceWorkerIntegration({ base = '/' } = {}) {
  return {
    name: 'book-service-worker',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        const all = files(dist);
        const pages = all.filter((f) => f.endsWith('index.html') && !f.startsWith('lab/')).map((f) => f.replace(/index\.html$/, ''));
        // Long code listings load when opened (src/build/code-listings.mjs): small, so precached.
        const assets = all.filter((f) => /^_astro\/.*\.(css|woff2)$/.test(f) || /^_listings\/.*\.html$/.test(f));
        // Scripts the pages load at once (their own <script src>), not the figures' lazy code.
        const entry = new Set();
        for (const p of pages) {
          const html = readFileSync(join(dist, p, 'index.html'), 'utf8');
          for (const m of html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)) entry.add(m[1].replace(base, ''));
        }
        const precache = [...pages, ...assets, ...entry].map((f) => `${base}${f}`);
        // The version is a digest of every file's bytes, not of the file names: a corrected
        // sentence changes no name, nor does a re-trained checkpoint or a rebuilt search
        // index (pagefind-entry.json), and those are served cache first.
        const digest = createHash('sha256').update(precache.join('\n'));
        for (const f of all.filter((f) => f !== 'sw.js').sort()) digest.update(`\n${f}\n`).update(readFileSync(join(dist, f)));
        const version = digest.digest('hex').slice(0, 12);
        const template = readFileSync(new URL('./sw-template.js', import.meta.url), 'utf8');
        writeFileSync(join(dist, 'sw.js'), template.replace('__VERSION__', version).replace("'__PRECACHE__'", JSON.stringify(precache)));
        logger.info(`dist/sw.js: ${precache.length} files precached, version ${version}`);
      },
    },
  };
}
