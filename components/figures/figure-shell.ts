/**
 * What every figure frame does, whatever the figure: the "Cite or embed" panel
 * (BibTeX and an iframe snippet for the exact view, state included) and the embed
 * mode, where `?embed` shows one figure alone, sized for an iframe in a course page.
 */
import { figureLink } from './figure-link.ts';
import { t } from '../../src/i18n/ui.ts';

const BOOK = 'Explaining Deep Learning: an interactive textbook';

/** The link to a figure with its current state, optionally in embed mode. */
export function viewLink(figureId: string, embed = false): string {
  const url = new URL(figureLink(figureId));
  if (embed) url.searchParams.set('embed', figureId);
  else url.searchParams.delete('embed');
  return url.href;
}

function bibtexEscape(text: string): string {
  return text.replace(/[{}\\]/g, '').replace(/([%&#_$])/g, '\\$1');
}

export function figureBibtex(opts: { figureId: string; label: string; caption: string; chapter: string; link: string; date: Date }): string {
  const iso = opts.date.toISOString().slice(0, 10);
  const key = `edl-${opts.label.replace(/^(Figure|图)\s*/, 'fig-').replace(/\./g, '-')}-${opts.figureId}`;
  const firstSentence = opts.caption.split(/(?<=\.)\s/)[0]!.replace(/\.$/, '');
  return [
    `@misc{${key},`,
    `  title        = {{${bibtexEscape(`${opts.label}: ${firstSentence}`)}}},`,
    `  howpublished = {${BOOK}, ${bibtexEscape(opts.chapter)}. Interactive figure},`,
    `  year         = {${opts.date.getFullYear()}},`,
    `  url          = {${opts.link}},`,
    `  urldate      = {${iso}},`,
    `  note         = {The link restores the figure's exact settings}`,
    `}`,
  ].join('\n');
}

function chapterTitle(): string {
  return document.querySelector('h1')?.textContent?.trim() ?? document.title;
}

function fillCitation(figure: HTMLElement): void {
  const id = figure.dataset.figureId!;
  const caption = figure.querySelector('figcaption')?.textContent?.replace(/^\s*(Figure|图)[\s\d.]*\.\s*/, '').trim() ?? '';
  const label = figure.dataset.figureLabel ?? t('figure.word');
  const bib = figure.querySelector<HTMLTextAreaElement>('[data-out="bibtex"]')!;
  bib.value = figureBibtex({ figureId: id, label, caption, chapter: chapterTitle(), link: viewLink(id), date: new Date() });
  const embed = figure.querySelector<HTMLTextAreaElement>('[data-out="embed-code"]')!;
  embed.value = `<iframe src="${viewLink(id, true)}" title="${label}: ${caption.split('.')[0]!.replace(/"/g, '&quot;')}" width="100%" height="720" loading="lazy" style="border:0"></iframe>`;
}

function enterEmbedMode(figure: HTMLElement): void {
  const root = document.documentElement;
  root.dataset.embed = 'true';
  const frame = document.createElement('main');
  frame.className = 'embed-frame';
  const source = document.createElement('p');
  source.className = 'embed-source';
  const link = document.createElement('a');
  link.href = viewLink(figure.dataset.figureId!);
  link.target = '_blank';
  link.rel = 'noopener';
  link.textContent = t('figure.embedSource', { label: figure.dataset.figureLabel ?? t('figure.word'), chapter: chapterTitle(), book: t('figure.book') });
  source.append(`${t('figure.embedFrom')} `, link);
  // The figure keeps its node (and so its controller); the rest of the page stays in
  // the document, hidden by CSS, so page-wide scripts (search) still find their elements.
  frame.append(figure, source);
  document.body.prepend(frame);
}

let mounted = false;

export function mountFigureShells(): void {
  if (mounted) return;
  mounted = true;
  const figures = [...document.querySelectorAll<HTMLElement>('figure.book-figure')];
  const params = new URLSearchParams(location.search);
  if (params.has('embed')) {
    const wanted = params.get('embed') || location.hash.replace(/^#fig-/, '');
    const figure = figures.find((f) => f.dataset.figureId === wanted) ?? figures[0];
    if (figure) enterEmbedMode(figure);
  }
  for (const figure of figures) {
    const button = figure.querySelector<HTMLButtonElement>('[data-action="cite"]');
    const panel = figure.querySelector<HTMLElement>('[data-out="cite"]');
    if (!button || !panel) continue;
    button.addEventListener('click', () => {
      const open = panel.hidden;
      if (open) fillCitation(figure);
      panel.hidden = !open;
      button.setAttribute('aria-expanded', String(open));
    });
    for (const area of panel.querySelectorAll('textarea')) area.addEventListener('focus', () => area.select());
  }
}
