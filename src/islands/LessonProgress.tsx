/**
 * "Mark as completed" on a lesson page: a toggle button (aria-pressed), pressed again to undo.
 * Also remembers this lesson as the last one opened.
 */
import { useEffect } from 'preact/hooks';
import { setCompleted, setLastLesson } from '../lib/progress/envelope.ts';
import { useProgress } from './useProgress.ts';
import { StorageNotice, type StorageNoticeStrings } from './StorageNotice.tsx';

export const LESSON_PROGRESS_KEYS = ['progress.markCompleted', 'progress.completedStatus', 'progress.notCompletedStatus'] as const;

interface Props {
  siteId: string;
  lessonId: string;
  locale: string;
  strings: Record<(typeof LESSON_PROGRESS_KEYS)[number], string> & StorageNoticeStrings;
}

export default function LessonProgress({ siteId, lessonId, locale, strings }: Props) {
  const [snapshot, client] = useProgress(siteId);
  useEffect(() => {
    client?.update((store, now) => setLastLesson(store, lessonId, locale, now));
  }, [client, lessonId, locale]);
  const done = Boolean(snapshot?.store.lessons[lessonId]?.completedAt);
  return (
    <div class="lesson-progress">
      <StorageNotice problem={snapshot?.problem} strings={strings} />
      <button
        type="button"
        class="btn"
        aria-pressed={snapshot ? done : false}
        disabled={!snapshot}
        onClick={() => client?.update((store, now) => setCompleted(store, lessonId, !done, now))}
      >
        <span aria-hidden="true" class="check">{done ? '✓' : '○'}</span> {strings['progress.markCompleted']}
      </button>
      <p class="status" role="status">{snapshot ? (done ? strings['progress.completedStatus'] : strings['progress.notCompletedStatus']) : '\u00a0'}</p>
    </div>
  );
}
