/**
 * The book's bibliography is one BibTeX file: every entry must parse (the renderer
 * silently drops what it cannot read), keys must be unique, and every entry needs a
 * DOI or a stable link so a reader can find the work.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import Cite from 'rehype-citation/node/src/cite.js';

const text = readFileSync(resolve(import.meta.dirname, '../../content/references.bib'), 'utf8');
const entries = text.split(/\n(?=@)/).filter((e) => e.startsWith('@'));

describe('content/references.bib', () => {
  it('has unique keys', () => {
    const keys = entries.map((e) => /^@\w+\{([^,]+),/.exec(e)![1]!.trim());
    const duplicates = keys.filter((k, i) => keys.indexOf(k) !== i);
    expect(duplicates).toEqual([]);
    expect(keys.length).toBeGreaterThan(50);
  });

  it('parses as a whole, with every entry read', () => {
    const cite = new Cite(text, { generateGraph: false });
    expect(cite.data.length).toBe(entries.length);
  });

  it('gives every entry a DOI or a stable link', () => {
    const without = entries.filter((e) => !/^\s*(doi|url)\s*=/m.test(e)).map((e) => /^@\w+\{([^,]+),/.exec(e)![1]);
    expect(without).toEqual([]);
  });
});
