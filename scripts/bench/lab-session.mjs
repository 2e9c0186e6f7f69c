// Starts the built site (astro preview on a free 127.0.0.1 port) and a headless
// Chromium on /lab/engine/, for scripts/bench.mjs. `close()` stops both; it is also
// called on SIGINT/SIGTERM and on exit, so nothing is left running. `--ignore-lock`:
// Astro allows one locked preview per project, and the book's own (npm run preview,
// Playwright's) must still be able to start while a bench runs, or the bench beside them.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { chromium } from '@playwright/test';
import { findBrowser, NO_BROWSER_MESSAGE } from '../../tests/e2e/find-browser.mjs';

/** The same flags as playwright.config.ts: WebGL2 and WebGPU on SwiftShader, no background traffic. */
export const CHROMIUM_ARGS = [
  '--enable-unsafe-webgpu',
  '--enable-unsafe-swiftshader',
  '--use-angle=swiftshader',
  '--enable-features=Vulkan',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-sandbox',
];

const RESERVED = new Set([4321, 4329, 4330]);

/** A free TCP port on 127.0.0.1 (never the book's own 4321/4329/4330). */
export async function freePort() {
  for (;;) {
    const port = await new Promise((resolve, reject) => {
      const s = createServer();
      s.unref();
      s.on('error', reject);
      s.listen(0, '127.0.0.1', () => {
        const { port } = s.address();
        s.close(() => resolve(port));
      });
    });
    if (!RESERVED.has(port)) return port;
  }
}

async function waitForHttp(url, ms, isDead) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (isDead()) throw new Error('astro preview exited before it served the site');
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`astro preview did not answer on ${url} within ${ms / 1000} s`);
}

export async function openLab({ port, log = () => {} } = {}) {
  const executablePath = findBrowser();
  if (!executablePath) throw new Error(NO_BROWSER_MESSAGE);
  port ??= await freePort();
  const origin = `http://127.0.0.1:${port}`;
  let server = null;
  let browser = null;
  let closed = false;
  let serverOutput = '';

  const close = async () => {
    if (closed) return;
    closed = true;
    process.off('exit', killNow);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    try {
      await browser?.close();
    } catch {
      // already gone
    }
    killNow();
  };
  // Synchronous last resort (process 'exit'): kill the server's process group.
  function killNow() {
    if (server && server.exitCode === null && server.signalCode === null) {
      try {
        process.kill(-server.pid, 'SIGTERM');
      } catch {
        try {
          server.kill('SIGTERM');
        } catch {
          // gone
        }
      }
    }
  }
  function onSignal(sig) {
    close().finally(() => process.exit(sig === 'SIGINT' ? 130 : 143));
  }
  process.on('exit', killNow);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  try {
    log(`starting astro preview on ${origin}`);
    server = spawn('npx', ['astro', 'preview', '--host', '127.0.0.1', '--port', String(port), '--ignore-lock'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // its own process group, so npx's children go with it
    });
    server.stdout.on('data', (d) => (serverOutput += d));
    server.stderr.on('data', (d) => (serverOutput += d));
    await waitForHttp(`${origin}/lab/engine/`, 60_000, () => server.exitCode !== null).catch((e) => {
      throw new Error(`${e.message}\n${serverOutput.slice(-2000)}`);
    });
    log(`launching ${executablePath}`);
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
    const page = await browser.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
    });
    await page.goto(`${origin}/lab/engine/`);
    await page.waitForFunction(() => 'lab' in window);
    /** Runs a scenario in the page; rejects with the worker's message on error. */
    const run = (scenario, options) => page.evaluate(([s, o]) => window.lab.run(s, o), [scenario, options]);
    return { page, run, close, origin, problems };
  } catch (e) {
    await close();
    throw e;
  }
}
