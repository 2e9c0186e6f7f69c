// `npm test`: the type check, unit tests (Vitest, Node), then the built site end to end (Playwright,
// headless Chromium on 127.0.0.1). Ends with one line, "N passed, N failed", so CI and
// people read the same verdict. Exits non-zero if anything failed or could not run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { findBrowser, NO_BROWSER_MESSAGE } from '../tests/e2e/find-browser.mjs';

const OUT = '.test-output';
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

const browser = findBrowser();
if (!browser) {
  console.error(NO_BROWSER_MESSAGE);
  process.exit(1);
}

function run(label, cmd, args) {
  console.log(`\n── ${label} ──`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: false });
  console.log(`── ${label}: ${r.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s ──`);
  return r.status === 0;
}

// Type errors fail the run: the chapters import src/ as raw text, so wrong types are wrong pages.
// `npm run typecheck` generates Astro's types first (astro sync), which a fresh clone lacks.
const typesOk = run('type check (astro sync, tsc --noEmit)', 'npm', ['run', 'typecheck']);
// The unit tests read the same data files the site serves (public/generated/, git-ignored):
// a fresh clone makes them first, as `npm run build` would.
const dataOk = run('data for the tests (npm run prebuild)', 'npm', ['run', 'prebuild']);
const unitOk = dataOk && run('unit tests (Vitest)', 'vitest', ['run', '--reporter=default', '--reporter=json', `--outputFile=${OUT}/unit.json`]);
const buildOk = run('build the site (npm run build)', 'npm', ['run', 'build']);
const e2eOk = buildOk && run(`end-to-end tests (Playwright, ${browser})`, 'playwright', ['test']);

function counts(file, read) {
  if (!existsSync(file)) return { passed: 0, failed: 0, skipped: 0 };
  return read(JSON.parse(readFileSync(file, 'utf8')));
}
const unit = counts(`${OUT}/unit.json`, (j) => ({ passed: j.numPassedTests, failed: j.numFailedTests, skipped: j.numPendingTests + j.numTodoTests }));
const e2e = counts(`${OUT}/e2e.json`, (j) => ({ passed: j.stats.expected, failed: j.stats.unexpected + j.stats.flaky, skipped: j.stats.skipped }));

const passed = unit.passed + e2e.passed;
let failed = unit.failed + e2e.failed;
// A stage that could not run at all (build error, crashed runner) counts as a failure.
if (!typesOk) failed++;
if (!unitOk && unit.failed === 0) failed++;
if (!buildOk) failed++;
if (buildOk && !e2eOk && e2e.failed === 0) failed++;

console.log(`\nunit: ${unit.passed} passed, ${unit.failed} failed · end-to-end: ${e2e.passed} passed, ${e2e.failed} failed`);
console.log(`${passed} passed, ${failed} failed, ${unit.skipped + e2e.skipped} skipped`);
process.exit(failed === 0 && typesOk && unitOk && buildOk && e2eOk ? 0 : 1);
