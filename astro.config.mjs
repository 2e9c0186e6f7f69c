// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import mdx from '@astrojs/mdx';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import rehypeKatexStrict from './src/markdown/rehype-katex-strict.ts';
import { katexOptions } from './src/markdown/katex-options.ts';
import { bookOutline } from './src/content/outline.ts';

// One sidebar group per part that has chapters, chapters numbered through the book.
const sidebar = bookOutline(fileURLToPath(new URL('./content', import.meta.url))).map((part) => ({
  label: part.label,
  items: part.chapters.map((c) => ({ label: `${c.number}. ${c.title}`, link: `/${c.slug}/` })),
}));

export default defineConfig({
  site: process.env.SITE_URL ?? 'http://127.0.0.1:4321',
  base: process.env.BASE_PATH ?? '/',
  trailingSlash: 'always',
  markdown: {
    remarkPlugins: [remarkMath],
    // The strict checker runs first so a bad equation fails the build, naming its file.
    rehypePlugins: [rehypeKatexStrict, [rehypeKatex, katexOptions]],
  },
  integrations: [
    starlight({
      title: 'Explaining Deep Learning',
      description:
        'An interactive textbook on visualising and explaining deep-learning models, trained live in your browser.',
      sidebar,
      customCss: ['katex/dist/katex.min.css', './src/styles/book.css', './src/styles/figures.css'],
      // Chapters live outside src/content/docs: let Starlight's Markdown features
      // (heading anchor links, asides) process them too.
      markdown: { processedDirs: ['./content'] },
      lastUpdated: false,
      pagination: true,
      tableOfContents: { minHeadingLevel: 2, maxHeadingLevel: 3 },
    }),
    mdx(),
  ],
  vite: {
    worker: { format: 'es' },
  },
});
