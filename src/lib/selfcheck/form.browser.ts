/**
 * The self-check form on a lesson page, made interactive. Browser-only; the quiz itself is plain
 * HTML rendered at build time (`SelfCheck.astro`), so it reads and prints without JavaScript.
 *
 * Lifecycle: "Check" scores the answers (`scoreSelfCheck`), shows the feedback that was rendered
 * hidden, locks the questions and records the score through `onScore`; the button then reads
 * "Try again", which clears the form. Unanswered questions leave everything as it was, with a note.
 */
import { format } from '../i18n/format.ts';
import { scoreSelfCheck } from './score.ts';

/** The texts the form shows, in the reader's language; `score` has `{{score}}` and `{{total}}`. */
export interface SelfCheckTexts {
  correct: string;
  incorrect: string;
  score: string;
  unanswered: string;
  check: string;
  retry: string;
}

/** Wires one self-check form. */
export function enhanceSelfCheck(form: HTMLFormElement, texts: SelfCheckTexts, onScore: (score: number, total: number) => void): void {
  const fieldsets = [...form.querySelectorAll<HTMLFieldSetElement>('fieldset')];
  const status = form.querySelector<HTMLElement>('[role=status]')!;
  const button = form.querySelector<HTMLButtonElement>('button[type=submit]')!;
  let checked = false;

  const reset = () => {
    checked = false;
    form.reset();
    for (const fieldset of fieldsets) {
      fieldset.disabled = false;
      fieldset.removeAttribute('aria-describedby');
      fieldset.querySelector<HTMLElement>('.fb')!.hidden = true;
    }
    status.textContent = '';
    button.textContent = texts.check;
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (checked) return reset();
    const chosen = fieldsets.map((fieldset) => {
      const input = fieldset.querySelector<HTMLInputElement>('input:checked');
      return input ? Number(input.value) : null;
    });
    const outcome = scoreSelfCheck(chosen, fieldsets.map((fieldset) => Number(fieldset.dataset.answer)));
    if (!outcome.complete) {
      status.textContent = texts.unanswered;
      return;
    }
    checked = true;
    fieldsets.forEach((fieldset, i) => {
      const feedback = fieldset.querySelector<HTMLElement>('.fb')!;
      feedback.id ||= `${fieldset.querySelector('input')!.name}-fb`;
      feedback.className = outcome.right[i] ? 'fb fb-ok' : 'fb fb-bad';
      feedback.querySelector('strong')!.textContent = outcome.right[i] ? texts.correct : texts.incorrect;
      feedback.hidden = false;
      fieldset.setAttribute('aria-describedby', feedback.id);
      fieldset.disabled = true;
    });
    status.textContent = format(texts.score, { score: outcome.score, total: outcome.total });
    button.textContent = texts.retry;
    onScore(outcome.score, outcome.total);
  });
  form.dataset.ready = 'true';
}
