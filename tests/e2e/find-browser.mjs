// Finds a Chromium for the end-to-end tests: $CHROMIUM_PATH, then Playwright's own
// browser if `npx playwright install` was ever run, then the system's Chromium.
// Returns null when there is none; the caller prints how to get one.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const SYSTEM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'];

export function findBrowser() {
  if (process.env.CHROMIUM_PATH && existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH;
  try {
    const own = chromium.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    // Playwright has no browser of its own here: fall through to the system's.
  }
  return SYSTEM.find((p) => existsSync(p)) ?? null;
}

export const NO_BROWSER_MESSAGE = `No Chromium found for the end-to-end tests.
Install one of:
  - Debian/Ubuntu: sudo apt-get install chromium
  - Playwright's own: npx playwright install chromium
or point CHROMIUM_PATH at a Chromium or Chrome binary.`;

/**
 * Flags for every headless run (tests, benchmarks): WebGL2 and WebGPU on SwiftShader,
 * so every TF.js backend is exercised for real, and no background traffic, which a
 * closed network would refuse.
 */
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
