/** <check-answer>: a multiple-choice self-check (components/CheckAnswer.astro) that says whether the pick is right and why. */
import { addStrings, t } from '../../src/i18n/ui.ts';
import checkStrings from '../../src/i18n/figures/check-answer.ts';

class CheckAnswer extends HTMLElement {
  connectedCallback(): void {
    const button = this.querySelector('button');
    const feedback = this.querySelector<HTMLElement>('.feedback');
    const why = this.querySelector('template')?.content.textContent?.trim() ?? '';
    if (!button || !feedback) return;
    button.addEventListener('click', () => {
      const chosen = this.querySelector<HTMLInputElement>('input[type="radio"]:checked');
      if (!chosen) {
        feedback.textContent = t('check.pickFirst');
        this.dataset.result = 'none';
        return;
      }
      const right = chosen.value === this.dataset.answer;
      this.dataset.result = right ? 'right' : 'wrong';
      feedback.textContent = right ? t('check.right', { why }) : t('check.wrong');
    });
  }
}

export function defineCheckAnswer(): void {
  // This island speaks before any figure loads: it brings its own few strings.
  addStrings(checkStrings);
  if (!customElements.get('check-answer')) customElements.define('check-answer', CheckAnswer);
}
