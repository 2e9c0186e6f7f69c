/**
 * Keyboard access to everything that scrolls sideways on a narrow screen: a wide
 * equation, a table of numbers, a code listing. Such a box gets tabindex="0" while it
 * overflows (so arrow keys can scroll it) and loses it when it fits, the way
 * Expressive Code treats its code blocks. Code blocks that Expressive Code turns into
 * scrollable regions get a name (their title), so each region is told apart.
 */
const SCROLLERS = '.katex-display, .book-figure table, .book-figure pre, .sl-markdown-content table';

function update(el: HTMLElement): void {
  const overflows = el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1;
  if (overflows && !el.hasAttribute('tabindex')) {
    el.tabIndex = 0;
    el.dataset.scrollFocus = '';
  } else if (!overflows && el.dataset.scrollFocus !== undefined) {
    el.removeAttribute('tabindex');
    delete el.dataset.scrollFocus;
  }
}

function nameCodeRegion(pre: HTMLElement): void {
  if (pre.getAttribute('role') !== 'region' || pre.hasAttribute('aria-label')) return;
  const frame = pre.closest('.expressive-code');
  const title = frame?.querySelector('.title')?.textContent?.trim();
  const all = [...document.querySelectorAll('.expressive-code pre')];
  pre.setAttribute('aria-label', title ? `Code: ${title}` : `Code listing ${all.indexOf(pre) + 1}`);
}

export function mountScrollRegions(): void {
  const resize = new ResizeObserver((entries) => entries.forEach((e) => update(e.target as HTMLElement)));
  const watch = (root: ParentNode) => root.querySelectorAll<HTMLElement>(SCROLLERS).forEach((el) => resize.observe(el));
  watch(document);
  // Web fonts (KaTeX's) change a box's content width without resizing the box. Asked
  // only after load: reading document.fonts.ready makes the browser style and lay out
  // the whole page on the spot, which during parsing was one long task (0.6 s of style
  // and 0.35 s of layout on SHAP, 4× CPU slowdown) in front of the first paint.
  const recheck = () => document.querySelectorAll<HTMLElement>(SCROLLERS).forEach(update);
  addEventListener('load', () => {
    recheck();
    document.fonts?.ready.then(recheck);
  });
  // Figures draw their tables later; code blocks become regions after layout.
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'attributes') nameCodeRegion(r.target as HTMLElement);
      else r.addedNodes.forEach((n) => n instanceof HTMLElement && (n.matches(SCROLLERS) ? resize.observe(n) : watch(n)));
    }
  }).observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['role'] });
  document.querySelectorAll<HTMLElement>('.expressive-code pre[role="region"]').forEach(nameCodeRegion);
}
