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
