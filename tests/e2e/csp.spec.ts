/**
 * The Content-Security-Policy (src/security/csp.mjs; hashes of inline scripts added by
 * the build into dist/_headers; sent by scripts/serve.mjs, so every e2e test runs under
 * it). Here: the header is there and forbids inline script and other origins, and
 * TF.js starts and computes under it on every backend (WebAssembly needs
 * 'wasm-unsafe-eval', workers need worker-src 'self'). tests/e2e/pages.spec.ts checks
 * every page for violation events.
 */
import { test, expect } from '@playwright/test';

test('every response carries the policy, which forbids inline script and other origins', async ({ request }) => {
  const r = await request.get('/how-networks-compute/forward-and-backward/');
  const csp = r.headers()['content-security-policy'];
  expect(csp, 'no Content-Security-Policy header').toBeTruthy();
  const directives = Object.fromEntries(csp!.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  expect(directives['default-src']).toEqual(["'self'"]);
  expect(directives['script-src']).not.toContain("'unsafe-inline'");
  expect(directives['script-src']).not.toContain("'unsafe-eval'");
  expect(directives['object-src']).toEqual(["'none'"]);
  // Only the site itself (and data:/blob: for images and fonts): no host anywhere.
  const sources = Object.values(directives).flat() as string[];
  expect(sources.filter((s) => /^(https?:|\*|[\w-]+\.[\w.-]+)/.test(s))).toEqual([]);
  // A JavaScript chunk gets the header too.
  const js = await request.get('/404.html');
  expect(js.headers()['content-security-policy']).toBe(csp);
});

test('an inline script that is not in the policy is refused', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (m) => m.text().includes('Content Security Policy') && violations.push(m.text()));
  await page.goto('/');
  const ran = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__injected = true';
    document.body.append(s);
    return (window as unknown as { __injected?: boolean }).__injected === true;
  });
  expect(ran).toBe(false);
  expect(violations.length).toBeGreaterThan(0);
});

test('TF.js starts and computes under the policy on cpu, wasm, webgl and webgpu', async ({ page }) => {
  test.setTimeout(240_000);
  const violations: string[] = [];
  page.on('console', (m) => m.text().includes('Content Security Policy') && violations.push(m.text()));
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) => console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`)),
  );
  await page.goto('/lab/engine/');
  await expect(page.locator('html')).toHaveAttribute('data-lab-ready', 'true');
  const started: Record<string, string> = {};
  for (const backend of ['cpu', 'wasm', 'webgl', 'webgpu']) {
    const info = (await page.evaluate(
      (b) => (window as unknown as { lab: { run(s: string, o: unknown): Promise<{ backend: string; matmulOk: boolean }> } }).lab.run('info', { backend: b }),
      backend,
    )) as { backend: string; matmulOk: boolean };
    expect(info.matmulOk, `${backend}: wrong matmul`).toBe(true);
    started[backend] = info.backend;
  }
  expect(violations).toEqual([]);
  // cpu, wasm (WebAssembly compiled under 'wasm-unsafe-eval') and webgl (SwiftShader) must start as asked;
  // WebGPU depends on the browser build, so it may fall back, but never because of the policy.
  expect(started).toMatchObject({ cpu: 'cpu', wasm: 'wasm', webgl: 'webgl' });
});
