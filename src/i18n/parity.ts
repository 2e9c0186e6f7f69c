/**
 * Parity between an English chapter and its translation: the same sections (by anchor,
 * in the same order and at the same depth), the same equations (labels, in order) and
 * the same figures (component and id, in order). The build runs it on every translated
 * chapter (src/markdown/remark-book.ts) and fails on any difference, naming file:line,
 * so numbers, anchors, <Ref>s and the language switch agree across editions.
 *
 * A chapter that is not translated at all is not a problem here: it is reported by
 * `npm run i18n:status` and served in English with Starlight's fallback notice.
 */
import { relative } from 'node:path';
import { chapterStructure, parseChapter, type StructureEntry } from '../markdown/chapter-structure.ts';

interface Item {
  key: string;
  what: string;
  line: number;
}

function items(entries: StructureEntry[], kind: StructureEntry['kind']): Item[] {
  return entries
    .filter((e) => e.kind === kind)
    .map((e) => {
      if (e.kind === 'section') return { key: `h${e.node.depth}#${e.id}`, what: `section "${'#'.repeat(e.node.depth)} … {#${e.id}}" (“${e.text}”)`, line: e.line };
      if (e.kind === 'equation') return { key: e.id, what: `equation ${e.label ? `\\label{${e.id}}` : `(${e.number})`}`, line: e.line };
      return { key: `${e.name}#${e.figureId ?? ''}`, what: `figure <${e.name}${e.figureId ? ` id="${e.figureId}"` : ''} />`, line: e.line };
    });
}

function compare(kind: string, source: Item[], target: Item[], file: string, sourceName: string, lastLine: number): string[] {
  const problems: string[] = [];
  const targetKeys = new Set(target.map((t) => t.key));
  const sourceKeys = new Set(source.map((s) => s.key));
  for (const [i, s] of source.entries()) {
    if (targetKeys.has(s.key)) continue;
    // Point at where it should be: the translation's next item that exists in English, or the end.
    const next = source.slice(i + 1).find((n) => targetKeys.has(n.key));
    const line = next ? target.find((t) => t.key === next.key)!.line : lastLine;
    const hint = kind === 'section' ? ` (a translated heading keeps the English anchor: "## 译文标题 {#${s.key.split('#')[1]}}")` : '';
    problems.push(`${file}:${line}: missing ${s.what} of ${sourceName}:${s.line}${hint}`);
  }
  for (const t of target) {
    if (!sourceKeys.has(t.key)) problems.push(`${file}:${t.line}: ${t.what} is not in ${sourceName}: a translation has the same ${kind}s as its English chapter`);
  }
  if (problems.length === 0) {
    const at = source.findIndex((s, i) => s.key !== target[i]?.key);
    if (at >= 0) problems.push(`${file}:${target[at]?.line ?? lastLine}: ${kind}s are in a different order from ${sourceName}: expected ${source[at]!.what} here`);
  }
  return problems;
}

/** Differences between an English chapter and its translation, as `file:line: message`. */
export function parityProblems(sourceFile: string, sourceText: string, file: string, text: string, chapter: number | null): string[] {
  const source = chapterStructure(parseChapter(sourceText), chapter);
  const target = chapterStructure(parseChapter(text), chapter);
  const name = relative(process.cwd(), sourceFile) || sourceFile;
  const lastLine = text.split('\n').length;
  return [
    ...compare('section', items(source, 'section'), items(target, 'section'), file, name, lastLine),
    ...compare('equation', items(source, 'equation'), items(target, 'equation'), file, name, lastLine),
    ...compare('figure', items(source, 'figure'), items(target, 'figure'), file, name, lastLine),
  ];
}
