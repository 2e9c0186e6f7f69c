/**
 * The book's editions. English is the root locale (no URL prefix); each translation
 * lives in content/<locale>/ under the same part folders and file names, so
 * content/zh-cn/how-networks-compute/neuron.mdx is /zh-cn/how-networks-compute/neuron/.
 *
 * Plain data, no imports: read by astro.config.mjs, the build checks, the status
 * report and the browser.
 */
export interface Edition {
  /** URL prefix and folder under content/ ('' for the English root). */
  locale: string;
  /** BCP-47 language tag, written to <html lang>. */
  lang: string;
  /** Name shown in the language switch. */
  label: string;
  /** Part labels by part id (src/content/parts.ts). */
  parts: Record<string, string>;
  /** How cross-references read: "Chapter 4", "Section 4.2", "Eq. (4.3)", "Figure 4.1". */
  words: { chapter: (n: string) => string; section: (n: string) => string; equation: (n: string) => string; figure: (n: string) => string; figureWord: string };
}

export const ENGLISH: Edition = {
  locale: '',
  lang: 'en',
  label: 'English',
  parts: {},
  words: { chapter: (n) => `Chapter ${n}`, section: (n) => `Section ${n}`, equation: (n) => `Eq. (${n})`, figure: (n) => `Figure ${n}`, figureWord: 'Figure' },
};

export const TRANSLATIONS: Edition[] = [
  {
    locale: 'zh-cn',
    lang: 'zh-CN',
    label: '简体中文',
    parts: {
      front: '前言',
      'black-box': '打开黑箱',
      compute: '神经网络如何计算',
      inside: '看见内部',
      explaining: '解释预测',
      judging: '评判解释',
      back: '附录',
    },
    words: { chapter: (n) => `第 ${n} 章`, section: (n) => `第 ${n} 节`, equation: (n) => `式 (${n})`, figure: (n) => `图 ${n}`, figureWord: '图' },
  },
];

export const EDITIONS: Edition[] = [ENGLISH, ...TRANSLATIONS];

/** The edition a content slug belongs to: 'zh-cn/seeing-inside/cam' → zh-cn; 'seeing-inside/cam' → English. */
export function editionOfSlug(slug: string): Edition {
  const first = slug.split('/')[0];
  return TRANSLATIONS.find((e) => e.locale === first) ?? ENGLISH;
}

/** The English slug a translated slug mirrors: 'zh-cn/seeing-inside/cam' → 'seeing-inside/cam', 'zh-cn' → ''. */
export function sourceSlug(slug: string): string {
  const edition = editionOfSlug(slug);
  if (!edition.locale) return slug;
  return slug === edition.locale ? '' : slug.slice(edition.locale.length + 1);
}

/** The slug of an English page in an edition: ('seeing-inside/cam', zh) → 'zh-cn/seeing-inside/cam'; ('', zh) → 'zh-cn'. */
export function localizedSlug(englishSlug: string, edition: Edition): string {
  if (!edition.locale) return englishSlug;
  return englishSlug ? `${edition.locale}/${englishSlug}` : edition.locale;
}

/** The edition for an <html lang> value ('zh-CN', 'zh', 'en-GB' …); English when unknown. */
export function editionOfLang(lang: string | null | undefined): Edition {
  const l = (lang ?? '').toLowerCase();
  return EDITIONS.find((e) => e.lang.toLowerCase() === l) ?? TRANSLATIONS.find((e) => l.startsWith(e.lang.toLowerCase().split('-')[0]!)) ?? ENGLISH;
}
