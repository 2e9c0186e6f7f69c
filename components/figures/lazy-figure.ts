/**
 * Starts a figure's heavy code (its controller, then its worker and TF.js) only when
 * the figure comes within a screen of the viewport, as distill.pub does: the first
 * paint of a chapter never downloads the engine.
 */
export function whenNear(selector: string, load: () => Promise<{ mount(el: HTMLElement): void }>): void {
  const figures = document.querySelectorAll<HTMLElement>(selector);
  if (!figures.length) return;
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer.unobserve(entry.target);
        // The figures' strings first: a controller may translate as soon as it is evaluated.
        import('../../src/i18n/all-figures.ts')
          .then(load)
          .then((m) => m.mount(entry.target as HTMLElement));
      }
    },
    { rootMargin: '100% 0px' },
  );
  figures.forEach((f) => observer.observe(f));
}

/** whenNear for every figure kind on the page; a kind with no controller is a bug, said in the console. */
export function mountFiguresWhenNear(controllers: Record<string, () => Promise<{ mount(el: HTMLElement): void }>>): void {
  const kinds = new Set([...document.querySelectorAll<HTMLElement>('[data-figure-kind]')].map((el) => el.dataset.figureKind!));
  for (const kind of kinds) {
    const load = controllers[kind];
    if (load) whenNear(`[data-figure-kind="${CSS.escape(kind)}"]`, load);
    else console.error(`No controller for figure kind "${kind}": add it to components/figures/registry.ts`);
  }
}
