/**
 * `npm run new:chapter` gives a contributor a chapter that already passes the book's
 * checks, with a working figure computation and tests, and never overwrites work.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scaffoldChapter } from '../../scripts/new-chapter.ts';
import { processChapter } from '../../src/markdown/remark-book.ts';
import { parseChapter } from '../../src/markdown/chapter-structure.ts';
import { componentInfo } from '../../src/markdown/component-info.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const root = mkdtempSync(join(tmpdir(), 'scaffold-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
// The scaffold's figure imports FigureShell and friends by relative path: give it the real ones.
cpSync(join(ROOT, 'components'), join(root, 'components'), { recursive: true });
cpSync(join(ROOT, 'content'), join(root, 'content'), { recursive: true });

describe('new:chapter', () => {
  const { files } = scaffoldChapter(root, 'explaining-predictions/counterfactuals', 'Counterfactual explanations');

  it('writes the chapter, its figure, its computation and two tests', () => {
    expect(files).toEqual([
      'content/explaining-predictions/counterfactuals.mdx',
      'components/figures/CounterfactualsFigure.astro',
      'components/figures/counterfactuals-controller.ts',
      'src/figures/counterfactuals/compute.ts',
      'tests/unit/counterfactuals.test.ts',
      'tests/e2e/counterfactuals.spec.ts',
    ]);
    const chapter = readFileSync(join(root, files[0]!), 'utf8');
    expect(chapter).toMatch(/^---\ntitle: Counterfactual explanations\n[\s\S]*part: explaining\norder: \d+\n---/);
    expect(chapter).not.toMatch(/__[A-Z]+__/);
    // The page's boot script finds the figure's controller through the registry.
    expect(readFileSync(join(root, 'components/figures/registry.ts'), 'utf8')).toContain(`'counterfactuals': () => import('./counterfactuals-controller.ts'), // CounterfactualsFigure.astro`);
  });

  it('passes every check of the build', () => {
    const file = join(root, files[0]!);
    const text = readFileSync(file, 'utf8');
    const problems = processChapter(parseChapter(text), file, text, {
      contentDir: join(root, 'content'),
      publicDir: join(ROOT, 'public'),
      bibliography: join(ROOT, 'content/references.bib'),
    });
    expect(problems).toEqual([]);
    expect([...componentInfo(join(root, files[1]!)).props]).toEqual(['id', 'caption']);
  });

  it('computes what its figure shows', async () => {
    const { softmaxWithTemperature, LOGITS } = await import(join(root, files[3]!));
    const p: Float64Array = softmaxWithTemperature(LOGITS, 1);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('refuses bad names and never overwrites', () => {
    expect(() => scaffoldChapter(root, 'Counterfactuals', 'x')).toThrow(/part-folder\/slug/);
    expect(() => scaffoldChapter(root, 'no-such-part/x', 'x')).toThrow(/No part has the folder "no-such-part"/);
    expect(() => scaffoldChapter(root, 'explaining-predictions/counterfactuals', 'x')).toThrow(/Not overwriting existing files/);
  });
});
