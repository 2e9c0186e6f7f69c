/**
 * The one script that brings a page's interactive parts to life (started from the
 * Head override, after the table-of-contents speed-up), in place of a <script> per
 * component. Each component script used to be its own module request
 * (twelve on the SHAP chapter), and on a phone's connection those requests queued
 * ahead of the maths fonts the first formula waits for; as one module they are one
 * request. Order matters: the page-wide helpers (citation cards, keyboard access to
 * scrolling boxes, the offline notice), figure shells, then the figures (each starts its controller
 * only when near the viewport), then the runnable listings and the exercises, which
 * look up the figures they watch. Long code listings load when opened.
 */
import { mountCitationCards } from './citation-cards.ts';
import { mountScrollRegions } from './scroll-regions.ts';
import { mountOffline } from './offline.ts';
import { mountFigureShells } from '../figures/figure-shell.ts';
import { mountFiguresWhenNear } from '../figures/lazy-figure.ts';
import { FIGURE_CONTROLLERS } from '../figures/registry.ts';
import { mountRunnables } from '../live/runnable.ts';
import { defineCheckAnswer } from './check-answer-element.ts';
import { defineFigureTask } from './figure-task-element.ts';
import { mountListingsOnDemand } from './listings-on-demand.ts';

/** @param base the site's path with a trailing slash (the offline notice's service worker lives there). */
export function mountIslands(base: string): void {
  mountCitationCards();
  mountScrollRegions();
  mountOffline(base);
  mountFigureShells();
  mountFiguresWhenNear(FIGURE_CONTROLLERS);
  mountRunnables();
  mountListingsOnDemand();
  defineCheckAnswer();
  defineFigureTask();
}
