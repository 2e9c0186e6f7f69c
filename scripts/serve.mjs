// Serves the built site (dist/) on 127.0.0.1, as a static host would, under the
// site's base path (BASE_PATH, default /). Used by the end-to-end tests and the
// benchmarks; several can run at once on different ports (astro preview allows one).
//   node scripts/serve.mjs [port]        (DIST_DIR picks another build folder)
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import sirv from 'sirv';
import { headersForPath, readHeaderRules } from '../src/security/csp.mjs';

const port = Number(process.argv[2] ?? process.env.PORT ?? 4321);
const base = `/${(process.env.BASE_PATH ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
const dist = process.env.DIST_DIR ?? 'dist';
if (!existsSync(`${dist}/index.html`)) {
  console.error(`${dist}/ is missing: run \`npm run build\` first.`);
  process.exit(1);
}
// The headers the build wrote for static hosts (dist/_headers: the Content-Security-Policy
// with the inline-script hashes), sent with every response, so tests run under the policy.
const rules = existsSync(`${dist}/_headers`) ? readHeaderRules(readFileSync(`${dist}/_headers`, 'utf8')) : [];
const securityHeaders = headersForPath(rules, '/');
if (!securityHeaders['Content-Security-Policy']) console.warn(`${dist}/_headers has no Content-Security-Policy: serving without one.`);
const files = sirv(dist, {
  etag: true,
  extensions: ['html'],
  setHeaders: (res, path) => Object.entries(headersForPath(rules, path)).forEach(([k, v]) => res.setHeader(k, v)),
});
const notFound = existsSync(`${dist}/404.html`) ? readFileSync(`${dist}/404.html`) : 'Not found';

createServer((req, res) => {
  const url = req.url ?? '/';
  if (!url.startsWith(base)) {
    res.writeHead(302, { location: base });
    return res.end();
  }
  req.url = `/${url.slice(base.length)}`;
  files(req, res, () => {
    Object.entries(securityHeaders).forEach(([k, v]) => res.setHeader(k, v));
    res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(notFound);
  });
}).listen(port, '127.0.0.1', () => console.log(`Serving ${dist}/ at http://127.0.0.1:${port}${base}`));
