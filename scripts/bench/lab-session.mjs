// Serves the built site (scripts/serve.mjs on a free 127.0.0.1 port: several can run
// at once, unlike astro preview) and opens a headless Chromium on /lab/engine/, for
// scripts/bench.mjs. `close()` stops both; it is also called on SIGINT/SIGTERM and on
// exit, so nothing is left running.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findBrowser, NO_BROWSER_MESSAGE } from '../../tests/e2e/find-browser.mjs';

export { CHROMIUM_ARGS };


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
    if (isDead()) throw new Error('the static server exited before it served the site');
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the static server did not answer on ${url} within ${ms / 1000} s`);
}

export async function openLab({ port, log = () => {} } = {}) {
  const executablePath = findBrowser();
  if (!executablePath) throw new Error(NO_BROWSER_MESSAGE);
  port ??= await freePort();
  const origin = `http://127.0.0.1:${port}`;
  // The site's base path, as scripts/serve.mjs and astro.config.mjs read it.
  const base = `/${(process.env.BASE_PATH ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
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
    log(`serving dist/ on ${origin}${base}`);
    server = spawn(process.execPath, ['scripts/serve.mjs', String(port)], {
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // its own process group, so anything it starts goes with it
    });
    server.stdout.on('data', (d) => (serverOutput += d));
    server.stderr.on('data', (d) => (serverOutput += d));
    await waitForHttp(`${origin}${base}lab/engine/`, 60_000, () => server.exitCode !== null).catch((e) => {
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
    await page.goto(`${origin}${base}lab/engine/`);
    await page.waitForFunction(() => 'lab' in window);
    /** Runs a scenario in the page; rejects with the worker's message on error. */
    const run = (scenario, options) => page.evaluate(([s, o]) => window.lab.run(s, o), [scenario, options]);
    /** Ends one backend's worker (after a timeout); its next run starts a fresh one. */
    const reset = (backend) => page.evaluate((b) => window.lab.terminate(b), backend).catch(() => {});
    return { page, run, reset, close, origin, problems };
  } catch (e) {
    await close();
    throw e;
  }
}
