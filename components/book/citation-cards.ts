/**
 * Hover cards for citations: pointing at or focusing "(Zhou et al., 2016)" shows the
 * full reference (from the link's data-cite, written at build time) in a small card,
 * so the reader keeps their place. Escape or moving away hides it.
 */
let card: HTMLDivElement | null = null;

function show(link: HTMLAnchorElement): void {
  card ??= Object.assign(document.createElement('div'), { className: 'cite-card', role: 'tooltip', id: 'cite-card' });
  if (!card.isConnected) document.body.append(card);
  card.textContent = link.dataset.cite ?? '';
  link.setAttribute('aria-describedby', 'cite-card');
  const r = link.getBoundingClientRect();
  const width = Math.min(360, window.innerWidth - 16);
  card.style.width = `${width}px`;
  card.style.left = `${Math.max(8, Math.min(r.left + window.scrollX, window.scrollX + window.innerWidth - width - 8))}px`;
  card.style.top = `${r.bottom + window.scrollY + 6}px`;
  card.hidden = false;
}

function hide(link?: Element | null): void {
  link?.removeAttribute('aria-describedby');
  if (card) card.hidden = true;
}

export function mountCitationCards(): void {
  const links = document.querySelectorAll<HTMLAnchorElement>('a.cite-link[data-cite]');
  for (const link of links) {
    link.addEventListener('mouseenter', () => show(link));
    link.addEventListener('focus', () => show(link));
    link.addEventListener('mouseleave', () => hide(link));
    link.addEventListener('blur', () => hide(link));
  }
  if (links.length) document.addEventListener('keydown', (e) => e.key === 'Escape' && hide(document.activeElement));
}
