/**
 * The part of "Add to my plan" that touches the card store, loaded on demand by
 * `add-step.browser.ts` so that lessons do not carry the store's validator up front.
 */
import { deviceStore } from '../device-data/browser-store.ts';
import { randomUuid, toIsoDay } from '../device-data/ids.ts';
import { cardStore } from './definitions.ts';
import { addSuggestedStep, changeStoredCard, hasStep } from './edit.ts';

/** True when the step is on the card kept on this device. */
export function stepIsPlanned(siteId: string, stepId: string): boolean {
  return hasStep(deviceStore(cardStore, siteId).snapshot().value.card, stepId);
}

/** Calls `listener` whenever the card changes (here or in another tab). */
export function onCardChange(siteId: string, listener: () => void): void {
  deviceStore(cardStore, siteId).subscribe(listener);
}

/** Adds the step to the plan; false when it could not be saved on this device. */
export function planStep(siteId: string, stepId: string, lessonId: string | undefined, pageLocale: string): boolean {
  const result = deviceStore(cardStore, siteId).update((value, now) =>
    changeStoredCard(value, (card) => addSuggestedStep(card, stepId, { id: randomUuid(), day: toIsoDay(now), ...(lessonId ? { lessonId } : {}) }), now, pageLocale),
  );
  return result.saved;
}
