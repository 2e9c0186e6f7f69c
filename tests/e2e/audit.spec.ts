/**
 * No high or critical advisory in the production dependencies (scripts/audit.mjs).
 * If the advisory endpoint cannot be reached, the test is SKIPPED with the reason,
 * never passed: the one-line verdict of `npm test` counts it under "skipped".
 */
import { test, expect } from '@playwright/test';
import { audit } from '../../scripts/audit.mjs';

test('npm audit --omit=dev finds no high or critical advisory', () => {
  test.setTimeout(150_000);
  const result = audit();
  console.log(result.line);
  test.skip(!result.checked, result.line);
  expect(result.bad, result.line).toEqual([]);
});
