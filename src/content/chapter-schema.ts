/**
 * Frontmatter every page of the book must carry, on top of Starlight's own fields.
 * A wrong or missing field fails `astro build` with the file's name and the field.
 */
import { z } from 'astro/zod';
import { PART_IDS } from './parts.ts';

export const chapterFields = z.object({
  /** Which part of the book the page belongs to (see src/content/parts.ts). */
  part: z.enum(PART_IDS),
  /** Position within the part, from 1; also orders the sidebar. 0 is the part's overview. */
  order: z.number().int().min(0).max(99),
  /**
   * Translations only: the hash of the English file they were translated from
   * (`npm run i18n:status` prints it). When the English file changes, the page shows
   * that the translation may be out of date.
   */
  source_hash: z.string().optional(),
});

export type ChapterFields = z.infer<typeof chapterFields>;
