// The book's Content-Security-Policy, in one place. The build (src/security/csp-integration.mjs)
// adds the sha256 hashes of the few inline scripts Starlight and Astro emit (theme, sidebar
// state) and writes dist/_headers; scripts/serve.mjs sends the same header, so every
// end-to-end test and benchmark runs under it.
//
// - no inline script except those hashes, no eval, no third-party origin anywhere;
// - 'wasm-unsafe-eval': TF.js's WebAssembly backend and Pagefind's search compile WebAssembly;
// - workers from the site only (each figure's worker is a file under /_astro/);
// - WebGL and WebGPU need no directive; style attributes (KaTeX positions glyphs with
//   them) need style-src 'unsafe-inline', which cannot run code;
// - no frame-ancestors: course pages may embed a figure (?embed=…) in an iframe.
export const CSP_DIRECTIVES = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'frame-src': ["'self'"],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
};

/** The policy as a header value, with the hashes of the inline scripts the build found. */
export function cspHeader(scriptHashes = []) {
  return Object.entries(CSP_DIRECTIVES)
    .map(([name, values]) => [name, ...values, ...(name === 'script-src' ? scriptHashes.map((h) => `'${h}'`) : [])].join(' '))
    .join('; ');
}

/**
 * The runnable listings' sandbox worker (src/worker/sandbox.worker.ts) compiles the
 * reader's code with `new AsyncFunction`, which needs 'unsafe-eval'. A worker's policy
 * comes from its own script's response, so only that one file gets it; it still reaches
 * nothing but the site ('self'), cannot start workers, and has no DOM to reach.
 */
export const SANDBOX_WORKER_PATH = '/_astro/sandbox.worker-*';
export const SANDBOX_WORKER_CSP = [
  "default-src 'none'",
  "script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'",
  "connect-src 'self'",
  "worker-src 'none'",
  "base-uri 'none'",
].join('; ');

/** Other security headers sent with every file. */
export const OTHER_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
};

/** dist/_headers (Netlify / Cloudflare Pages format) for a policy. */
export function headersFile(csp) {
  return [
    '/*',
    `  Content-Security-Policy: ${csp}`,
    ...Object.entries(OTHER_HEADERS).map(([k, v]) => `  ${k}: ${v}`),
    '',
    // Hosts that merge matching rules (Netlify) would intersect the two policies and block
    // the sandbox; there, serve this file's policy instead (Cloudflare: "! Content-Security-Policy").
    SANDBOX_WORKER_PATH,
    '  ! Content-Security-Policy',
    `  Content-Security-Policy: ${SANDBOX_WORKER_CSP}`,
    '',
  ].join('\n');
}

/** Reads the policy back from dist/_headers (the server uses exactly what the build wrote). */
export function readHeadersFile(text) {
  return readHeaderRules(text)[0]?.headers ?? {};
}

/** Every rule of dist/_headers: a path pattern (`*` matches anything) and its headers. */
export function readHeaderRules(text) {
  const rules = [];
  for (const line of text.split('\n')) {
    if (/^\//.test(line)) rules.push({ pattern: line.trim(), headers: {} });
    const m = /^\s+([\w-]+):\s*(.+)$/.exec(line);
    if (m && rules.length) rules[rules.length - 1].headers[m[1]] = m[2];
  }
  return rules;
}

/** The headers for one path: the later matching rule overrides the earlier, header by header. */
export function headersForPath(rules, path) {
  const out = {};
  for (const rule of rules) {
    const re = new RegExp(`^${rule.pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
    if (re.test(path)) Object.assign(out, rule.headers);
  }
  return out;
}
