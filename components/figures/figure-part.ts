/** The element of a figure matching `selector`; a figure without it is a bug in its markup, so this throws. */
export function figurePart<T extends HTMLElement = HTMLElement>(root: HTMLElement, selector: string): T {
  const el = root.querySelector<T>(selector);
  if (!el) throw new Error(`figure ${root.dataset.figureId} has no element ${selector}`);
  return el;
}
