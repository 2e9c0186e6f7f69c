/**
 * Starlight's sidebar for the book: one group per part that has chapters, chapters
 * numbered through the book, with the part labels and chapter titles of each
 * translated edition (an untranslated chapter keeps its English title).
 */
import { bookOutline, translatedOutline } from './outline.ts';
import { TRANSLATIONS } from '../i18n/locales.ts';

export interface SidebarLink {
  label: string;
  translations: Record<string, string>;
  link: string;
}
export interface SidebarGroup {
  label: string;
  translations: Record<string, string>;
  items: SidebarLink[];
}

const numbered = (number: number | null, title: string): string => (number === null ? title : `${number}. ${title}`);

export function bookSidebar(contentDir: string): SidebarGroup[] {
  const editions = TRANSLATIONS.map((edition) => ({
    edition,
    titles: new Map(translatedOutline(contentDir, edition.locale).map((c) => [c.source, c.title])),
  }));
  return bookOutline(contentDir).map((part) => {
    const partId = part.chapters[0]?.part ?? '';
    const partLabels: Record<string, string> = {};
    for (const { edition } of editions) {
      const label = edition.parts[partId];
      if (label) partLabels[edition.lang] = label;
    }
    return {
      label: part.label,
      translations: partLabels,
      items: part.chapters.map((c) => {
        const titles: Record<string, string> = {};
        for (const { edition, titles: byChapter } of editions) {
          const title = byChapter.get(c.slug);
          if (title) titles[edition.lang] = numbered(c.number, title);
        }
        return { label: numbered(c.number, c.title), translations: titles, link: `/${c.slug}/` };
      }),
    };
  });
}
