import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findBrowser, NO_BROWSER_MESSAGE } from './tests/e2e/find-browser.mjs';

const executablePath = findBrowser();
if (!executablePath) throw new Error(NO_BROWSER_MESSAGE);

const PORT = Number(process.env.E2E_PORT ?? 4329);

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 120_000,
  expect: { timeout: 60_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  // The JSON report feeds the one-line verdict of scripts/test.mjs.
  reporter: [['list'], ['json', { outputFile: '.test-output/e2e.json' }]],
  use: {
    // The book's service worker (dist/sw.js) would answer requests that tests route or
    // count; only tests/e2e/offline.spec.ts lets it run.
    serviceWorkers: 'block',
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: {
      executablePath,
      args: CHROMIUM_ARGS,
    },
  },
  webServer: {
    // Serves the built site exactly as a reader gets it.
    command: `node scripts/serve.mjs ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
