#!/usr/bin/env node
// Size budgets of the built site (dist/): the gzipped JavaScript each page loads before
// the reader interacts (module and classic scripts in its HTML, inline ones included,
// plus everything those import statically; dynamic import() is left out, since figures
// fetch their code only when they come near the viewport), and the gzipped size of each
// island: every script entry of a page, and every figure controller a page loads
// lazily, with its static imports (its worker and TF.js excluded: they load later).
// Budgets live in scripts/size-budget.json. Every page of dist/ is measured, so new
// chapters are covered without editing anything.
//   node scripts/size-budget.mjs           prints the table, exits 1 naming what is over
//   node scripts/size-budget.mjs --json    prints the measurements as JSON
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative, dirname, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const KB = 1024;
const gz = (text) => gzipSync(text, { level: 9 }).length;

export function htmlPages(dist) {
  const out = [];
  const walk = (dir) => {
    for (const f of readdirSync(dir)) {
      const p = join(dir, f);
      if (statSync(p).isDirectory()) {
        if (!['_astro', 'pagefind', 'generated'].includes(f)) walk(p);
      } else if (f === 'index.html') out.push(`/${relative(dist, dir)}/`.replace(/\/+/g, '/'));
    }
  };
  walk(dist);
  return out.sort();
}

/** Static imports of an ES module's source: `import … from "x"`, `import "x"`, `export … from "x"`; not `import("x")`. */
export function staticImports(code) {
  const found = new Set();
  const re = /(?:^|[;\n}\s])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'`]([^"'`]+)["'`]/g;
  for (const m of code.matchAll(re)) found.add(m[1]);
  return [...found];
}

/** Dynamic imports of a module: `import("x")` / import(`x`). */
export function dynamicImports(code) {
  return [...new Set([...code.matchAll(/import\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]))];
}

function resolveUrl(base, spec) {
  if (/^[a-z]+:/i.test(spec)) return null;
  return spec.startsWith('/') ? spec : posix.join(posix.dirname(base), spec);
}

/** A module and all it imports statically: a map url -> gzipped bytes. */
function closure(dist, entryUrl, basePath, seen = new Map()) {
  if (seen.has(entryUrl)) return seen;
  const file = join(dist, entryUrl.slice(basePath.length - 1));
  if (!existsSync(file)) {
    seen.set(entryUrl, 0);
    return seen;
  }
  const code = readFileSync(file, 'utf8');
  seen.set(entryUrl, gz(code));
  for (const spec of staticImports(code)) {
    const url = resolveUrl(entryUrl, spec);
    if (url && url.endsWith('.js')) closure(dist, url, basePath, seen);
  }
  return seen;
}

export function measure(dist = 'dist', basePath = '/') {
  const pages = [];
  const islands = new Map();
  for (const page of htmlPages(dist)) {
    const html = readFileSync(join(dist, page, 'index.html'), 'utf8');
    const loaded = new Map();
    let inline = 0;
    const entries = [];
    for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
      const attrs = m[1];
      if (/type="(application\/(ld\+)?json|text\/template)"/.test(attrs)) continue;
      const src = /\bsrc="([^"]+)"/.exec(attrs)?.[1];
      if (src) {
        entries.push(src);
        closure(dist, src, basePath, loaded);
      } else if (m[2].trim()) {
        inline += gz(m[2]);
        // An inline module may import chunks statically too.
        for (const spec of staticImports(m[2])) {
          const url = resolveUrl(page, spec);
          if (url?.endsWith('.js')) closure(dist, url, basePath, loaded);
        }
      }
    }
    for (const src of entries) {
      const own = closure(dist, src, basePath);
      const code = readFileSync(join(dist, src.slice(basePath.length - 1)), 'utf8');
      islands.set(src, { kind: 'entry', bytes: [...own.values()].reduce((a, b) => a + b, 0), pages: [...(islands.get(src)?.pages ?? []), page] });
      // Figure controllers loaded when the figure nears the viewport.
      for (const spec of dynamicImports(code)) {
        const url = resolveUrl(src, spec);
        if (!url?.endsWith('.js')) continue;
        const lazy = closure(dist, url, basePath);
        islands.set(url, { kind: 'lazy', bytes: [...lazy.values()].reduce((a, b) => a + b, 0), pages: [...(islands.get(url)?.pages ?? []), page] });
      }
    }
    const scriptBytes = [...loaded.values()].reduce((a, b) => a + b, 0);
    pages.push({ page, bytes: scriptBytes + inline, inline, files: [...loaded.entries()].sort((a, b) => b[1] - a[1]) });
  }
  return { pages, islands: [...islands.entries()].map(([url, v]) => ({ url, ...v })) };
}

/** Strips the content hash from a chunk name, so budgets survive rebuilds. */
export const islandName = (url) => posix.basename(url).replace(/\.[\w-]{8}\.js$/, '.js');

export function check(result, budgets) {
  const over = [];
  for (const p of result.pages) {
    const limit = (budgets.pages?.[p.page] ?? budgets.pageKB) * KB;
    if (p.bytes > limit) {
      const top = p.files.slice(0, 4).map(([u, b]) => `${posix.basename(u)} ${(b / KB).toFixed(1)} KB`).join(', ');
      over.push(`page ${p.page}: ${p.bytes} bytes (${(p.bytes / KB).toFixed(1)} KB) of gzipped JavaScript before interaction, budget ${(limit / KB).toFixed(1)} KB; largest: ${top}`);
    }
  }
  for (const i of result.islands) {
    const name = islandName(i.url);
    const limit = (budgets.islands?.[name] ?? (i.kind === 'entry' ? budgets.entryKB : budgets.lazyKB)) * KB;
    if (i.bytes > limit) over.push(`${i.kind === 'entry' ? 'island' : 'lazy figure code'} ${name}: ${i.bytes} bytes (${(i.bytes / KB).toFixed(1)} KB) gzipped with its static imports, budget ${(limit / KB).toFixed(1)} KB (on ${i.pages[0]})`);
  }
  return over;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dist = process.env.DIST_DIR ?? 'dist';
  const base = `/${(process.env.BASE_PATH ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
  const budgets = JSON.parse(readFileSync(new URL('./size-budget.json', import.meta.url), 'utf8'));
  const result = measure(dist, base);
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(result, null, 2));
    process.exit(0);
  }
  console.log('gzipped JavaScript before interaction, per page:');
  for (const p of result.pages) console.log(`  ${(p.bytes / KB).toFixed(1).padStart(6)} KB  ${p.page}`);
  console.log('islands (gzipped, with static imports):');
  for (const i of [...result.islands].sort((a, b) => b.bytes - a.bytes)) console.log(`  ${(i.bytes / KB).toFixed(1).padStart(6)} KB  ${i.kind.padEnd(5)}  ${islandName(i.url)}`);
  const over = check(result, budgets);
  if (over.length) {
    console.error(`\nOver budget (scripts/size-budget.json):\n  ${over.join('\n  ')}`);
    process.exit(1);
  }
  console.log('\nAll within budget.');
}
