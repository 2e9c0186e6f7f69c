/**
 * Everything one chapter may point at in another: its URL, its number and title, the
 * anchors on its page and the labels <Ref> can name. Built from the chapter files
 * themselves (the same walk that numbers them), so a link or a reference is checked
 * against what will really be on the page.
 */
import { readFileSync, statSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { bookOutline, translatedOutline } from '../content/outline.ts';
import { ENGLISH, TRANSLATIONS, editionOfSlug, localizedSlug, type Edition } from '../i18n/locales.ts';
import { chapterStructure, parseChapter } from './chapter-structure.ts';
import { componentInfo } from './component-info.ts';

export interface LabelTarget {
  /** Text a <Ref> renders, e.g. "Eq. (4.2)". */
  text: string;
  chapterSlug: string;
  /** Anchor id on the chapter's page. */
  id: string;
  /** What it is and its number, so another edition can word the reference its own way. */
  kind?: 'section' | 'equation' | 'figure';
  number?: string | null;
}

/** The text of a reference to `target` in `edition` ("Eq. (4.2)" → "式 (4.2)"). */
export function labelText(target: LabelTarget, edition: Edition): string {
  if (edition === ENGLISH || !target.kind || target.number === undefined) return target.text;
  if (target.number === null) return target.text;
  const w = edition.words;
  return target.kind === 'section' ? w.section(target.number) : target.kind === 'equation' ? w.equation(target.number) : w.figure(target.number);
}

export interface ChapterInfo {
  file: string;
  /** '' for the front page. */
  slug: string;
  /** The page's path below the site base: '/' or '/part/chapter/'. */
  path: string;
  number: number | null;
  title: string;
  part: string;
  anchors: Set<string>;
  /** The edition's URL prefix ('' for English) and the English page it translates. */
  locale?: string;
  source?: string;
}

export interface BookIndex {
  contentDir: string;
  chapters: Map<string, ChapterInfo>;
  byFile: Map<string, ChapterInfo>;
  labels: Map<string, LabelTarget[]>;
}

function addLabel(labels: Map<string, LabelTarget[]>, label: string, target: LabelTarget): void {
  const list = labels.get(label) ?? [];
  list.push(target);
  labels.set(label, list);
}

/** Imports of Astro components in a chapter, by the name the chapter uses. */
export function importedComponents(text: string, file: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of text.matchAll(/^import\s+(\w+)\s+from\s+['"]([^'"]+\.astro)['"]/gm)) {
    map.set(m[1]!, resolve(dirname(file), m[2]!));
  }
  return map;
}

/** The anchors and labels of one chapter, read from its text. */
export function chapterTargets(text: string, file: string, number: number | null, slug: string, edition: Edition = editionOfSlug(slug)): { anchors: Set<string>; labels: Map<string, LabelTarget[]> } {
  const anchors = new Set<string>();
  const labels = new Map<string, LabelTarget[]>();
  const components = importedComponents(text, file);
  for (const entry of chapterStructure(parseChapter(text), number)) {
    if (entry.kind === 'section') {
      anchors.add(entry.id);
      const label = entry.number ? edition.words.section(entry.number) : `“${entry.text}”`;
      addLabel(labels, `sec-${entry.id}`, { text: label, chapterSlug: slug, id: entry.id, kind: 'section', number: entry.number });
    } else if (entry.kind === 'equation') {
      anchors.add(entry.id);
      addLabel(labels, entry.id, { text: edition.words.equation(entry.number), chapterSlug: slug, id: entry.id, kind: 'equation', number: entry.number });
    } else {
      const component = components.get(entry.name);
      const figureId = entry.figureId ?? (component && existsSync(component) ? componentInfo(component).defaultId : undefined);
      if (!figureId) continue;
      anchors.add(`fig-${figureId}`);
      addLabel(labels, `fig-${figureId}`, { text: edition.words.figure(entry.number), chapterSlug: slug, id: `fig-${figureId}`, kind: 'figure', number: entry.number });
    }
  }
  return { anchors, labels };
}

function indexChapter(index: BookIndex, info: ChapterInfo): void {
  const { anchors, labels } = chapterTargets(readFileSync(info.file, 'utf8'), info.file, info.number, info.slug);
  for (const a of anchors) info.anchors.add(a);
  for (const [label, targets] of labels) for (const t of targets) addLabel(index.labels, label, t);
}

function chapterFiles(contentDir: string): ChapterInfo[] {
  const infos: ChapterInfo[] = [];
  const front = ['index.mdx', 'index.md'].map((f) => join(contentDir, f)).find(existsSync);
  if (front) infos.push({ file: front, slug: '', path: '/', number: null, title: 'Contents', part: 'front', anchors: new Set(), locale: '', source: '' });
  for (const part of bookOutline(contentDir)) {
    for (const c of part.chapters) {
      const file = ['.mdx', '.md'].map((ext) => join(contentDir, `${c.slug}${ext}`)).find(existsSync)!;
      infos.push({ file, slug: c.slug, path: `/${c.slug}/`, number: c.number, title: c.title, part: c.part, anchors: new Set(), locale: '', source: c.slug });
    }
  }
  // Translations: same number and part as their English page, under /<locale>/.
  const english = new Map(infos.map((i) => [i.slug, i]));
  for (const edition of TRANSLATIONS) {
    for (const t of translatedOutline(contentDir, edition.locale)) {
      const en = english.get(t.source);
      if (!t.file || !en) continue;
      const slug = localizedSlug(t.source, edition);
      infos.push({ ...en, file: t.file, slug, path: `/${slug}/`, title: t.title ?? en.title, anchors: new Set(), locale: edition.locale, source: t.source });
    }
  }
  return infos;
}

let cache: { key: string; index: BookIndex } | null = null;

/** The index of the book under `contentDir`, rebuilt only when a chapter file changed. */
export function bookIndex(contentDir: string): BookIndex {
  const infos = chapterFiles(contentDir);
  const key = `${contentDir}|${infos.map((i) => `${i.file}:${statSync(i.file).mtimeMs}`).join('|')}`;
  if (cache?.key === key) return cache.index;
  const index: BookIndex = { contentDir, chapters: new Map(), byFile: new Map(), labels: new Map() };
  for (const info of infos) {
    index.chapters.set(info.slug, info);
    index.byFile.set(resolve(info.file), info);
    const edition = editionOfSlug(info.slug);
    addLabel(index.labels, `ch-${info.slug}`, { text: info.number === null ? info.title : edition.words.chapter(String(info.number)), chapterSlug: info.slug, id: '' });
    indexChapter(index, info);
  }
  cache = { key, index };
  return index;
}

/** A relative link from one page of the book to another, so it works under any base path. */
export function relativeHref(fromPath: string, toPath: string, hash = ''): string {
  const from = fromPath.split('/').filter(Boolean);
  const to = toPath.split('/').filter(Boolean);
  let common = 0;
  while (common < from.length && common < to.length && from[common] === to[common]) common++;
  const ups = from.length - common;
  const rel = `${'../'.repeat(ups)}${to.slice(common).map((s) => `${s}/`).join('')}`;
  const href = rel === '' ? (hash ? '' : './') : rel;
  return hash ? `${href}#${hash}` : href;
}
