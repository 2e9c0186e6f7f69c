import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { chapterFields } from './content/chapter-schema.ts';

/**
 * Chapters live in the top-level `content/` folder (prose apart from the engine).
 * Starlight reads the `docs` collection; `order` from our schema also orders the sidebar,
 * so authors state it once.
 */
export const collections = {
  docs: defineCollection({
    loader: glob({ pattern: '**/[^_]*.{md,mdx}', base: process.env.BOOK_CONTENT_DIR ?? './content' }),
    schema: (context) =>
      docsSchema({ extend: chapterFields })(context).transform((data) => ({
        ...data,
        sidebar: { ...data.sidebar, order: data.sidebar?.order ?? data.order },
      })),
  }),
};
