/**
 * Every figure's strings (src/i18n/figures/*.ts), added to the catalogue. In the browser
 * only components/figures/lazy-figure.ts imports it, before a figure's controller, so the
 * strings travel with the figures' code, not with the page's first download; on the server
 * the page chrome imports it (PageTitle.astro, FigureShell.astro), and Vitest's setup.
 */
import { addStrings, type Catalogue } from './ui.ts';

const modules = import.meta.glob<{ default: Catalogue }>('./figures/*.ts', { eager: true });
addStrings(...Object.values(modules).map((m) => m.default));
