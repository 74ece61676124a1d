/**
 * The completion control at the end of a lesson (`LessonCompletion.astro`).
 *
 * Lifecycle: on load it opens the progress store, shows "Mark as completed" or "Completed ✓ /
 * Undo / next lesson" from what the device holds, remembers this lesson as the last one opened,
 * and follows changes from other tabs (`storage` events, through the store). Marking moves focus
 * to the "Completed" label, so a screen reader hears the new state; Undo moves it back to the
 * button. A change that cannot be saved shows a storage notice in the reader's language (linking
 * to "My progress", which names the exact problem) and keeps the state as it was saved. When the browser is idle, it loads the "changed since you
 * last looked" notice (`changes-since.browser.ts`): it is not needed to read or to mark progress.
 */
import { deviceStore, type StoreSnapshot } from '../device-data/browser-store.ts';
import type { ProgressStore } from '../../schemas/progress.ts';
import { setCompleted, setLastLesson } from './changes.ts';
import { progressStore } from './definitions.ts';

interface Statuses {
  'progress.completedStatus': string;
  'progress.notCompletedStatus': string;
}

/** Runs `task` when the browser is idle (or soon, where it cannot tell). */
function whenIdle(task: () => void): void {
  const idle = (globalThis as { requestIdleCallback?: (callback: () => void, options: { timeout: number }) => void }).requestIdleCallback;
  if (idle) idle(task, { timeout: 3000 });
  else setTimeout(task, 200);
}

/** Wires one completion control. */
export function enhanceCompletion(root: HTMLElement): void {
  const { site = '', lessonId: lesson = '', locale = '' } = root.dataset;
  const statuses = JSON.parse(root.dataset.statuses ?? '{}') as Statuses;
  const todo = root.querySelector<HTMLElement>('[data-when=todo]')!;
  const done = root.querySelector<HTMLElement>('[data-when=done]')!;
  const mark = root.querySelector<HTMLButtonElement>('[data-complete]')!;
  const undo = root.querySelector<HTMLButtonElement>('[data-undo]')!;
  const label = root.querySelector<HTMLElement>('[data-completed-label]')!;
  const status = root.querySelector<HTMLElement>('[data-status]')!;
  const problems = root.querySelector<HTMLElement>('[data-storage-problem]')!;
  const store = deviceStore(progressStore, site);

  const show = (snapshot: StoreSnapshot<ProgressStore>) => {
    const completed = Boolean(snapshot.value.lessons[lesson]?.completedAt);
    todo.hidden = completed;
    done.hidden = !completed;
    mark.disabled = false;
    problems.hidden = !snapshot.problem;
    if (snapshot.problem) problems.dataset.storageProblem = snapshot.problem;
    for (const line of problems.querySelectorAll<HTMLElement>('[data-problem]')) {
      line.hidden = (line.dataset.problem === 'storage-unavailable') !== (snapshot.problem === 'storage-unavailable');
    }
    return completed;
  };
  const change = (completed: boolean) => {
    store.update((progress, now) => setCompleted(progress, lesson, completed, now));
    const shown = show(store.snapshot());
    status.textContent = shown ? statuses['progress.completedStatus'] : statuses['progress.notCompletedStatus'];
    (shown ? label : mark).focus();
  };

  show(store.snapshot());
  store.subscribe(show);
  store.update((progress, now) => setLastLesson(progress, lesson, locale, now));
  mark.addEventListener('click', () => change(true));
  undo.addEventListener('click', () => change(false));

  const notice = root.querySelector<HTMLElement>('[data-changed-since]');
  whenIdle(() => void import('./changes-since.browser.ts').then(({ recordVisit }) => recordVisit(site, lesson, notice)));
}
