/**
 * Old chapter URLs and where they live now. Teachers link chapters from course pages
 * for years: when a chapter is renamed or moved, add its old path here (no base path,
 * trailing slash) and the build writes a redirect page at the old address.
 * tests/e2e/published-urls.spec.ts fails if a published URL neither exists nor redirects.
 */
export const REDIRECTS: Record<string, string> = {
  // Example: '/seeing-inside/saliency/': '/seeing-inside/gradient-maps/',
};
