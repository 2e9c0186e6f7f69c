// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import mdx from '@astrojs/mdx';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import rehypeCitation from 'rehype-citation';
import rehypeCiteLinks from './src/markdown/rehype-cite-links.ts';
import rehypeKatexStrict from './src/markdown/rehype-katex-strict.ts';
import { katexOptions } from './src/markdown/katex-options.ts';
import { bookSidebar } from './src/content/sidebar.ts';
import { TRANSLATIONS } from './src/i18n/locales.ts';
import headingIds from './src/i18n/vite-heading-ids.ts';
import remarkBook from './src/markdown/remark-book.ts';
import { REDIRECTS } from './src/content/redirects.ts';
import cspIntegration from './src/security/csp-integration.mjs';
import serviceWorkerIntegration from './src/offline/sw-integration.mjs';
import codeListings from './src/build/code-listings.mjs';
import subsetMathFonts from './src/build/subset-math-fonts.mjs';

// BOOK_CONTENT_DIR lets the tests build a fixture book (tests/unit/build-checks.test.ts).
const contentDir = process.env.BOOK_CONTENT_DIR ?? fileURLToPath(new URL('./content', import.meta.url));
// One sidebar group per part, chapters numbered through the book (src/content/sidebar.ts).
const sidebar = bookSidebar(contentDir);
const locales = {
  root: { label: 'English', lang: 'en' },
  ...Object.fromEntries(TRANSLATIONS.map((e) => [e.locale, { label: e.label, lang: e.lang }])),
};

// The site's path with slashes on both ends ('/', or '/book/' under BASE_PATH=/book).
const sitePath = `/${(process.env.BASE_PATH ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');

const bookChecks = {
  contentDir,
  bibliography: fileURLToPath(new URL('./content/references.bib', import.meta.url)),
  publicDir: fileURLToPath(new URL('./public', import.meta.url)),
  extraPaths: ['/lab/engine/'],
};

export default defineConfig({
  site: process.env.SITE_URL ?? 'http://127.0.0.1:4321',
  base: process.env.BASE_PATH ?? '/',
  trailingSlash: 'always',
  // Renamed chapters keep their old URLs (see src/content/redirects.ts).
  redirects: REDIRECTS,
  outDir: process.env.BOOK_OUT_DIR ?? './dist',
  // Per-checkout caches (not node_modules/.astro), so builds of two checkouts never mix.
  cacheDir: process.env.BOOK_CACHE_DIR ?? './.astro/cache',
  markdown: {
    // remarkBook numbers sections, equations and figures, resolves <Ref>, and fails the
    // build on broken links, missing alt text, bad figure props or unknown citations.
    remarkPlugins: [remarkMath, [remarkBook, bookChecks]],
    // The strict checker runs first so a bad equation fails the build, naming its file.
    // [@key] citations from content/references.bib, author–year, linked to a per-chapter
    // bibliography at the end of the page (remarkBook has already rejected unknown keys).
    rehypePlugins: [
      rehypeKatexStrict,
      [rehypeKatex, katexOptions],
      [rehypeCitation, { path: fileURLToPath(new URL('.', import.meta.url)), bibliography: 'content/references.bib', csl: 'apa', linkCitations: true, lang: 'en-US' }],
      rehypeCiteLinks,
    ],
  },
  integrations: [
    starlight({
      title: { en: 'Explaining Deep Learning', 'zh-CN': '解释深度学习' },
      description:
        'An interactive textbook on visualising and explaining deep-learning models, trained live in your browser.',
      sidebar,
      // English at the root, translations under /<locale>/ (content/<locale>/…); a page not
      // translated yet falls back to English with Starlight's notice.
      defaultLocale: 'root',
      locales,
      customCss: ['katex/dist/katex.min.css', './src/styles/book.css', './src/styles/figures.css', './src/styles/i18n.css'],
      // Chapters live outside src/content/docs: let Starlight's Markdown features
      // (heading anchor links, asides) process them too.
      markdown: { processedDirs: [contentDir] },
      components: {
        Head: './components/overrides/Head.astro',
        PageTitle: './components/overrides/PageTitle.astro',
        LanguageSelect: './components/overrides/LanguageSelect.astro',
      },
      // "Edit this page" opens the chapter's source file (content/…) on the forge.
      // BOOK_REPO_URL names the repository; the deploy workflow sets it.
      editLink: { baseUrl: `${(process.env.BOOK_REPO_URL ?? 'https://github.com/explaining-deep-learning/book').replace(/\/$/, '')}/edit/main/` },
      lastUpdated: false,
      pagination: true,
      tableOfContents: { minHeadingLevel: 2, maxHeadingLevel: 3 },
    }),
    mdx(),
    // Before the service worker and the CSP read the pages: Expressive Code's stylesheet
    // goes into <head> once instead of in front of every listing, and each listing gets
    // its line count (for the height reserved while it is off screen).
    codeListings({ base: sitePath }),
    // KaTeX's fonts cut to the characters the pages print (the first formula waits for them).
    subsetMathFonts(),
    // Last: hashes the inline scripts of the finished pages into dist/_headers (the CSP).
    // dist/sw.js: the service worker that keeps the book readable offline.
    serviceWorkerIntegration({ base: sitePath }),
    cspIntegration(),
  ],
  vite: {
    // `## 标题 {#english-anchor}`: translated headings keep the English anchor (see the plugin).
    plugins: [headingIds()],
    worker: { format: 'es' },
  },
});
