/**
 * Loaded on a self-check's first "Check" (`SelfCheck.astro`): wires the form, records each score
 * in the participant's progress, and handles that first submission.
 */
import { deviceStore } from '../device-data/browser-store.ts';
import { recordSelfCheck } from '../progress/changes.ts';
import { progressStore } from '../progress/definitions.ts';
import { enhanceSelfCheck, type SelfCheckTexts } from './form.browser.ts';

/** Wires `form` and checks the answers given so far. */
export function enhanceAndCheck(form: HTMLFormElement): void {
  const { site = '', lessonId = '', texts = '{}' } = form.dataset;
  enhanceSelfCheck(form, JSON.parse(texts) as SelfCheckTexts, (score, total) => {
    if (lessonId) deviceStore(progressStore, site).update((progress, now) => recordSelfCheck(progress, lessonId, score, total, now));
  });
  form.dataset.enhanced = 'true';
  form.requestSubmit();
}
