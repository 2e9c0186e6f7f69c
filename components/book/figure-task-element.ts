/** <figure-task>: an exercise (components/FigureTask.astro) that watches a live figure's data attribute and ticks itself when the reader reaches the goal. */
import { conditionFromDataset, conditionMet } from '../../src/figures/figure-task/condition.ts';
import { addStrings, t } from '../../src/i18n/ui.ts';
import taskStrings from '../../src/i18n/figures/figure-task.ts';

class FigureTask extends HTMLElement {
  private observer: MutationObserver | null = null;

  connectedCallback(): void {
    const status = this.querySelector<HTMLElement>('[data-out="task-status"]')!;
    const success = this.querySelector<HTMLElement>('[data-out="task-success"]')!;
    const cond = conditionFromDataset(this.dataset);
    const root = document.querySelector<HTMLElement>(`[data-figure-id="${CSS.escape(cond.figure)}"]`);
    if (!root) {
      status.textContent = t('task.missing', { figure: cond.figure });
      this.dataset.done = 'missing';
      return;
    }
    const name = `data-${cond.attr}`;
    const test = () => {
      if (this.dataset.done === 'true') return;
      if (conditionMet(cond, root.getAttribute(name))) {
        this.dataset.done = 'true';
        status.textContent = t('task.done');
        success.hidden = false;
        this.observer?.disconnect();
        this.observer = null;
      } else {
        const started = root.dataset.ready === 'true' || root.hasAttribute(name);
        status.textContent = `${started ? t('task.watching') : t('task.waiting')}`;
      }
    };
    this.observer = new MutationObserver(test);
    this.observer.observe(root, { attributes: true, attributeFilter: [name, 'data-ready'] });
    test();
  }

  disconnectedCallback(): void {
    this.observer?.disconnect();
    this.observer = null;
  }
}

export function defineFigureTask(): void {
  // This island speaks before any figure loads: it brings its own few strings.
  addStrings(taskStrings);
  if (!customElements.get('figure-task')) customElements.define('figure-task', FigureTask);
}
