/**
 * Numbers and checks a chapter while it is built.
 *
 * Numbers: sections (4.2), equations (Eq. 4.3, via KaTeX's \tag, with an anchor and a
 * link icon) and figures (Figure 4.1, in the caption), per chapter, with stable
 * anchors; <Ref id="eq-backprop" /> becomes a link that shows the number.
 *
 * Checks, each reported as `file:line: message` and failing the build: unknown <Ref>
 * labels, broken internal links and anchors, absolute internal links (they break
 * under a sub-path), images without alt text, figures with unknown, missing or
 * duplicate props, unknown citation keys, and a chapter without its Summary and
 * Exercises.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import type { Root, Node, Parent, Link, Heading, PhrasingContent } from 'mdast';
import { bookIndex, chapterTargets, importedComponents, labelText, relativeHref, type BookIndex, type ChapterInfo, type LabelTarget } from './book-index.ts';
import { attribute, chapterStructure, isMdxElement, numberedTex, UNNUMBERED_IDS, type MdxElement } from './chapter-structure.ts';
import { ENGLISH, editionOfSlug, localizedSlug, sourceSlug, type Edition } from '../i18n/locales.ts';
import { splitHeadingId } from '../i18n/heading-ids.ts';
import { parityProblems } from '../i18n/parity.ts';
import { componentInfo } from './component-info.ts';
import { citationKeysIn, citationPlacementProblems, readBibKeys } from './bibliography.ts';

export interface RemarkBookOptions {
  contentDir: string;
  publicDir: string;
  /** Pages outside content/ that chapters may link to, e.g. '/lab/engine/'. */
  extraPaths?: string[];
  /** BibTeX file whose keys [@key] citations must name. */
  bibliography?: string;
}

export class BookCheckError extends Error {
  constructor(readonly problems: string[]) {
    super(`The book has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n  ${problems.join('\n  ')}`);
    this.name = 'BookCheckError';
  }
}

/** Parts whose pages are chapters that must end with a Summary and Exercises. */
const CLOSING_EXEMPT_PARTS = new Set(['front', 'back']);
const ID_FORMAT = /^[a-z][a-z0-9-]*$/;

interface Context {
  file: string;
  info: ChapterInfo;
  index: BookIndex;
  options: RemarkBookOptions;
  text: string;
  /** This chapter's own labels, read from the file being built (it may not be in the index yet). */
  localLabels: Map<string, LabelTarget[]>;
  /** The page's edition (English or a translation under /<locale>/). */
  edition: Edition;
  problems: string[];
}

function report(ctx: Context, node: Node | undefined, message: string): void {
  ctx.problems.push(`${ctx.file}:${node?.position?.start.line ?? '?'}: ${message}`);
}

function eachNode(node: Node, visit: (node: Node, parent: Parent | null, i: number) => void, parent: Parent | null = null, i = 0): void {
  visit(node, parent, i);
  if ('children' in node) {
    const children = (node as Parent).children;
    // Visit a copy: Ref replacement edits the list while we walk.
    [...children].forEach((child, j) => eachNode(child, visit, node as Parent, j));
  }
}

function span(className: string, text: string): PhrasingContent {
  return { type: 'sectionNumber', data: { hName: 'span', hProperties: { className: [className] } }, children: [{ type: 'text', value: text }] } as unknown as PhrasingContent;
}

function numberSections(ctx: Context, tree: Root): void {
  for (const entry of chapterStructure(tree, ctx.info.number)) {
    if (entry.kind === 'section') {
      const heading = entry.node as Heading;
      heading.data = { ...heading.data, hProperties: { ...(heading.data?.hProperties ?? {}), id: entry.id } };
      stripHeadingId(heading);
      if (entry.number && ctx.info.number !== null) heading.children.unshift(span('sec-num', entry.number), { type: 'text', value: ' ' });
    } else if (entry.kind === 'equation') {
      if (ctx.info.number === null) continue;
      const math = entry.node;
      const tex = numberedTex(math.value, entry.number);
      math.value = tex;
      const code = (math.data as { hChildren?: { children: unknown[] }[] } | undefined)?.hChildren?.[0];
      if (code) code.children = [{ type: 'text', value: tex }];
      wrapEquation(ctx, tree, math, entry.id, entry.number);
    } else if (ctx.info.number !== null) {
      const caption = entry.node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'caption');
      if (caption && typeof caption.value === 'string') {
        caption.value = `${ctx.edition.words.figureWord} ${entry.number}. ${caption.value.replace(/^(Figure|图)\s*[\d.]*\s*[:.：]\s*/, '')}`;
      }
    }
  }
}

/** Removes a translated heading's trailing `{#id}` (its id is already set). */
function stripHeadingId(heading: Heading): void {
  const last = heading.children[heading.children.length - 1];
  if (last?.type !== 'text') return;
  const { text, id } = splitHeadingId(last.value);
  if (id) last.value = text;
}

function wrapEquation(ctx: Context, tree: Root, math: Node, id: string, number: string): void {
  eachNode(tree, (node, parent, i) => {
    if (node !== math || !parent) return;
    const link = {
      type: 'link',
      url: `#${id}`,
      data: { hProperties: { className: ['eq-link'], 'aria-label': ctx.edition === ENGLISH ? `Link to equation (${number})` : `链接到${ctx.edition.words.equation(number)}` } },
      children: [{ type: 'text', value: '#' }],
    };
    parent.children[i] = { type: 'bookEquation', data: { hName: 'div', hProperties: { id, className: ['equation'] } }, children: [math, link] } as unknown as Parent['children'][number];
  });
}

/** Resolves an internal href against the page; returns a problem or null. */
function checkHref(ctx: Context, href: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) return null; // external, mailto:
  if (href.startsWith('/')) return `absolute link "${href}": use a relative link (e.g. ../gradient-maps/) so the book works under a sub-path`;
  const url = new URL(href, `http://book${ctx.info.path}`);
  const path = decodeURI(url.pathname);
  const hash = decodeURIComponent(url.hash.slice(1));
  // A translated page may link to a chapter not translated yet: its /<locale>/ page is
  // the English one with Starlight's fallback notice, so check against the English page.
  const untranslated = ctx.edition.locale && path.startsWith(`/${ctx.edition.locale}/`) ? path.slice(ctx.edition.locale.length + 1) : null;
  const target = [...ctx.index.chapters.values()].find((c) => c.path === path) ?? [...ctx.index.chapters.values()].find((c) => untranslated !== null && c.path === untranslated);
  if (!target) {
    if ((ctx.options.extraPaths ?? []).includes(path)) return null;
    if (existsSync(join(ctx.options.publicDir, path))) return null;
    const near = [...ctx.index.chapters.values()].find((c) => c.path.replace(/\/$/, '') === path.replace(/\/$/, ''));
    return `broken link "${href}": no page at ${path}${near ? ` (did you mean ${relativeHref(ctx.info.path, near.path)}?)` : ''}`;
  }
  if (hash && hash !== '_top' && !target.anchors.has(hash)) {
    return `broken anchor "${href}": ${target.path} has no #${hash}`;
  }
  return null;
}

function checkLinks(ctx: Context, tree: Root): void {
  eachNode(tree, (node) => {
    if (node.type === 'link' || node.type === 'definition') {
      const url = (node as Link).url;
      const problem = checkHref(ctx, url);
      if (problem) report(ctx, node, problem);
    } else if (isMdxElement(node) && node.name === 'a') {
      const href = attribute(node, 'href');
      const problem = href ? checkHref(ctx, href) : null;
      if (problem) report(ctx, node, problem);
    }
  });
}

function checkImages(ctx: Context, tree: Root): void {
  eachNode(tree, (node) => {
    if (node.type === 'image' && !((node as { alt?: string }).alt ?? '').trim()) {
      report(ctx, node, `image "${(node as unknown as { url: string }).url}" has no alt text: describe what it shows ![like this](…)`);
    } else if (isMdxElement(node) && node.name === 'img' && !attribute(node, 'alt')?.trim()) {
      report(ctx, node, '<img> has no alt text');
    }
  });
}

/**
 * Maths in a heading renders fine in the heading but not in what is made from its
 * text: the table of contents, the sidebar of a search hit and the anchor all showed
 * "2M2^M2M" for `$2^M$` (KaTeX's MathML, its TeX annotation and its HTML, run together).
 */
function checkHeadings(ctx: Context, tree: Root): void {
  eachNode(tree, (node) => {
    if (node.type !== 'heading') return;
    let math = false;
    eachNode(node, (child) => {
      if (child.type === 'inlineMath') math = true;
    });
    if (math) report(ctx, node, 'a heading contains $…$ maths, which the table of contents shows as its TeX and its rendering run together: write it in plain text (2ᴹ, x², α) and keep the maths for the prose');
  });
}

function checkFigures(ctx: Context, tree: Root): void {
  const components = importedComponents(ctx.text, ctx.file);
  const ids = new Map<string, number>();
  eachNode(tree, (node) => {
    if (!isMdxElement(node) || !node.name || !components.has(node.name)) return;
    const file = components.get(node.name)!;
    if (!existsSync(file)) {
      report(ctx, node, `<${node.name}> is imported from ${file}, which does not exist`);
      return;
    }
    const info = componentInfo(file);
    if (info.props.size === 0) return;
    for (const a of node.attributes) {
      if (a.type === 'mdxJsxAttribute' && a.name && !info.props.has(a.name)) {
        report(ctx, node, `<${node.name}> has no prop "${a.name}" (it takes: ${[...info.props].join(', ')})`);
      }
    }
    for (const name of info.required) {
      if (!node.attributes.some((a) => a.type === 'mdxJsxExpressionAttribute' || a.name === name)) {
        report(ctx, node, `<${node.name}> needs the prop "${name}"`);
      }
    }
    if (info.props.has('caption') && attribute(node, 'caption') !== undefined && !attribute(node, 'caption')!.trim()) {
      report(ctx, node, `<${node.name}> has an empty caption: say what the figure shows`);
    }
    if (info.props.has('id')) {
      const id = attribute(node, 'id') ?? info.defaultId;
      if (id !== undefined && !ID_FORMAT.test(id)) report(ctx, node, `<${node.name} id="${id}">: ids are lower-case letters, digits and dashes (they prefix the figure's URL parameters)`);
      if (id !== undefined) {
        if (ids.has(id)) report(ctx, node, `two figures on this page share the id "${id}" (first on line ${ids.get(id)}): give one an id="…" of its own`);
        else ids.set(id, node.position?.start.line ?? 0);
      }
    }
  });
}

function resolveRef(ctx: Context, node: MdxElement): { text: string; href: string } | string {
  const chapter = attribute(node, 'chapter');
  if (chapter !== undefined) {
    const name = chapter.replace(/^\/|\/$/g, '');
    const english = ctx.index.chapters.get(name);
    if (!english) return `<Ref chapter="${chapter}">: no such chapter (chapters are named part-folder/file, e.g. seeing-inside/gradient-maps)`;
    // In a translation, the chapter in the same edition (its fallback page if untranslated).
    const slug = localizedSlug(name, ctx.edition);
    const target = ctx.index.chapters.get(slug) ?? english;
    const path = slug ? `/${slug}/` : '/';
    return { text: target.number === null ? target.title : ctx.edition.words.chapter(String(target.number)), href: relativeHref(ctx.info.path, path) };
  }
  const id = attribute(node, 'id');
  if (!id) return '<Ref> needs id="eq-…", "fig-…" or "sec-…", or chapter="part/chapter"';
  const here = ctx.localLabels.get(id) ?? [];
  // Labels are unique in the English edition; a translation keeps the same labels
  // (the parity check), so other chapters' labels are looked up in English and the
  // reference points at the same chapter in this edition.
  const own = sourceSlug(ctx.info.slug);
  const elsewhere = (ctx.index.labels.get(id) ?? []).filter((t) => editionOfSlug(t.chapterSlug) === ENGLISH && t.chapterSlug !== own);
  const candidates = here.length > 0 ? here : elsewhere;
  if (candidates.length === 0) return `<Ref id="${id}">: no equation, figure or section has this label (equations are labelled with \\label{${id}} inside $$…$$; figures by their id as fig-<id>; sections as sec-<heading-anchor>)`;
  if (candidates.length > 1) return `<Ref id="${id}">: the label is used in ${candidates.map((c) => c.chapterSlug || 'the front page').join(' and ')}; labels must be unique`;
  const t = candidates[0]!;
  if (t.chapterSlug === ctx.info.slug) return { text: t.text, href: `#${t.id}` };
  const slug = localizedSlug(t.chapterSlug, ctx.edition);
  return { text: labelText(t, ctx.edition), href: relativeHref(ctx.info.path, slug ? `/${slug}/` : '/', t.id) };
}

function replaceRefs(ctx: Context, tree: Root): void {
  eachNode(tree, (node, parent, i) => {
    if (!isMdxElement(node) || node.name !== 'Ref' || !parent) return;
    const resolved = resolveRef(ctx, node);
    if (typeof resolved === 'string') {
      report(ctx, node, resolved);
      return;
    }
    const link = { type: 'link', url: resolved.href, data: { hProperties: { className: ['xref'] } }, children: [{ type: 'text', value: resolved.text }] };
    const at = parent.children.indexOf(node as never);
    parent.children[at >= 0 ? at : i] = (node.type === 'mdxJsxFlowElement' ? { type: 'paragraph', children: [link] } : link) as never;
  });
}

function checkClosingSections(ctx: Context, tree: Root): void {
  if (CLOSING_EXEMPT_PARTS.has(ctx.info.part)) return;
  const h2 = new Set<string>();
  for (const entry of chapterStructure(tree, ctx.info.number)) {
    // By text, or by anchor: a translation's `## 小结 {#summary}` is the Summary.
    if (entry.kind === 'section' && entry.node.depth === 2) h2.add(UNNUMBERED_IDS.includes(entry.id) ? entry.id : entry.text);
  }
  for (const [required, id] of [['Summary', 'summary'], ['Exercises', 'exercises']] as const) {
    if (!h2.has(required) && !h2.has(id)) ctx.problems.push(`${ctx.file}:1: the chapter has no "## ${required}" section: every chapter ends with a Summary and Exercises`);
  }
}

function checkCitations(ctx: Context, tree: Root): void {
  if (!ctx.options.bibliography) return;
  const known = readBibKeys(ctx.options.bibliography);
  eachNode(tree, (node, parent) => {
    if (node.type !== 'text') return;
    const value = (node as unknown as { value: string }).value;
    for (const key of citationKeysIn(value)) {
      if (!known.has(key)) report(ctx, node, `unknown citation key "@${key}": add it to ${ctx.options.bibliography} or fix the spelling`);
    }
    // rehype-citation renders a citation only with whitespace around an in-text key and
    // only in plain paragraphs: anything else reaches the reader as a raw "@key".
    for (const problem of citationPlacementProblems(value, known, parent?.type)) report(ctx, node, problem);
  });
}

/**
 * Numbers and checks one chapter tree in place; returns the problems found
 * (`file:line: message`). Exported for the tests, which run it on broken fixtures.
 */
export function processChapter(tree: Root, file: string, text: string, options: RemarkBookOptions, info?: ChapterInfo): string[] {
  const index = bookIndex(options.contentDir);
  const chapter = info ?? index.byFile.get(resolve(file)) ?? { file, slug: '', path: '/', number: null, title: '', part: 'front', anchors: new Set<string>() };
  const edition = editionOfSlug(chapter.slug);
  const { labels: localLabels } = chapterTargets(text, file, chapter.number, chapter.slug, edition);
  const ctx: Context = { file, info: chapter, index, options, text, localLabels, edition, problems: [] };
  if (edition !== ENGLISH) {
    const source = index.chapters.get(sourceSlug(chapter.slug));
    if (source) ctx.problems.push(...parityProblems(source.file, readFileSync(source.file, 'utf8'), file, text, source.number));
  }
  checkClosingSections(ctx, tree);
  checkImages(ctx, tree);
  checkHeadings(ctx, tree);
  checkFigures(ctx, tree);
  checkCitations(ctx, tree);
  checkLinks(ctx, tree);
  numberSections(ctx, tree);
  replaceRefs(ctx, tree);
  return ctx.problems;
}

export default function remarkBook(options: RemarkBookOptions) {
  const contentDir = resolve(options.contentDir);
  return (tree: Root, vfile: { path?: string; value?: unknown }) => {
    const file = vfile.path ? resolve(vfile.path) : '';
    if (!file.startsWith(contentDir + sep)) return;
    const text = typeof vfile.value === 'string' ? vfile.value : readFileSync(file, 'utf8');
    const problems = processChapter(tree, file, text, { ...options, contentDir });
    if (problems.length > 0) throw new BookCheckError(problems);
  };
}
