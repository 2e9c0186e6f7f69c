/**
 * The book's table of contents, read from the chapter files themselves: parts in the
 * order of src/content/parts.ts, chapters by their `order` frontmatter, numbered
 * through the book (Chapter 1, 2, …) so a course can cite "Chapter 4".
 *
 * Starlight's sidebar autogeneration assumes chapters under src/content/docs; ours
 * live in the top-level content/ folder, so the sidebar is built from this outline.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { PARTS } from './parts.ts';

export interface OutlineChapter {
  /** Book-wide chapter number; null for back matter (references, notation, glossary). */
  number: number | null;
  title: string;
  slug: string;
  part: string;
  order: number;
}

export interface OutlinePart {
  label: string;
  dir: string;
  chapters: OutlineChapter[];
}

function frontmatter(file: string): Record<string, unknown> {
  const text = readFileSync(file, 'utf8');
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (!match) throw new Error(`${file}: missing frontmatter (--- title, description, part, order ---)`);
  try {
    return (parse(match[1]!) ?? {}) as Record<string, unknown>;
  } catch (error) {
    throw new Error(`${file}: invalid frontmatter: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export function bookOutline(contentDir: string): OutlinePart[] {
  let number = 0;
  return PARTS.filter((p) => p.dir && existsSync(join(contentDir, p.dir))).map((p) => {
    const chapters = readdirSync(join(contentDir, p.dir))
      .filter((f) => /\.mdx?$/.test(f) && !f.startsWith('_'))
      .map((f) => {
        const data = frontmatter(join(contentDir, p.dir, f));
        return { title: String(data.title), order: Number(data.order), slug: `${p.dir}/${f.replace(/\.mdx?$/, '')}`, part: p.id };
      })
      .sort((a, b) => a.order - b.order)
      .map((c) => ({ ...c, number: p.id === 'back' ? null : ++number }));
    return { label: p.label, dir: p.dir, chapters };
  });
}

export interface TranslatedChapter {
  /** The English chapter's slug, e.g. how-networks-compute/neuron ('' for the front page). */
  source: string;
  /** The translation's file, or null when the chapter is not translated yet. */
  file: string | null;
  /** The source file (English). */
  sourceFile: string;
  /** The translated title, or null when not translated. */
  title: string | null;
  /** `source_hash` recorded in the translation's frontmatter (see scripts/i18n-status.ts). */
  sourceHash: string | null;
}

/** The file of a page under `dir`: <slug>.mdx or .md, or index.mdx for the front page (''). */
export function pageFile(dir: string, slug: string): string | null {
  const base = slug ? join(dir, slug) : join(dir, 'index');
  return ['.mdx', '.md'].map((ext) => `${base}${ext}`).find(existsSync) ?? null;
}

/**
 * Every English page (front page first, then the outline's chapters) with its
 * translation under content/<locale>/, if there is one. Translations take their
 * chapter number from the English outline, so both editions number alike.
 */
export function translatedOutline(contentDir: string, locale: string): TranslatedChapter[] {
  const sources = ['', ...bookOutline(contentDir).flatMap((p) => p.chapters.map((c) => c.slug))];
  return sources
    .map((source) => ({ source, sourceFile: pageFile(contentDir, source) }))
    .filter((s): s is { source: string; sourceFile: string } => s.sourceFile !== null)
    .map(({ source, sourceFile }) => {
      const file = pageFile(join(contentDir, locale), source);
      const data = file ? frontmatter(file) : null;
      return {
        source,
        sourceFile,
        file,
        title: data?.title === undefined ? null : String(data.title),
        sourceHash: data?.source_hash === undefined ? null : String(data.source_hash),
      };
    });
}
