/**
 * Size budgets of the built site (scripts/size-budget.mjs, budgets in
 * scripts/size-budget.json): every page of dist/ and every island. Fails naming the
 * page or island and its gzipped bytes. No browser needed.
 */
import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { measure, check, staticImports, dynamicImports } from '../../scripts/size-budget.mjs';

test('the import scanner tells static imports from dynamic ones', () => {
  const code = 'import{t as e}from"./a.js";import"./b.js";export{x}from"./c.js";e(()=>import(`./lazy.js`));const s="import x";';
  expect(staticImports(code).sort()).toEqual(['./a.js', './b.js', './c.js']);
  expect(dynamicImports(code)).toEqual(['./lazy.js']);
});

test('every page and island is within its gzipped JavaScript budget', () => {
  const budgets = JSON.parse(readFileSync('scripts/size-budget.json', 'utf8'));
  const result = measure('dist', '/');
  expect(result.pages.length).toBeGreaterThan(10);
  // The figures' code is measured too: a chapter with figures has lazily loaded islands.
  expect(result.islands.filter((i: { kind: string }) => i.kind === 'lazy').length).toBeGreaterThan(3);
  expect(check(result, budgets)).toEqual([]);
});
