/**
 * The zh-CN edition's machinery: the translation catalogue is complete, translated
 * headings keep the English anchors, the parity check fails (naming file:line) on a
 * translation that lost a section or renamed a label, a translated chapter is numbered
 * and cross-referenced like its English source within its own edition, and the status
 * report tells translated, missing and stale apart. Fixtures: tests/fixtures/i18n/.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUE, t } from '../../src/i18n/ui.ts';
import { escapeHeadingIds, splitHeadingId } from '../../src/i18n/heading-ids.ts';
import { parityProblems } from '../../src/i18n/parity.ts';
import { processChapter, type RemarkBookOptions } from '../../src/markdown/remark-book.ts';
import { bookIndex } from '../../src/markdown/book-index.ts';
import { chapterStructure, parseChapter } from '../../src/markdown/chapter-structure.ts';
import { i18nStatus } from '../../scripts/i18n-status.ts';
import { TRANSLATIONS } from '../../src/i18n/locales.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const FIX = join(ROOT, 'tests/fixtures/i18n');
const BOOK = join(FIX, 'book');
const EN_ALPHA = join(BOOK, 'how-networks-compute/alpha.mdx');
const ZH_ALPHA = join(BOOK, 'zh-cn/how-networks-compute/alpha.mdx');
const read = (f: string) => readFileSync(f, 'utf8');
const lineOf = (file: string, needle: string): number => read(file).split('\n').findIndex((l) => l.includes(needle)) + 1;
const options: RemarkBookOptions = { contentDir: BOOK, publicDir: join(ROOT, 'public') };

describe('translation catalogue', () => {
  const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  for (const lang of Object.keys(CATALOGUE).filter((l) => l !== 'en')) {
    it(`every English key has a ${lang} string with the same {params}`, () => {
      const missing = Object.keys(CATALOGUE.en!).filter((k) => !(k in CATALOGUE[lang]!));
      expect(missing).toEqual([]);
      for (const [key, text] of Object.entries(CATALOGUE.en!)) expect(params(CATALOGUE[lang]![key]!), key).toEqual(params(text));
      expect(Object.keys(CATALOGUE[lang]!).filter((k) => !(k in CATALOGUE.en!))).toEqual([]);
    });
  }

  it('every edition has a catalogue; figure catalogues are merged in', () => {
    for (const e of TRANSLATIONS) expect(CATALOGUE[e.lang]).toBeDefined();
    expect(t('neuron.weight', {}, 'zh-CN')).toBe('权重 w');
  });

  it('fills parameters, and shows a missing key visibly', () => {
    expect(t('live.epoch', { epoch: 12 }, 'zh-CN')).toBe('第 12 轮');
    expect(t('live.epoch', { epoch: 12 }, 'en')).toBe('epoch 12');
    expect(t('no.such.key', {}, 'zh-CN')).toBe('⟦no.such.key⟧');
    // Outside a browser (Node, workers) the language is English.
    expect(t('train.train')).toBe('Train');
  });
});

describe('stable heading anchors', () => {
  it('escapes {#id} on heading lines only, outside code, and splits it off', () => {
    const text = '## 类激活图 {#class-activation-maps}\n\n```py\n## not {#a-heading}\n```\n\ntext {#x}';
    expect(escapeHeadingIds(text)).toBe('## 类激活图 \\{#class-activation-maps\\}\n\n```py\n## not {#a-heading}\n```\n\ntext {#x}');
    expect(splitHeadingId('类激活图 {#class-activation-maps}')).toEqual({ text: '类激活图', id: 'class-activation-maps' });
    expect(splitHeadingId('Plain')).toEqual({ text: 'Plain', id: null });
    // smartypants has turned `--` into an em dash before the remark plugin sees the heading
    expect(splitHeadingId('梯度 × 输入 {#gradient\u2014input}')).toEqual({ text: '梯度 × 输入', id: 'gradient--input' });
    expect(splitHeadingId('梯度 × 输入 {#gradient--input}')).toEqual({ text: '梯度 × 输入', id: 'gradient--input' });
  });

  it('a translated chapter has the English section ids, numbers and closing sections', () => {
    const en = chapterStructure(parseChapter(read(EN_ALPHA)), 1).map((e) => [e.kind, 'id' in e ? e.id : e.figureId, e.number]);
    const zh = chapterStructure(parseChapter(read(ZH_ALPHA)), 1).map((e) => [e.kind, 'id' in e ? e.id : e.figureId, e.number]);
    expect(zh).toEqual(en);
    expect(zh).toContainEqual(['section', 'summary', null]);
  });
});

describe('parity check', () => {
  it('passes a faithful translation', () => {
    expect(parityProblems(EN_ALPHA, read(EN_ALPHA), ZH_ALPHA, read(ZH_ALPHA), 1)).toEqual([]);
  });

  it('fails on a translation missing a section, naming the file and line', () => {
    const file = join(FIX, 'missing-section.mdx');
    const problems = parityProblems(EN_ALPHA, read(EN_ALPHA), file, read(file), 1);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`${file}:${lineOf(file, '## 小结')}: missing section "## … {#activation-functions}"`);
    expect(problems[0]).toContain(`alpha.mdx:${lineOf(EN_ALPHA, '## Activation functions')}`);
  });

  it('fails on a heading without the English anchor and a renamed equation label', () => {
    const file = join(FIX, 'wrong-anchor.mdx');
    const problems = parityProblems(EN_ALPHA, read(EN_ALPHA), file, read(file), 1).join('\n');
    expect(problems).toContain(`${file}:${lineOf(file, '## 激活函数')}: section "## … {#激活函数}"`);
    expect(problems).toMatch(/missing section "## … \{#activation-functions\}"/);
    expect(problems).toContain(`${file}:${lineOf(file, 'eq-alpha-weighted') - 1}: equation \\label{eq-alpha-weighted} is not in`);
    expect(problems).toMatch(/missing equation \\label\{eq-alpha-sum\}/);
  });

  it('the build check runs it on translated chapters (a translation that lost a section fails)', () => {
    const index = bookIndex(BOOK);
    const zh = index.chapters.get('zh-cn/how-networks-compute/alpha')!;
    const file = join(FIX, 'missing-section.mdx');
    const problems = processChapter(parseChapter(read(file)), file, read(file), options, { ...zh, file });
    expect(problems.some((p) => p.startsWith(`${file}:`) && p.includes('{#activation-functions}'))).toBe(true);
  });
});

describe('a translated chapter in the book', () => {
  it('has the English chapter number and resolves <Ref>s and links within its edition', () => {
    const index = bookIndex(BOOK);
    const en = index.chapters.get('how-networks-compute/alpha')!;
    const zh = index.chapters.get('zh-cn/how-networks-compute/alpha')!;
    expect(zh).toMatchObject({ number: en.number, path: '/zh-cn/how-networks-compute/alpha/', title: '阿尔法' });
    const text = read(ZH_ALPHA);
    const tree = parseChapter(text);
    expect(processChapter(tree, ZH_ALPHA, text, options)).toEqual([]);
    const links: { url: string; text: string }[] = [];
    const walk = (n: { type: string; url?: string; children?: unknown[] }) => {
      if (n.type === 'link') links.push({ url: n.url!, text: (n.children![0] as { value: string }).value });
      (n.children as (typeof n)[] | undefined)?.forEach(walk);
    };
    walk(tree as never);
    expect(links).toEqual(expect.arrayContaining([
      { url: '#eq-alpha-sum', text: `式 (${en.number}.1)` },
      { url: '#activation-functions', text: `第 ${en.number}.2 节` },
      // Beta is not translated: the link stays in /zh-cn/ (Starlight's English fallback page).
      { url: '../beta/#the-end', text: '下一章' },
    ]));
  });

  it('an untranslated chapter is not a build problem, and English chapters are unchanged', () => {
    const beta = join(BOOK, 'how-networks-compute/beta.mdx');
    expect(processChapter(parseChapter(read(beta)), beta, read(beta), options)).toEqual([]);
    expect(bookIndex(BOOK).chapters.has('zh-cn/how-networks-compute/beta')).toBe(false);
  });
});

describe('npm run i18n:status', () => {
  it('reports translated, missing and stale pages', () => {
    const rows = Object.fromEntries(i18nStatus(BOOK, 'zh-cn').map((r) => [r.page, r.status]));
    expect(rows).toEqual({
      '(front page)': 'stale',
      'how-networks-compute/alpha': 'translated',
      'how-networks-compute/beta': 'missing',
    });
  });

  it('the real book: every existing translation is up to date with its English source', () => {
    const stale = i18nStatus(join(ROOT, 'content'), 'zh-cn').filter((r) => r.status === 'stale');
    expect(stale.map((r) => r.page)).toEqual([]);
  });
});
