/**
 * The checks a reviewer would otherwise have to do by eye, run on deliberately broken
 * fixture chapters (tests/fixtures/chapters/, outside the book) and on every real
 * chapter: each fixture must fail with the file and line of its mistake, and the
 * book must pass. These are the same functions the build runs (astro.config.mjs).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import katex from 'katex';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkMath from 'remark-math';
import remarkRehype from 'remark-rehype';
import rehypeKatexStrict from '../../src/markdown/rehype-katex-strict.ts';
import { processChapter, type RemarkBookOptions } from '../../src/markdown/remark-book.ts';
import { bookIndex, relativeHref, type ChapterInfo } from '../../src/markdown/book-index.ts';
import { chapterStructure, parseChapter } from '../../src/markdown/chapter-structure.ts';
import { chapterFields } from '../../src/content/chapter-schema.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURES = join(ROOT, 'tests/fixtures/chapters');
const options: RemarkBookOptions = {
  contentDir: join(ROOT, 'content'),
  publicDir: join(ROOT, 'public'),
  extraPaths: ['/lab/engine/'],
  bibliography: join(ROOT, 'content/references.bib'),
};
// A fixture is checked as if it were chapter 99 in "Seeing inside", beside gradient-maps.
const asChapter = (file: string): ChapterInfo => ({ file, slug: 'seeing-inside/fixture', path: '/seeing-inside/fixture/', number: 99, title: 'Fixture', part: 'inside', anchors: new Set() });

function check(name: string): { problems: string[]; file: string; tree: ReturnType<typeof parseChapter> } {
  const file = join(FIXTURES, name);
  const text = readFileSync(file, 'utf8');
  const tree = parseChapter(text);
  return { problems: processChapter(tree, file, text, options, asChapter(file)), file, tree };
}

const lineOf = (file: string, needle: string): number => readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('each check fails on its broken fixture, naming file and line', () => {
  it('broken internal links and anchors, and absolute links', () => {
    const { problems, file } = check('broken-link.mdx');
    expect(problems).toEqual([
      `${file}:${lineOf(file, 'missing chapter')}: broken link "../no-such-chapter/": no page at /seeing-inside/no-such-chapter/`,
      `${file}:${lineOf(file, 'missing anchor')}: broken anchor "../gradient-maps/#no-such-heading": /seeing-inside/gradient-maps/ has no #no-such-heading`,
      `${file}:${lineOf(file, 'absolute link')}: absolute link "/seeing-inside/gradient-maps/": use a relative link (e.g. ../gradient-maps/) so the book works under a sub-path`,
    ]);
  });

  it('images without alt text', () => {
    const { problems, file } = check('missing-alt.mdx');
    expect(problems).toEqual([`${file}:${lineOf(file, '![](')}: image "../../favicon.svg" has no alt text: describe what it shows ![like this](…)`]);
  });

  it('maths in a heading (the table of contents would show its TeX beside its rendering)', () => {
    const { problems, file } = check('math-in-heading.mdx');
    expect(problems).toEqual([`${file}:${lineOf(file, '## Costs')}: a heading contains $…$ maths, which the table of contents shows as its TeX and its rendering run together: write it in plain text (2ᴹ, x², α) and keep the maths for the prose`]);
  });

  it('figures with a misspelt prop, a missing required prop or a duplicate id', () => {
    const { problems, file } = check('bad-figure-props.mdx');
    const line = lineOf(file, 'captoin');
    expect(problems).toContain(`${file}:${line}: <XorFigure> has no prop "captoin" (it takes: id, caption)`);
    expect(problems).toContain(`${file}:${line}: <XorFigure> needs the prop "caption"`);
    expect(problems).toContain(`${file}:${lineOf(file, 'same id again')}: two figures on this page share the id "two" (first on line ${lineOf(file, 'Figure: fine.')}): give one an id="…" of its own`);
    expect(problems).toHaveLength(3);
  });

  it('a <Ref> to a label that does not exist', () => {
    const { problems, file } = check('unknown-ref.mdx');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${file}:${lineOf(file, 'eq-no-such-label')}: <Ref id="eq-no-such-label">: no equation, figure or section has this label`));
  });

  it('an unknown citation key', () => {
    const { problems, file } = check('unknown-citation.mdx');
    expect(problems).toEqual([`${file}:${lineOf(file, 'nobody2099')}: unknown citation key "@nobody2099": add it to ${options.bibliography} or fix the spelling`]);
  });

  it('a chapter without Summary and Exercises', () => {
    const { problems, file } = check('no-summary.mdx');
    expect(problems).toEqual([
      `${file}:1: the chapter has no "## Summary" section: every chapter ends with a Summary and Exercises`,
      `${file}:1: the chapter has no "## Exercises" section: every chapter ends with a Summary and Exercises`,
    ]);
  });

  it('broken KaTeX (the build’s strict checker)', async () => {
    const file = join(FIXTURES, 'broken-katex.mdx');
    const text = readFileSync(file, 'utf8');
    const pipeline = unified().use(remarkParse).use(remarkMdx).use(remarkMath).use(remarkRehype).use(rehypeKatexStrict);
    const tree = parseChapter(text);
    await expect(pipeline.run(tree, { path: file, value: text } as never)).rejects.toThrow(new RegExp(`Invalid equation at ${file}:${lineOf(file, '$$')}\\n  TeX: \\\\frac\\{1\\}\\{2`));
  });

  it('invalid frontmatter (the content schema the build applies)', () => {
    const text = readFileSync(join(FIXTURES, 'bad-frontmatter.mdx'), 'utf8');
    const data = parseYaml(/^---\n([\s\S]*?)\n---/.exec(text)![1]!);
    const result = chapterFields.safeParse(data);
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['part', 'order']));
  });
});

describe('the good fixture and the book pass', () => {
  it('a correct fixture has no problems, and its <Ref>s become numbered links', () => {
    const { problems, tree } = check('good.mdx');
    expect(problems).toEqual([]);
    const links: { url: string; text: string }[] = [];
    const walk = (n: { type: string; url?: string; children?: unknown[] }) => {
      if (n.type === 'link') links.push({ url: n.url!, text: ((n.children![0] as { value: string }).value) });
      (n.children as (typeof n)[] | undefined)?.forEach(walk);
    };
    walk(tree as never);
    const gradientMaps = bookIndex(options.contentDir).chapters.get('seeing-inside/gradient-maps')!;
    expect(links).toEqual(expect.arrayContaining([
      { url: '#eq-fixture-good', text: 'Eq. (99.1)' },
      { url: '../gradient-maps/', text: `Chapter ${gradientMaps.number}` },
    ]));
  });

  const chapters = [...bookIndex(options.contentDir).chapters.values()];
  it.each(chapters.map((c) => [c.slug || '(front page)', c] as const))('%s passes every check', (_, chapter) => {
    const text = readFileSync(chapter.file, 'utf8');
    expect(processChapter(parseChapter(text), chapter.file, text, options)).toEqual([]);
  });

  it('every equation of the book renders with its number', () => {
    for (const chapter of chapters.filter((c) => c.number !== null)) {
      const tree = parseChapter(readFileSync(chapter.file, 'utf8'));
      for (const e of chapterStructure(tree, chapter.number)) {
        if (e.kind !== 'equation') continue;
        expect(() => katex.renderToString(`${e.node.value} \\tag{${e.number}}`, { displayMode: true, throwOnError: true, macros: { '\\R': '\\mathbb{R}', '\\L': '\\mathcal{L}' } }), `${chapter.file}:${e.line}`).not.toThrow();
      }
    }
  });
});

describe('numbering and links between pages', () => {
  it('numbers sections, equations and figures per chapter, skipping the closing sections', () => {
    const text = ['## A', '$$', 'x', '$$', '### A.a', '<XorFigure caption="c" />', '## B', '$$', 'y', '$$', '## Summary', '### not numbered'].join('\n\n');
    const entries = chapterStructure(parseChapter(text), 4).map((e) => `${e.kind}:${e.number}`);
    expect(entries).toEqual(['section:4.1', 'equation:4.1', 'section:4.1.1', 'figure:4.1', 'section:4.2', 'equation:4.2', 'section:null', 'section:null']);
  });

  it('relative links work from any page to any page', () => {
    expect(relativeHref('/seeing-inside/cam-and-grad-cam/', '/seeing-inside/gradient-maps/')).toBe('../gradient-maps/');
    expect(relativeHref('/seeing-inside/cam-and-grad-cam/', '/how-networks-compute/neuron/', 'eq-2-1')).toBe('../../how-networks-compute/neuron/#eq-2-1');
    expect(relativeHref('/', '/seeing-inside/gradient-maps/')).toBe('seeing-inside/gradient-maps/');
    expect(relativeHref('/a/b/', '/')).toBe('../../');
  });

  it('the fixtures are not part of the book', () => {
    const files = readdirSync(options.contentDir, { recursive: true }).map(String);
    expect(files.some((f) => f.includes('fixture'))).toBe(false);
  });
});

describe('citation keys', () => {
  it('reads bracketed, suppressed-author and in-text citations, not other @ words', async () => {
    const { citationKeysIn } = await import('../../src/markdown/bibliography.ts');
    expect(citationKeysIn('as shown [@ribeiro2016lime; see @lundberg2017unified, p. 3] and [-@zhou2016learning]')).toEqual(['ribeiro2016lime', 'lundberg2017unified', 'zhou2016learning']);
    expect(citationKeysIn('@selvaraju2017gradcam removed it; install @tensorflow/tfjs-core; mail me@example.com')).toEqual(['selvaraju2017gradcam']);
  });
});

describe('citations the renderer would leave as raw text', () => {
  it('are reported: glued to text before or after, or inside emphasis', async () => {
    const { citationPlacementProblems } = await import('../../src/markdown/bibliography.ts');
    const known = new Set(['zhou2016learning', 'jain2019attention']);
    expect(citationPlacementProblems('如图所示。@zhou2016learning 发现', known)).toEqual(['citation "@zhou2016learning" must have a space or "[" before it (after "。" it is not read as a citation)']);
    expect(citationPlacementProblems('见 @zhou2016learning的图', known)[0]).toMatch(/must be followed by a space/);
    expect(citationPlacementProblems('@jain2019attention showed', known, 'strong')[0]).toMatch(/inside bold or italics/);
    expect(citationPlacementProblems('as @zhou2016learning showed [@jain2019attention; -@zhou2016learning].', known)).toEqual([]);
  });
});
