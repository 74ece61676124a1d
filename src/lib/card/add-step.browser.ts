/**
 * "Add to my plan" beside the steps a lesson suggests (`CardStep.astro`). Browser-only.
 *
 * Lifecycle: on load each step shows its actions; the card store (and the validator it brings)
 * is loaded only when the browser is idle or the button is pressed, so a lesson's first load
 * carries none of it. Once loaded, the button follows the store: a step already in the plan
 * (added here, on the card page or in another tab) shows "In my plan" instead. Pressing adds the
 * step once (`addSuggestedStep` is idempotent), then moves focus to the link to the card.
 */

interface StepTexts {
  added: string;
  notSaved: string;
}

type CardApi = typeof import('./add-step.store.ts');
let api: Promise<CardApi> | undefined;
const loadApi = () => (api ??= import('./add-step.store.ts'));

/** Wires every suggested step under `root`. */
export function enhanceCardSteps(root: ParentNode): void {
  const steps = [...root.querySelectorAll<HTMLElement>('[data-card-step]')];
  for (const element of steps) {
    const { cardStep: stepId = '', site = '', lessonId, locale = '', texts = '{}' } = element.dataset;
    const strings = JSON.parse(texts) as StepTexts;
    const actions = element.querySelector<HTMLElement>('.card-step-actions');
    const button = actions?.querySelector('button');
    const status = actions?.querySelector<HTMLElement>('[role=status]');
    const link = actions?.querySelector('a');
    if (!actions || !button || !status || !link) continue;
    actions.hidden = false;

    const show = (added: boolean) => {
      button.hidden = added;
      status.textContent = added ? strings.added : '';
    };
    const follow = (card: CardApi) => {
      show(card.stepIsPlanned(site, stepId));
      card.onCardChange(site, () => show(card.stepIsPlanned(site, stepId)));
    };

    button.addEventListener('click', async () => {
      const card = await loadApi();
      if (card.planStep(site, stepId, lessonId, locale)) {
        show(true);
        link.focus();
      } else status.textContent = strings.notSaved;
    });
    const idle = (globalThis as { requestIdleCallback?: (fn: () => void) => void }).requestIdleCallback ?? ((fn: () => void) => setTimeout(fn, 1500));
    idle(() => void loadApi().then(follow));
  }
}
