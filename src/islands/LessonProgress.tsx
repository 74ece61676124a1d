/**
 * "Mark as completed" on a lesson page: a toggle button (aria-pressed), pressed again to undo.
 * Also remembers this lesson as the last one opened. A change that could not be saved is said
 * next to the button, in the reader's language.
 */
import { useEffect } from 'preact/hooks';
import { setCompleted, setLastLesson } from '../lib/progress/changes.ts';
import { useProgress } from './hooks.ts';
import { StorageNotice, type StorageNoticeStrings } from './DataNotice.tsx';

export const LESSON_PROGRESS_KEYS = ['progress.markCompleted', 'progress.completedStatus', 'progress.notCompletedStatus'] as const;

interface Props {
  siteId: string;
  lessonId: string;
  locale: string;
  strings: Record<(typeof LESSON_PROGRESS_KEYS)[number], string> & StorageNoticeStrings;
}

export default function LessonProgress({ siteId, lessonId, locale, strings }: Props) {
  const [snapshot, store] = useProgress(siteId);
  useEffect(() => {
    store?.update((progress, now) => setLastLesson(progress, lessonId, locale, now));
  }, [store, lessonId, locale]);
  const done = Boolean(snapshot?.value.lessons[lessonId]?.completedAt);
  return (
    <div class="lesson-progress">
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
