// Serves the built site (dist/) on 127.0.0.1, as a static host would, under the
// site's base path (BASE_PATH, default /). Used by the end-to-end tests and the
// benchmarks; several can run at once on different ports (astro preview allows one).
//   node scripts/serve.mjs [port]        (DIST_DIR picks another build folder)
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
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
// Text files go out gzip-compressed to clients that accept it, as every static host
// (GitHub Pages, Netlify, Cloudflare, nginx with gzip on) sends them: Lighthouse in
// `npm run bench` then measures the bytes a reader downloads, not 5–8× more. Compressed
// once per file and kept in memory; range requests and binary files go to sirv as they are.
const TEXT_TYPES = { html: 'text/html;charset=utf-8', css: 'text/css', js: 'text/javascript', mjs: 'text/javascript', json: 'application/json', svg: 'image/svg+xml', xml: 'application/xml', txt: 'text/plain', map: 'application/json', webmanifest: 'application/manifest+json' };
const distRoot = resolve(dist);
const gzipped = new Map();
function sendCompressed(req, res) {
  if (req.headers.range || !/\bgzip\b/.test(req.headers['accept-encoding'] ?? '') || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
  let path = req.url.split(/[?#]/)[0];
  try {
    path = decodeURI(path);
  } catch {
    return false;
  }
  const file = [path, `${path}.html`, join(path, 'index.html')].map((p) => join(distRoot, p)).find((f) => f.startsWith(distRoot + sep) && existsSync(f) && statSync(f).isFile());
  const type = file && TEXT_TYPES[file.slice(file.lastIndexOf('.') + 1)];
  if (!type) return false;
  const stats = statSync(file);
  if (stats.size < 1024) return false;
  const etag = `W/"${stats.size}-${stats.mtime.getTime()}-gzip"`;
  const headers = { ...headersForPath(rules, path), 'Content-Type': type, 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding', ETag: etag, 'Last-Modified': stats.mtime.toUTCString() };
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers);
    res.end();
    return true;
  }
  let body = gzipped.get(etag + file);
  if (!body) gzipped.set(etag + file, (body = gzipSync(readFileSync(file))));
  res.writeHead(200, { ...headers, 'Content-Length': body.length });
  res.end(req.method === 'HEAD' ? undefined : body);
  return true;
}
const notFound = existsSync(`${dist}/404.html`) ? readFileSync(`${dist}/404.html`) : 'Not found';

createServer((req, res) => {
  const url = req.url ?? '/';
  if (!url.startsWith(base)) {
    res.writeHead(302, { location: base });
    return res.end();
  }
  req.url = `/${url.slice(base.length)}`;
  if (sendCompressed(req, res)) return;
  files(req, res, () => {
    Object.entries(securityHeaders).forEach(([k, v]) => res.setHeader(k, v));
    res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(notFound);
  });
}).listen(port, '127.0.0.1', () => console.log(`Serving ${dist}/ at http://127.0.0.1:${port}${base}`));
