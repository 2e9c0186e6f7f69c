#!/usr/bin/env node
// `npm audit --omit=dev`: fails on a high or critical advisory in what readers' browsers
// (and the build) run. When the advisory endpoint does not answer (offline, or a registry
// mirror without it: some answer 405), prints "audit endpoint unreachable: not checked"
// and exits 2, which tests/e2e/audit.spec.ts reports as skipped, never as passed.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export function audit() {
  const r = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8', timeout: 120_000 });
  let report = null;
  try {
    report = JSON.parse(r.stdout);
  } catch {
    report = null;
  }
  const counts = report?.metadata?.vulnerabilities;
  if (!counts) {
    const why = report?.message ?? report?.error?.summary ?? (r.error?.message || r.stderr.split('\n').find((l) => /error/.test(l)) || `exit ${r.status}`);
    return { checked: false, line: `audit endpoint unreachable: not checked (${String(why).trim()})` };
  }
  const bad = Object.entries(report.vulnerabilities ?? {})
    .filter(([, v]) => v.severity === 'high' || v.severity === 'critical')
    .map(([name, v]) => `${name} (${v.severity})`);
  return {
    checked: true,
    counts,
    bad,
    line: bad.length ? `npm audit --omit=dev: ${bad.length} high or critical: ${bad.join(', ')}` : `npm audit --omit=dev: no high or critical advisory (${counts.total} lower)`,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = audit();
  console.log(result.line);
  process.exit(!result.checked ? 2 : result.bad.length ? 1 : 0);
}
