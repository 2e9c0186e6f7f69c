/**
 * Fails the build on an equation KaTeX cannot render.
 *
 * rehype-katex only records a warning and ships a red `.katex-error` span to the
 * reader. This plugin runs first, renders every formula with `throwOnError`, and
 * throws an error naming the file, the line and the TeX that failed, so a broken
 * equation in a contributed chapter never reaches a page.
 */
import katex from 'katex';
import type { Root, Element } from 'hast';
import type { VFile } from 'vfile';
import { katexOptions } from './katex-options.ts';

const MATH_CLASSES = ['math-inline', 'math-display'];

function isMath(node: Element): boolean {
  const cls = node.properties?.className;
  return Array.isArray(cls) && cls.some((c) => MATH_CLASSES.includes(String(c)));
}

function textOf(node: Element | Root): string {
  let out = '';
  for (const child of node.children) {
    if (child.type === 'text') out += child.value;
    else if (child.type === 'element') out += textOf(child);
  }
  return out;
}

/**
 * Visits math elements with the nearest known source line: display math comes from
 * remark-math as generated children without a position, so the line is inherited
 * from the enclosing element.
 */
function walk(node: Element | Root, visit: (el: Element, line: number | undefined) => void, line?: number): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    const here = child.position?.start.line ?? line;
    if (isMath(child)) visit(child, here);
    else walk(child, visit, here);
  }
}

export class InvalidEquationError extends Error {}

export default function rehypeKatexStrict() {
  return (tree: Root, file: VFile) => {
    walk(tree, (el, line) => {
      const tex = textOf(el);
      try {
        katex.renderToString(tex, {
          ...katexOptions,
          displayMode: String(el.properties?.className).includes('math-display'),
          throwOnError: true,
        });
      } catch (error) {
        const where = `${file.path ?? '<unknown file>'}:${line ?? '?'}`;
        const reason = error instanceof Error ? error.message : String(error);
        throw new InvalidEquationError(`Invalid equation at ${where}\n  TeX: ${tex}\n  KaTeX: ${reason}`);
      }
    });
  };
}
