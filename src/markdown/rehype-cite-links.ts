/**
 * Finishes what rehype-citation renders: DOIs and URLs in bibliography entries become
 * links, and each in-text citation carries its entry's text, so a reader can see the
 * reference on hover or focus without leaving the paragraph (components/book/citation-cards.ts).
 */
import type { Root, Element, ElementContent, Text } from 'hast';

const URL_PATTERN = /https?:\/\/[^\s<]+[^\s<.,;)]/g;

function classes(el: Element): string[] {
  const c = el.properties?.className;
  if (Array.isArray(c)) return c.map(String);
  return typeof c === 'string' ? (c as string).split(' ') : [];
}

function textOf(node: ElementContent | Root): string {
  if (node.type === 'text') return node.value;
  if ('children' in node) return node.children.map((c) => textOf(c as ElementContent)).join('');
  return '';
}

function linkify(el: Element): void {
  el.children = el.children.flatMap((child): ElementContent[] => {
    if (child.type === 'element') {
      linkify(child);
      return [child];
    }
    if (child.type !== 'text') return [child];
    const out: ElementContent[] = [];
    let last = 0;
    for (const m of child.value.matchAll(URL_PATTERN)) {
      if (m.index! > last) out.push({ type: 'text', value: child.value.slice(last, m.index) } as Text);
      out.push({ type: 'element', tagName: 'a', properties: { href: m[0] }, children: [{ type: 'text', value: m[0] }] });
      last = m.index! + m[0].length;
    }
    if (last < child.value.length) out.push({ type: 'text', value: child.value.slice(last) });
    return out;
  });
}

function walk(node: Root | Element, visit: (el: Element) => void): void {
  for (const child of node.children) {
    if (child.type === 'element') {
      visit(child);
      walk(child, visit);
    }
  }
}

export default function rehypeCiteLinks() {
  return (tree: Root) => {
    const entries = new Map<string, string>();
    walk(tree, (el) => {
      if (classes(el).includes('csl-entry')) {
        linkify(el);
        if (typeof el.properties?.id === 'string') entries.set(el.properties.id, textOf(el).trim());
      }
    });
    walk(tree, (el) => {
      const href = el.tagName === 'a' ? String(el.properties?.href ?? '') : '';
      if (href.startsWith('#bib-') && entries.has(href.slice(1))) {
        el.properties = { ...el.properties, className: ['cite-link'], dataCite: entries.get(href.slice(1)) };
      }
    });
  };
}
