/**
 * "This lesson changed on … since you last looked". Loaded when the browser is idle
 * (`completion.browser.ts`), only on lessons the change log mentions: fetches the locale's
 * entries (`/<locale>/changes.json`), shows those newer than the reader's last visit above the
 * link to the whole log, then records today's visit. A first visit shows nothing.
 */
import { deviceStore } from '../device-data/browser-store.ts';
import { localDay } from '../i18n/dates.ts';
import { format } from '../i18n/format.ts';
import { changedSince, recordVisit, visitsStore, type LessonChange } from './visits.ts';

/** Reveals the unseen changes in `notice` and records this visit. */
export async function showChangesSince(notice: HTMLElement, siteId: string, lessonId: string): Promise<void> {
  const visits = deviceStore(visitsStore, siteId);
  const lastVisit = visits.snapshot().value.lessons[lessonId];
  visits.update((value, now) => recordVisit(value, lessonId, localDay(now)));
  if (!lastVisit) return;
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
