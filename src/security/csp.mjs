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

/** Other security headers sent with every file. */
export const OTHER_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
};

/** dist/_headers (Netlify / Cloudflare Pages format) for a policy. */
export function headersFile(csp) {
  return ['/*', `  Content-Security-Policy: ${csp}`, ...Object.entries(OTHER_HEADERS).map(([k, v]) => `  ${k}: ${v}`), ''].join('\n');
}

/** Reads the policy back from dist/_headers (the server uses exactly what the build wrote). */
export function readHeadersFile(text) {
  const headers = {};
  for (const line of text.split('\n')) {
    const m = /^\s+([\w-]+):\s*(.+)$/.exec(line);
    if (m) headers[m[1]] = m[2];
  }
  return headers;
}
