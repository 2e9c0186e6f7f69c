/**
 * KaTeX settings shared by the build (rehype-katex) and the strict checker, so a
 * formula that passes the check renders the same way on the page.
 */
export const katexOptions = {
  // Book-wide macros: chapters use the same symbols as the notation page.
  macros: {
    '\\R': '\\mathbb{R}',
    '\\L': '\\mathcal{L}',
  },
  strict: 'error' as const,
  trust: false,
};
