/**
 * Keeping a figure's state in the address bar, and copying a link to it.
 * The link opens the page scrolled to the figure (`#fig-<id>`).
 */
import { writeState, type Schema, type StateOf } from '../../src/state/url-state.ts';
import { t } from '../../src/i18n/ui.ts';

export function syncUrl<S extends Schema>(schema: S, figureId: string, state: StateOf<S>): void {
  const url = new URL(location.href);
  const params = writeState(schema, figureId, state, url.searchParams);
  url.search = params.toString();
  history.replaceState(history.state, '', url);
}

export function figureLink(figureId: string): string {
  const url = new URL(location.href);
  url.hash = `fig-${figureId}`;
  return url.href;
}

export async function copyFigureLink(figureId: string, button: HTMLButtonElement): Promise<void> {
  const link = figureLink(figureId);
  const label = button.textContent;
  try {
    await navigator.clipboard.writeText(link);
    button.textContent = t('figure.linkCopied');
  } catch {
    // Clipboard refused (insecure context or permission): show the link to copy by hand.
    window.prompt(t('figure.copyPrompt'), link);
  }
  setTimeout(() => (button.textContent = label), 1500);
}
