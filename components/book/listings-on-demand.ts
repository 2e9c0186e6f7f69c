/**
 * Long code listings arrive when the reader opens them (src/build/code-listings.mjs
 * moved their HTML to _listings/): on `toggle`, fetch the listing and put it in the
 * <details>. Expressive Code's own script notices the new block and wires its copy
 * button. A failed fetch says so and leaves the link to the listing.
 */
import { t } from '../../src/i18n/ui.ts';

async function load(box: HTMLDetailsElement): Promise<void> {
  if (box.dataset.state === 'loading' || box.dataset.state === 'loaded') return;
  const slot = box.querySelector<HTMLElement>('.listing-slot')!;
  const link = slot.querySelector('a');
  box.dataset.state = 'loading';
  slot.setAttribute('aria-busy', 'true');
  const note = document.createElement('p');
  note.textContent = t('listing.loading');
  slot.prepend(note);
  try {
    const response = await fetch(box.dataset.listingSrc!);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    // Our own static file, written by the build from Expressive Code's output.
    slot.innerHTML = await response.text();
    box.dataset.state = 'loaded';
  } catch (error) {
    note.textContent = t('listing.failed', { message: error instanceof Error ? error.message : String(error) });
    if (link) note.append(' ', link);
    box.dataset.state = 'failed';
  } finally {
    slot.removeAttribute('aria-busy');
  }
}

export function mountListingsOnDemand(): void {
  for (const box of document.querySelectorAll<HTMLDetailsElement>('details[data-listing-src]')) {
    // The build writes them closed: the first `toggle` is the reader opening one.
    box.addEventListener('toggle', () => {
      if (box.open) void load(box);
    });
  }
}
