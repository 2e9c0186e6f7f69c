import { defineConfig } from '@playwright/test';
import { findBrowser, NO_BROWSER_MESSAGE } from './tests/e2e/find-browser.mjs';

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
  reporter: process.env.CI ? [['list'], ['json', { outputFile: '.test-output/e2e.json' }]] : [['list'], ['json', { outputFile: '.test-output/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: {
      executablePath,
      // WebGL2 and WebGPU on SwiftShader (software) so every backend is tested for real;
      // no background traffic, which this machine's closed network would refuse.
      args: [
        '--enable-unsafe-webgpu',
        '--enable-unsafe-swiftshader',
        '--use-angle=swiftshader',
        '--enable-features=Vulkan',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--no-sandbox',
      ],
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
