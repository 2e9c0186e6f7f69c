/**
 * The translation catalogue for everything a figure says that is not chapter prose:
 * status lines, buttons, labels, tooltips, table captions and headers, notices and
 * error messages. One key, one string per language; `t(key, params)` picks the
 * page's language from <html lang> (Starlight sets it per edition), so a component
 * needs no language plumbing.
 *
 * Shared pieces (figure shell, training buttons, live-figure status, URL-state
 * notices) are here. Each figure adds its own strings in src/i18n/figures/<figure>.ts
 * (`export default { en: {…}, 'zh-CN': {…} }`, keys prefixed with the figure's name);
 * they are merged in automatically on the server and, in the browser, before the first
 * figure mounts (see below). tests/unit/i18n-catalogue.test.ts fails when a key
 * exists in English but not in another language, or the two use different {params}.
 *
 * A missing key renders as ⟦key⟧, visibly, and the end-to-end tests look for it.
 */
import { EDITIONS, editionOfLang } from './locales.ts';

export type Strings = Record<string, string>;
export type Catalogue = Record<string, Strings>;

const shared: Catalogue = {
  en: {
    // FigureShell.astro, figure-shell.ts, figure-link.ts
    'figure.word': 'Figure',
    'figure.engineLoads': 'Engine loads when this figure is on screen',
    'figure.copyLink': 'Copy link to this view',
    'figure.linkCopied': 'Link copied',
    'figure.copyPrompt': 'Copy this link:',
    'figure.citeOrEmbed': 'Cite or embed',
    'figure.bibtex': 'BibTeX for this exact view',
    'figure.embed': 'Embed it in a course page',
    'figure.citeHint': "Both include the figure's current settings; change the figure first, then copy.",
    'figure.linkTitle': 'Link to this figure',
    'figure.numbers': 'Numbers behind the picture',
    'figure.plainJs': 'Plain JavaScript (no TF.js needed)',
    'figure.embedSource': '{label} in “{chapter}”, {book}',
    'figure.embedFrom': 'From',
    'figure.book': 'Explaining Deep Learning',
    // TrainingButtons.astro and live-figure.ts
    'train.train': 'Train',
    'train.pause': 'Pause',
    'train.step': 'Step one epoch',
    'train.reset': 'Reset',
    'live.starting': 'starting the engine…',
    'live.backend': 'TF.js backend: {backend} ({reason})',
    'live.ready': 'ready',
    'live.loading': '{message} ({percent}%)',
    'live.epoch': 'epoch {epoch}',
    'live.finished': 'finished {epochs} epochs',
    'live.paused': 'paused',
    'live.diverged': 'diverged',
    'live.error': 'error',
    'live.training': 'training…',
    'live.trainingOne': 'training one epoch…',
    'live.reset': 'reset',
    'live.pausedOffscreen': 'paused while off screen',
    'live.workerStopped': "The figure's worker stopped: {message}. Reload the page to try again.",
    'live.unknownError': 'unknown error',
    'live.badControl': '{label} {reason}; keeping {value}.',
    // src/state/url-state.ts
    'state.tooLong': 'is too long',
    'state.oneOf': 'must be one of {options}',
    'state.notNumber': 'is not a number',
    'state.whole': 'must be a whole number',
    'state.between': 'must be between {min} and {max}',
    'state.ignored': 'Ignored {label} from the link: it {reason}. Using {value}.',
    // src/build/code-listings.mjs and components/book/listings-on-demand.ts
    'listing.lines': '{n} lines',
    'listing.open': 'Open the listing on its own',
    'listing.loading': 'Loading the listing…',
    'listing.failed': 'The listing could not be loaded ({message}).',
    // components/overrides/PageTitle.astro
    'i18n.stale': 'This translation may be out of date: the English original has changed since it was translated.',
    'i18n.readEnglish': 'Read the English original',
    'book.contents': 'Contents',
  },
  'zh-CN': {
    'figure.word': '图',
    'figure.engineLoads': '图滚动到屏幕上时才加载计算引擎',
    'figure.copyLink': '复制此视图的链接',
    'figure.linkCopied': '链接已复制',
    'figure.copyPrompt': '请复制此链接：',
    'figure.citeOrEmbed': '引用或嵌入',
    'figure.bibtex': '此视图的 BibTeX 引用',
    'figure.embed': '嵌入到课程网页',
    'figure.citeHint': '两者都包含图的当前设置；请先调整好图，再复制。',
    'figure.linkTitle': '链接到此图',
    'figure.numbers': '图中的数值',
    'figure.plainJs': '纯 JavaScript 计算（无需 TF.js）',
    'figure.embedSource': '{book}，“{chapter}”中的{label}',
    'figure.embedFrom': '出自',
    'figure.book': '解释深度学习',
    'train.train': '训练',
    'train.pause': '暂停',
    'train.step': '训练一轮',
    'train.reset': '重置',
    'live.starting': '正在启动计算引擎…',
    'live.backend': 'TF.js 后端：{backend}（{reason}）',
    'live.ready': '就绪',
    'live.loading': '{message}（{percent}%）',
    'live.epoch': '第 {epoch} 轮',
    'live.finished': '已完成 {epochs} 轮训练',
    'live.paused': '已暂停',
    'live.diverged': '训练发散',
    'live.error': '出错',
    'live.training': '训练中…',
    'live.trainingOne': '正在训练一轮…',
    'live.reset': '已重置',
    'live.pausedOffscreen': '图已移出屏幕，训练暂停',
    'live.workerStopped': '图的计算线程（Worker）已停止：{message}。请刷新页面重试。',
    'live.unknownError': '未知错误',
    'live.badControl': '{label}{reason}；保留 {value}。',
    'listing.lines': '共 {n} 行',
    'listing.open': '单独打开这段代码',
    'listing.loading': '正在载入代码…',
    'listing.failed': '代码载入失败（{message}）。',
    'state.tooLong': '过长',
    'state.oneOf': '必须是 {options} 之一',
    'state.notNumber': '不是数字',
    'state.whole': '必须是整数',
    'state.between': '必须在 {min} 与 {max} 之间',
    'state.ignored': '已忽略链接中的{label}：它{reason}。改用 {value}。',
    'i18n.stale': '本译文可能已过时：英文原文在翻译后有改动。',
    'i18n.readEnglish': '阅读英文原文',
    'book.contents': '目录',
  },
};

/** Every string known so far, by language: the shared ones, then each catalogue added. */
export const CATALOGUE: Catalogue = {};

/** Adds catalogues (later keys win). Figures' strings arrive this way in the browser. */
export function addStrings(...catalogues: Catalogue[]): void {
  for (const cat of catalogues) {
    for (const [lang, strings] of Object.entries(cat)) CATALOGUE[lang] = { ...CATALOGUE[lang], ...strings };
  }
}
addStrings(shared);

// Figures' strings are not imported here: all of them together weigh more than a page's
// whole script budget. ./all-figures.ts adds them: on the server it is imported by the
// page chrome (components/overrides/PageTitle.astro, FigureShell.astro) and by Vitest's
// setup; in the browser by components/figures/lazy-figure.ts, before the first figure's
// code, and the few islands that speak before any figure loads add their own catalogue.

export const LANGS = EDITIONS.map((e) => e.lang);

/** The page's language: <html lang> in a browser, English elsewhere (Node, workers). */
export function pageLang(): string {
  return typeof document === 'undefined' ? 'en' : editionOfLang(document.documentElement.lang).lang;
}

function fill(text: string, params: Record<string, unknown>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/**
 * The string for `key` in `lang` (default: the page's language), with {name}
 * placeholders filled from `params`. A key the language lacks renders as ⟦key⟧.
 */
export function t(key: string, params: Record<string, unknown> = {}, lang: string = pageLang()): string {
  const text = CATALOGUE[editionOfLang(lang).lang]?.[key];
  return text === undefined ? `⟦${key}⟧` : fill(text, params);
}

/** Like t, but for strings that may legitimately have no entry (e.g. a figure's own field labels): falls back to `fallback`. */
export function tOr(key: string, fallback: string, params: Record<string, unknown> = {}, lang: string = pageLang()): string {
  const text = CATALOGUE[editionOfLang(lang).lang]?.[key];
  return text === undefined ? fallback : fill(text, params);
}

/** The language of the page an Astro component renders into (Starlight's route data). */
export function langOf(astro: { locals: unknown }): string {
  return (astro.locals as { starlightRoute?: { lang?: string } }).starlightRoute?.lang ?? 'en';
}
