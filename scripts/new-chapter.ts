/**
 * Scaffolds a chapter: `npm run new:chapter -- <part-folder>/<slug> ["Title"]`.
 *
 * Writes the chapter (frontmatter, a labelled equation, a citation, a live figure,
 * Summary, Exercises, References), the figure's component, controller and DOM-free
 * compute module, a unit test and an end-to-end test, all from templates/chapter/, and
 * registers the figure's controller in components/figures/registry.ts.
 * The result builds and passes `npm test` as it stands; the author then replaces the
 * example (softmax with temperature) with the chapter's own.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PARTS } from '../src/content/parts.ts';

const TEMPLATES = resolve(dirname(fileURLToPath(import.meta.url)), '../templates/chapter');

export interface ScaffoldResult {
  files: string[];
}

function pascal(slug: string): string {
  return slug.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
}

export function scaffoldChapter(root: string, target: string, title?: string): ScaffoldResult {
  const match = /^([a-z0-9-]+)\/([a-z][a-z0-9-]*)$/.exec(target);
  if (!match) throw new Error(`Name the chapter as part-folder/slug, e.g. explaining-predictions/counterfactuals (got "${target}")`);
  const [, folder, slug] = match as unknown as [string, string, string];
  const part = PARTS.find((p) => p.dir === folder);
  if (!part) throw new Error(`No part has the folder "${folder}". Parts: ${PARTS.filter((p) => p.dir).map((p) => p.dir).join(', ')}`);
  const partDir = join(root, 'content', folder);
  const orders = existsSync(partDir)
    ? readdirSync(partDir).filter((f) => f.endsWith('.mdx')).map((f) => Number(/^order:\s*(\d+)/m.exec(readFileSync(join(partDir, f), 'utf8'))?.[1] ?? 0))
    : [];
  const Pascal = pascal(slug);
  const values: Record<string, string> = {
    __TITLE__: title ?? slug.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase()),
    __PART__: part.id,
    __ORDER__: String(Math.max(0, ...orders) + 1),
    __PASCAL__: Pascal,
    __CAMEL__: Pascal.charAt(0).toLowerCase() + Pascal.slice(1),
    __ID__: slug,
    __SLUG__: `${folder}/${slug}`,
  };
  const fill = (text: string) => text.replace(/__[A-Z]+__/g, (k) => values[k] ?? k);
  const plan: [string, string][] = [
    ['chapter.mdx', `content/${folder}/${slug}.mdx`],
    ['Figure.astro', `components/figures/${Pascal}Figure.astro`],
    ['controller.ts', `components/figures/${slug}-controller.ts`],
    ['compute.ts', `src/figures/${slug}/compute.ts`],
    ['unit.test.ts', `tests/unit/${slug}.test.ts`],
    ['e2e.spec.ts', `tests/e2e/${slug}.spec.ts`],
  ];
  const taken = plan.map(([, to]) => to).filter((to) => existsSync(join(root, to)));
  if (taken.length) throw new Error(`Not overwriting existing files: ${taken.join(', ')}`);
  for (const [from, to] of plan) {
    mkdirSync(dirname(join(root, to)), { recursive: true });
    writeFileSync(join(root, to), fill(readFileSync(join(TEMPLATES, from), 'utf8')));
  }
  registerFigure(root, slug, `${Pascal}Figure.astro`);
  return { files: plan.map(([, to]) => to) };
}

/** Adds the figure kind's line to the controller registry the page's boot script reads. */
function registerFigure(root: string, kind: string, component: string): void {
  const registry = join(root, 'components/figures/registry.ts');
  const text = readFileSync(registry, 'utf8');
  const end = text.lastIndexOf('};');
  if (end < 0) throw new Error(`${registry} has no closing "};": add '${kind}': () => import('./${kind}-controller.ts') to FIGURE_CONTROLLERS by hand`);
  writeFileSync(registry, `${text.slice(0, end)}  '${kind}': () => import('./${kind}-controller.ts'), // ${component}\n${text.slice(end)}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [target, title] = process.argv.slice(2);
  if (!target) {
    console.error('Usage: npm run new:chapter -- <part-folder>/<slug> ["Title"]\n  e.g. npm run new:chapter -- explaining-predictions/counterfactuals "Counterfactual explanations"');
    process.exit(1);
  }
  try {
    const { files } = scaffoldChapter(process.cwd(), target, title);
    console.log(`Created:\n  ${files.join('\n  ')}\n\nNext: npm run dev, open /${target}/, then replace the example with your chapter. See CONTRIBUTING.md.`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
