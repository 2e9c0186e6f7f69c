/** Vite plugin: escapes `## Heading {#id}` in chapter files before MDX parses them (see heading-ids.ts). */
import { escapeHeadingIds } from './heading-ids.ts';

export default function headingIds() {
  return {
    name: 'book-heading-ids',
    enforce: 'pre' as const,
    transform(code: string, id: string) {
      if (!/\.mdx?($|\?)/.test(id) || !/\{#[a-z]/.test(code)) return null;
      const out = escapeHeadingIds(code);
      return out === code ? null : { code: out, map: null };
    },
  };
}
