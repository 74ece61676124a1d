/**
 * Records that a lesson was opened (cards mark it "started") and says "this lesson changed on …
 * since you last looked". Loaded when the browser is idle (`completion.browser.ts`). Only on
 * lessons the change log mentions does it fetch the locale's entries (`/<locale>/changes.json`)
 * and show those newer than the reader's last visit above the link to the whole log. A first
 * visit shows nothing.
 */
import { deviceStore } from '../device-data/browser-store.ts';
import { localDay } from '../i18n/dates.ts';
import { format } from '../i18n/format.ts';
import { changedSince, recordVisit as withVisit, visitsStore, type LessonChange } from './visits.ts';

/** Records this visit and, when the lesson has changes (`notice`), reveals those not seen yet. */
export async function recordVisit(siteId: string, lessonId: string, notice: HTMLElement | null): Promise<void> {
  const visits = deviceStore(visitsStore, siteId);
  const lastVisit = visits.snapshot().value.lessons[lessonId];
  visits.update((value, now) => withVisit(value, lessonId, localDay(now)));
  if (!lastVisit || !notice) return;
  let entries: LessonChange[] = [];
  try {
    const response = await fetch(notice.dataset.changedSince!);
    if (response.ok) entries = ((await response.json()) as Record<string, LessonChange[]>)[lessonId] ?? [];
  } catch {
    return; // offline and not cached: the notice is a courtesy, the lesson is current either way
  }
  const unseen = changedSince(entries, lastVisit);
  const link = notice.lastElementChild;
  for (const change of unseen) {
    const line = document.createElement('p');
    const when = document.createElement('strong');
    when.textContent = format(notice.dataset.text ?? '', { date: change.shown });
    const summary = document.createElement('span');
    summary.textContent = change.summary;
    if (change.lang) summary.lang = change.lang;
    line.append(when, ' ', summary);
    notice.insertBefore(line, link);
  }
  notice.hidden = unseen.length === 0;
}
