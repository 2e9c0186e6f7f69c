/**
 * Stable section anchors across editions. A translated heading names the English
 * anchor explicitly, `## 类激活图 {#class-activation-maps}`, so a link to a section,
 * and the language switch, land on the same section in every edition.
 *
 * MDX would read `{…}` as a JavaScript expression, so before MDX parses a chapter the
 * trailing `{#id}` of a heading line is escaped to literal text; the book's remark
 * plugin (src/markdown/remark-book.ts) then takes the id and removes the text.
 */
export const HEADING_ID_LINE = /^(#{1,6}[ \t].*?)[ \t]+\{#([a-z][a-z0-9-]*)\}[ \t]*$/gm;

/** Escapes `{#id}` at the end of heading lines (outside fenced code) so MDX keeps it as text. */
export function escapeHeadingIds(text: string): string {
  let fence: string | null = null;
  return text
    .split('\n')
    .map((line) => {
      const open = /^\s*(`{3,}|~{3,})/.exec(line);
      if (open) {
        if (fence === null) fence = open[1]![0]!;
        else if (open[1]![0] === fence) fence = null;
        return line;
      }
      return fence === null ? line.replace(HEADING_ID_LINE, '$1 \\{#$2\\}') : line;
    })
    .join('\n');
}

/** The explicit id at the end of a heading's text, and the text without it. */
export function splitHeadingId(text: string): { text: string; id: string | null } {
  // Astro's smartypants (default `dashes: true`) has already turned a `--` in the id into
  // an em dash by the time the book's remark plugin reads the heading (English slugs such as
  // "Gradient × input" → `gradient--input` contain one): read it back as `--`.
  const m = /^([\s\S]*?)\s*\{#([a-z][a-z0-9\u2013\u2014-]*)\}\s*$/.exec(text);
  return m ? { text: m[1]!, id: m[2]!.replace(/[\u2013\u2014]/g, '--') } : { text, id: null };
}
