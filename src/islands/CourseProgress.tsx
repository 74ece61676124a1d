/**
 * Progress bar for the course home (whole course, with "Continue where you left off") or one
 * module page. Server-rendered as an empty bar of the same size, filled after mount.
 */
import { format } from '../lib/i18n/format.ts';
import { summarize, type ModuleOutline } from '../lib/progress/summary.ts';
import { useProgress } from './useProgress.ts';
import { StorageNotice, type StorageNoticeStrings } from './StorageNotice.tsx';

export const COURSE_PROGRESS_KEYS = ['progress.lessonsDone', 'progress.hoursDone', 'progress.continue'] as const;

interface Props {
  siteId: string;
  modules: ModuleOutline[];
  /** Links to lessons in the reader's locale, for "Continue where you left off"; omit on module pages. */
  lessonLinks?: Record<string, { title: string; href: string }>;
  strings: Record<(typeof COURSE_PROGRESS_KEYS)[number], string> & StorageNoticeStrings;
  /** Offered once everything shown is completed, e.g. the module survey. */
  doneLink?: { href: string; label: string };
}

export default function CourseProgress({ siteId, modules, lessonLinks, strings, doneLink }: Props) {
  const [snapshot] = useProgress(siteId);
  const summary = summarize(snapshot?.store ?? { version: 1, siteId, updatedAt: '', lessons: {} }, modules);
  const last = snapshot?.store.lastLesson && lessonLinks?.[snapshot.store.lastLesson.id];
  const label = format(strings['progress.lessonsDone'], { done: summary.completed, total: summary.total });
  return (
    <div class="course-progress" data-progress-done={snapshot ? summary.completed : undefined}>
      <StorageNotice problem={snapshot?.problem} strings={strings} />
      <p class="progress-text">
        <span>{label}</span> · <span>{format(strings['progress.hoursDone'], { done: summary.hoursDone, total: summary.plannedHours })}</span>
      </p>
      <progress max={summary.total || 1} value={summary.completed} aria-label={label} />
      {doneLink && snapshot && summary.done && (
        <p>
          <a href={doneLink.href}>{doneLink.label}</a>
        </p>
      )}
      {lessonLinks && (
        <p class="continue">
          {last ? (
            <a class="btn" href={last.href}>
              {strings['progress.continue']}: <span>{last.title}</span>
            </a>
          ) : (
            '\u00a0'
          )}
        </p>
      )}
    </div>
  );
}
