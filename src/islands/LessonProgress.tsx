/**
 * "Mark as completed" on a lesson page: a toggle button (aria-pressed), pressed again to undo.
 * Also remembers this lesson as the last one opened, and the day it was opened, so that a reader
 * coming back after the course changed this lesson is told what changed since they last looked.
 * A change that could not be saved is said next to the button, in the reader's language.
 */
import { useEffect, useState } from 'preact/hooks';
import { setCompleted, setLastLesson } from '../lib/progress/changes.ts';
import { changedSince, recordVisit, visitsStore } from '../lib/progress/visits.ts';
import { localDay } from '../lib/i18n/dates.ts';
import { format } from '../lib/i18n/format.ts';
import { useProgress, useStore } from './hooks.ts';
import { StorageNotice, type StorageNoticeStrings } from './DataNotice.tsx';

export const LESSON_PROGRESS_KEYS = ['progress.markCompleted', 'progress.completedStatus', 'progress.notCompletedStatus', 'lesson.changedSince', 'lesson.allChanges'] as const;

/** A change-log entry about this lesson, its summary already in the reader's language (or the source's). */
export interface LessonChange {
  /** YYYY-MM-DD */
  date: string;
  /** The date as the reader writes it. */
  shown: string;
  summary: string;
  /** Set when the summary is in another language than the page. */
  lang?: string;
}

interface Props {
  siteId: string;
  lessonId: string;
  locale: string;
  /** This lesson's change-log entries, newest first. */
  changes?: LessonChange[];
  changesHref: string;
  strings: Record<(typeof LESSON_PROGRESS_KEYS)[number], string> & StorageNoticeStrings;
}

export default function LessonProgress({ siteId, lessonId, locale, changes = [], changesHref, strings }: Props) {
  const [snapshot, store] = useProgress(siteId);
  const [, visits] = useStore(visitsStore, siteId);
  const [unseen, setUnseen] = useState<LessonChange[]>([]);
  useEffect(() => {
    store?.update((progress, now) => setLastLesson(progress, lessonId, locale, now));
  }, [store, lessonId, locale]);
  useEffect(() => {
    if (!visits) return;
    setUnseen(changedSince(changes, visits.snapshot().value.lessons[lessonId]));
    visits.update((value, now) => recordVisit(value, lessonId, localDay(now)));
  }, [visits, lessonId]);
  const done = Boolean(snapshot?.value.lessons[lessonId]?.completedAt);
  return (
    <div class="lesson-progress">
      {unseen.length > 0 && (
        <div class="notice" role="note" data-changed-since>
          {unseen.map((change) => (
            <p key={change.date}>
              <strong>{format(strings['lesson.changedSince'], { date: change.shown })}</strong> <span lang={change.lang}>{change.summary}</span>
            </p>
          ))}
          <p>
            <a href={changesHref}>{strings['lesson.allChanges']}</a>
          </p>
        </div>
      )}
      <StorageNotice problem={snapshot?.problem} strings={strings} />
      <button
        type="button"
        class="btn"
        aria-pressed={snapshot ? done : false}
        disabled={!snapshot}
        onClick={() => store?.update((progress, now) => setCompleted(progress, lessonId, !done, now))}
      >
        <span aria-hidden="true" class="check">{done ? '✓' : '○'}</span> {strings['progress.markCompleted']}
      </button>
      <p class="status" role="status">{snapshot ? (done ? strings['progress.completedStatus'] : strings['progress.notCompletedStatus']) : '\u00a0'}</p>
    </div>
  );
}
