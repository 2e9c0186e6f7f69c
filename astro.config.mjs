// @ts-check
import { existsSync } from 'node:fs';
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import mdx from '@astrojs/mdx';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import rehypeKatexStrict from './src/markdown/rehype-katex-strict.ts';
import { katexOptions } from './src/markdown/katex-options.ts';
import { PARTS } from './src/content/parts.ts';

// One sidebar group per part that has chapters yet, in the book's order.
const sidebar = PARTS.filter((p) => p.dir && existsSync(new URL(`./content/${p.dir}`, import.meta.url))).map(
  (p) => ({ label: p.label, items: [{ autogenerate: { directory: p.dir } }] }),
);

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
      customCss: ['katex/dist/katex.min.css', './src/styles/book.css'],
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
