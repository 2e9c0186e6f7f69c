// Astro integration: after the build, hashes every inline <script> of every page
// (Starlight's theme and sidebar scripts, Astro's small hoisted modules) and writes
// dist/_headers with the Content-Security-Policy of src/security/csp.mjs plus those
// hashes. Inline event handlers (onclick="…") and javascript: links fail the build:
// no hash can allow them.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { htmlFiles } from '../build/html-files.mjs';
import { cspHeader, headersFile } from './csp.mjs';

export function inlineScriptHashes(html) {
  const hashes = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    if (/\bsrc=/.test(m[1]) || /type="application\/(ld\+)?json"/.test(m[1]) || m[2] === '') continue;
    hashes.push(`sha256-${createHash('sha256').update(m[2], 'utf8').digest('base64')}`);
  }
  return hashes;
}

export default function cspIntegration() {
  return {
    name: 'book-csp',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        const hashes = new Set();
        const problems = [];
        for (const file of htmlFiles(dist)) {
          const html = readFileSync(file, 'utf8');
          inlineScriptHashes(html).forEach((h) => hashes.add(h));
          for (const m of html.matchAll(/<[^>]+\s(on[a-z]+)=["'][^>]*>/g)) problems.push(`${file}: inline event handler ${m[1]}=…`);
          if (/href=["']javascript:/i.test(html)) problems.push(`${file}: javascript: link`);
        }
        if (problems.length) throw new Error(`The Content-Security-Policy forbids inline handlers:\n  ${problems.join('\n  ')}`);
        const csp = cspHeader([...hashes].sort());
        writeFileSync(join(dist, '_headers'), headersFile(csp));
        logger.info(`dist/_headers: Content-Security-Policy with ${hashes.size} inline-script hashes`);
      },
    },
  };
}
