/**
 * The numbered structure of one chapter: sections, equations and figures in reading
 * order, with the anchors and numbers a reader sees ("Section 4.2", "Eq. (4.3)",
 * "Figure 4.1").
 *
 * One walk serves two callers, so they can never disagree: the remark plugin that
 * numbers a page while it is built, and the book index that resolves <Ref> labels
 * and checks links across chapters before the target page is built.
 */
import type { Root, Heading, Node, Parent } from 'mdast';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkMath from 'remark-math';
import GithubSlugger from 'github-slugger';
import { toString } from 'mdast-util-to-string';
import { escapeHeadingIds, splitHeadingId } from '../i18n/heading-ids.ts';

/** Sections that close every chapter and are not numbered. */
export const UNNUMBERED_SECTIONS = ['Summary', 'Exercises', 'References', 'Further reading'];
/** Their anchors, which translations keep (`## 小结 {#summary}`). */
export const UNNUMBERED_IDS = ['summary', 'exercises', 'references', 'further-reading'];

/** A live figure is an MDX element whose name ends in "Figure", e.g. <XorFigure />. */
export const FIGURE_NAME = /^[A-Z][A-Za-z0-9]*Figure$/;

/** `\label{eq-backprop}` inside a display equation names it for <Ref id="eq-backprop" />. */
const LABEL = /\\label\{([^}]*)\}/;

export interface MdxAttribute {
  type: 'mdxJsxAttribute' | 'mdxJsxExpressionAttribute';
  name?: string;
  value?: unknown;
}
export interface MdxElement extends Parent {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: MdxAttribute[];
}
export interface MathNode extends Node {
  type: 'math';
  value: string;
}

export interface SectionEntry {
  kind: 'section';
  node: Heading;
  /** The anchor id: the heading's explicit `{#id}`, else the GitHub-style slug of its text, as Astro makes it. */
  id: string;
  text: string;
  /** "4.2" or "4.2.1"; null for unnumbered headings (Summary, Exercises …) and h4+. */
  number: string | null;
  line: number;
}
export interface EquationEntry {
  kind: 'equation';
  node: MathNode;
  /** The author's \label, or null. */
  label: string | null;
  id: string;
  number: string;
  line: number;
}
export interface FigureEntry {
  kind: 'figure';
  node: MdxElement;
  name: string;
  /** The figure's id attribute (its URL-state prefix; anchor `fig-<id>`), or null. */
  figureId: string | null;
  number: string;
  line: number;
}
export type StructureEntry = SectionEntry | EquationEntry | FigureEntry;

export function isMdxElement(node: Node): node is MdxElement {
  return node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';
}

/** The string value of an MDX attribute, or undefined when absent or an expression. */
export function attribute(node: MdxElement, name: string): string | undefined {
  const a = node.attributes.find((x) => x.type === 'mdxJsxAttribute' && x.name === name);
  return typeof a?.value === 'string' ? a.value : undefined;
}

/** Parses a chapter as the build does (MDX + math), keeping line numbers: frontmatter is blanked, not removed. */
export function parseChapter(text: string): Root {
  const body = escapeHeadingIds(text).replace(/^---\r?\n[\s\S]*?\r?\n---(?=\r?\n|$)/, (fm) => fm.replace(/[^\n]/g, ''));
  return unified().use(remarkParse).use(remarkMdx).use(remarkMath).parse(body) as Root;
}

function visitInOrder(node: Node, visit: (node: Node, parent: Parent | null) => void, parent: Parent | null = null): void {
  visit(node, parent);
  if ('children' in node) for (const child of (node as Parent).children) visitInOrder(child, visit, node as Parent);
}

/**
 * Walks a chapter in reading order. `chapter` is the book-wide chapter number, or null
 * for pages outside the numbered chapters (the front page), whose numbers are then
 * just counters.
 */
export function chapterStructure(tree: Root, chapter: number | null): StructureEntry[] {
  const prefix = chapter === null ? '' : `${chapter}.`;
  const slugger = new GithubSlugger();
  const entries: StructureEntry[] = [];
  let section = 0;
  let subsection = 0;
  let equation = 0;
  let figure = 0;
  let inClosingSections = false;

  visitInOrder(tree, (node) => {
    if (node.type === 'heading') {
      const heading = node as Heading;
      const { text, id: explicit } = splitHeadingId(toString(heading).trim());
      const id = explicit ?? slugger.slug(text);
      let number: string | null = null;
      if (heading.depth === 2) {
        inClosingSections = UNNUMBERED_SECTIONS.includes(text) || UNNUMBERED_IDS.includes(id);
        if (!inClosingSections) {
          section += 1;
          subsection = 0;
          number = `${prefix}${section}`;
        }
      } else if (heading.depth === 3 && !inClosingSections && section > 0) {
        subsection += 1;
        number = `${prefix}${section}.${subsection}`;
      }
      entries.push({ kind: 'section', node: heading, id, text, number, line: heading.position?.start.line ?? 0 });
    } else if (node.type === 'math') {
      const math = node as MathNode;
      // An equation that numbers itself (\tag) or opts out (\notag) keeps its own choice.
      if (/\\(no)?tag\b/.test(math.value)) return;
      equation += 1;
      const label = LABEL.exec(math.value)?.[1]?.trim() ?? null;
      const number = `${prefix}${equation}`;
      entries.push({ kind: 'equation', node: math, label, id: label ?? `eq-${number.replace(/\./g, '-')}`, number, line: math.position?.start.line ?? 0 });
    } else if (isMdxElement(node) && node.name && FIGURE_NAME.test(node.name)) {
      figure += 1;
      entries.push({ kind: 'figure', node, name: node.name, figureId: attribute(node, 'id') ?? null, number: `${prefix}${figure}`, line: node.position?.start.line ?? 0 });
    }
  });
  return entries;
}

/** Removes the \label{…} KaTeX would reject and numbers the equation with \tag. */
export function numberedTex(tex: string, number: string): string {
  return `${tex.replace(LABEL, '').trimEnd()} \\tag{${number}}`;
}
