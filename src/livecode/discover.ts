/**
 * Finds every runnable listing in the book's chapters: the <RunnableCode> elements of
 * content/**\/*.mdx, with the file their `code` is imported from and their `expect`.
 * Used by tests/unit/listings.test.ts, which runs them all. Node only.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseChapter } from '../markdown/chapter-structure.ts';

export interface DiscoveredListing {
  /** The chapter, relative to the repository root. */
  chapter: string;
  line: number;
  id: string;
  /** The listing's file, relative to the repository root. */
  file: string;
  code: string;
  /** One regular expression per line, matched in order. */
  expect: RegExp[];
  timeout: number;
}

function mdxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? mdxFiles(path) : name.endsWith('.mdx') ? [path] : [];
  });
}

interface Node {
  type: string;
  name?: string;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: Node[];
  position?: { start: { line: number } };
}

export function discoverListings(root: string, contentDir = join(root, 'content')): DiscoveredListing[] {
  const out: DiscoveredListing[] = [];
  for (const file of mdxFiles(contentDir).sort()) {
    const text = readFileSync(file, 'utf8');
    const chapter = relative(root, file);
    const rawImports = new Map<string, string>();
    for (const m of text.matchAll(/^import\s+(\w+)\s+from\s+['"](.+?)\?raw['"]/gm)) rawImports.set(m[1]!, m[2]!);
    // Parsed as the build parses it (frontmatter blanked, translated headings' {#id} escaped).
    const tree = parseChapter(text) as unknown as Node;
    const visit = (node: Node) => {
      if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === 'RunnableCode') {
        const line = node.position?.start.line ?? 0;
        const attr = (name: string) => node.attributes?.find((a) => a.name === name)?.value;
        const where = `${chapter}:${line}`;
        const codeAttr = attr('code') as { value?: string } | undefined;
        const variable = codeAttr?.value?.trim();
        const path = variable ? rawImports.get(variable) : undefined;
        if (!path) throw new Error(`${where}: <RunnableCode code={…}> must name a listing imported with ?raw`);
        const listingFile = resolve(dirname(file), path);
        const expectText = attr('expect');
        if (typeof expectText !== 'string' || !expectText.trim()) throw new Error(`${where}: <RunnableCode> needs expect="…" (one regular expression per line)`);
        const timeout = Number((attr('timeout') as { value?: string } | undefined)?.value ?? 60);
        out.push({
          chapter,
          line,
          id: String(attr('id')),
          file: relative(root, listingFile),
          code: readFileSync(listingFile, 'utf8'),
          expect: expectText
            .split('\n')
            .map((l) => l.trim())
            .filter(Boolean)
            .map((l) => {
              try {
                return new RegExp(l);
              } catch (e) {
                throw new Error(`${where}: expect line "${l}" is not a regular expression (${(e as Error).message})`);
              }
            }),
          timeout,
        });
      }
      node.children?.forEach(visit);
    };
    visit(tree);
  }
  return out;
}

/** The first expected line not found (in order) in the output, or null if all are. */
export function firstUnmatched(expect: RegExp[], lines: string[]): RegExp | null {
  let from = 0;
  for (const re of expect) {
    const i = lines.findIndex((l, k) => k >= from && re.test(l));
    if (i < 0) return re;
    from = i + 1;
  }
  return null;
}
