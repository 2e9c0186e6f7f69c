/**
 * Starlight's "On this page" lists (<starlight-toc> and <mobile-starlight-toc>) find the
 * elements they watch with one selector built on `~` and `:not(:has(…))`, which Chromium
 * matches right to left, i.e. a `:has()` scan of the subtree of every element in <main>.
 * On a chapter of 14,000 elements (KaTeX spans, code listings) that takes 0.4 s of main
 * thread, once per list, in one idle callback each: under Lighthouse's 4× mobile CPU they
 * were the longest tasks at load. This module finds exactly the same elements by walking
 * siblings (a few ms) and swaps it in as each list's `init`, leaving the rest of
 * Starlight's behaviour (IntersectionObserver, current link, resize) as it was.
 *
 * It wraps `customElements.define` for those two names only, so it must run before
 * Starlight's scripts do: components/overrides/Head.astro imports it first.
 */
type Toc = HTMLElement & {
  init: () => void;
  current: HTMLAnchorElement;
  tocHeadingSelector: string;
  getRootMargin(): string;
  onIdle(cb: () => void): void;
};

const NAMES = new Set(['starlight-toc', 'mobile-starlight-toc']);
const PAGE_TITLE_ID = '_top';

/**
 * The elements Starlight's selector list selects, in document order:
 *   main :where(H) ,
 *   main :where(H, .sl-heading-wrapper) ~ *:not(:has(H)) ,
 *   main .sl-markdown-content > *:not(:has(H)) ,
 *   main > *:not(:has(H))
 */
export function tocTargets(headingSelector: string, root: ParentNode = document): Element[] {
  const found = new Set<Element>();
  const noHeading = (el: Element) => !el.querySelector(headingSelector);
  for (const main of root.querySelectorAll('main')) {
    const anchors = main.querySelectorAll(`:where(${headingSelector}), .sl-heading-wrapper`);
    anchors.forEach((h) => h.matches(headingSelector) && found.add(h));
    // Following siblings of each heading: the lists are suffixes of one sibling list, so
    // a walk can stop where an earlier walk already went.
    const walked = new Set<Element>();
    for (const h of anchors) {
      for (let s = h.nextElementSibling; s && !walked.has(s); s = s.nextElementSibling) {
        walked.add(s);
        if (noHeading(s)) found.add(s);
      }
    }
    for (const content of main.querySelectorAll('.sl-markdown-content')) {
      for (const child of content.children) if (noHeading(child)) found.add(child);
    }
    for (const child of main.children) if (noHeading(child)) found.add(child);
  }
  return [...found].sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
}

/** Starlight's init (0.42), with tocTargets in place of its selector. */
function fastInit(toc: Toc): () => void {
  return () => {
    const links = [...toc.querySelectorAll('a')];
    const isHeading = (el: Element) => el.matches(toc.tocHeadingSelector);
    const getElementHeading = (start: Element): Element | null => {
      let el: Element | null = start;
      while (el) {
        if (el.matches('.sl-markdown-content, main > *')) return document.getElementById(PAGE_TITLE_ID);
        if (isHeading(el)) return el;
        const childHeading = el.querySelector(toc.tocHeadingSelector);
        if (childHeading) return childHeading;
        let prev: Element | null = el.previousElementSibling;
        while (prev?.lastElementChild) prev = prev.lastElementChild;
        el = prev ?? el.parentElement;
      }
      return null;
    };
    const setCurrent: IntersectionObserverCallback = (entries) => {
      for (const { isIntersecting, target } of entries) {
        if (!isIntersecting) continue;
        const heading = getElementHeading(target);
        if (!heading) continue;
        const link = links.find((l) => l.hash === `#${encodeURIComponent(heading.id)}`);
        if (link) {
          toc.current = link;
          break;
        }
      }
    };
    const toObserve = tocTargets(toc.tocHeadingSelector);
    let observer: IntersectionObserver | undefined;
    const observe = () => {
      if (observer) return;
      observer = new IntersectionObserver(setCurrent, { rootMargin: toc.getRootMargin() });
      toObserve.forEach((el) => observer!.observe(el));
    };
    observe();
    let timeout: ReturnType<typeof setTimeout> | undefined;
    window.addEventListener('resize', () => {
      observer?.disconnect();
      observer = undefined;
      clearTimeout(timeout);
      timeout = setTimeout(() => toc.onIdle(observe), 200);
    });
  };
}

export function speedUpTableOfContents(): void {
  const registry = window.customElements;
  if (!registry) return;
  const define = registry.define.bind(registry);
  registry.define = (name: string, ctor: CustomElementConstructor, options?: ElementDefinitionOptions) => {
    if (!NAMES.has(name)) return define(name, ctor, options);
    const Base = ctor as unknown as new () => Toc;
    class Faster extends Base {
      constructor() {
        super();
        // Starlight's constructor queued `this.init()` for an idle moment; it reads the
        // property then, so replacing it here is in time. Only if it is Starlight's shape.
        if (typeof this.init === 'function' && typeof this.tocHeadingSelector === 'string') this.init = fastInit(this);
      }
    }
    return define(name, Faster as unknown as CustomElementConstructor, options);
  };
}
