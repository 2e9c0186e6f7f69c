/**
 * The keys of the book's BibTeX file, and the [@key] citations in a piece of text,
 * so an unknown key fails the build where it is written.
 */
import { readFileSync, statSync } from 'node:fs';

let cache: { file: string; mtime: number; keys: Set<string> } | null = null;

export function readBibKeys(file: string): Set<string> {
  const mtime = statSync(file).mtimeMs;
  if (cache?.file === file && cache.mtime === mtime) return cache.keys;
  const keys = new Set<string>();
  for (const m of readFileSync(file, 'utf8').matchAll(/^\s*@(?!comment|string|preamble)\w+\s*\{\s*([^,\s]+)\s*,/gim)) keys.add(m[1]!);
  cache = { file, mtime, keys };
  return keys;
}

/**
 * Keys cited as [@key], [@a; @b], [see @key, p. 3] or [-@key] (Pandoc syntax, as
 * rehype-citation reads it), and in-text citations "@key says" for keys in the book's
 * form (author + year + word, e.g. zhou2016learning), so "@tensorflow" in prose is not
 * taken for one.
 */
export function citationKeysIn(text: string): string[] {
  const keys: string[] = [];
  for (const group of text.matchAll(/\[([^\][]*@[^\][]*)\]/g)) {
    for (const m of group[1]!.matchAll(/(?:^|[\s;-])@([\w][\w:.#$%&+?<>~/-]*[\w])/g)) keys.push(m[1]!);
  }
  const outside = text.replace(/\[[^\][]*\]/g, ' ');
  for (const m of outside.matchAll(/(?:^|[\s(])@([a-z][a-z-]*\d{4}[a-z0-9]*)\b/g)) keys.push(m[1]!);
  return keys;
}

/**
 * Citations of known keys that rehype-citation would leave as raw text: an in-text
 * "@key" glued to the character before it (e.g. after Chinese punctuation) or after it
 * (Chinese characters count as part of the key), and citations inside bold or italics.
 */
export function citationPlacementProblems(text: string, known: Set<string>, parentType?: string): string[] {
  const problems: string[] = [];
  for (const m of text.matchAll(/@([A-Za-z][\w:.#$%&+?<>~/-]*)/g)) {
    const key = [...known].filter((k) => m[1]!.startsWith(k)).sort((a, b) => b.length - a.length)[0];
    if (!key) continue;
    const before = text[m.index! - 1];
    const after = text[m.index! + 1 + key.length];
    if (before !== undefined && !/[\s[;(-]/.test(before)) problems.push(`citation "@${key}" must have a space or "[" before it (after "${before}" it is not read as a citation)`);
    else if (after !== undefined && /[\p{L}\p{N}_]/u.test(after)) problems.push(`citation "@${key}" must be followed by a space or punctuation (here "${after}" would be read as part of the key)`);
    else if (parentType === 'strong' || parentType === 'emphasis') problems.push(`citation "@${key}" inside bold or italics is not rendered: move it outside the emphasis`);
  }
  return problems;
}
