/**
 * The one script that brings a page's interactive parts to life, in place of a
 * <script> per component. Each component script used to be its own module request
 * (twelve on the SHAP chapter), and on a phone's connection those requests queued
 * ahead of the maths fonts the first formula waits for; as one module they are one
 * request. Order matters: figure shells, then the figures (each starts its controller
 * only when near the viewport), then the runnable listings and the exercises, which
 * look up the figures they watch. Long code listings load when opened.
 */
import { mountFigureShells } from '../figures/figure-shell.ts';
import { mountFiguresWhenNear } from '../figures/lazy-figure.ts';
import { FIGURE_CONTROLLERS } from '../figures/registry.ts';
import { mountRunnables } from '../live/runnable.ts';
import { defineCheckAnswer } from './check-answer-element.ts';
import { defineFigureTask } from './figure-task-element.ts';
import { mountListingsOnDemand } from './listings-on-demand.ts';

export function mountIslands(): void {
  mountFigureShells();
  mountFiguresWhenNear(FIGURE_CONTROLLERS);
  mountRunnables();
  mountListingsOnDemand();
  defineCheckAnswer();
  defineFigureTask();
}
