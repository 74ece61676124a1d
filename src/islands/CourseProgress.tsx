/**
 * Progress bar for the course home (whole course, with "Continue where you left off") or one
 * module page. Server-rendered as an empty bar of the same size, filled after mount.
 */
import { format } from '../lib/i18n/format.ts';
import { summarize, type ModuleOutline } from '../lib/progress/summary.ts';
import { emptyProgress } from '../lib/progress/definitions.ts';
import type { CourseOutline } from '../lib/page/outline.ts';
import { outlineLinks, progressOutline } from '../lib/page/outline.ts';
import { useOutline, useProgress } from './hooks.ts';
import { StorageNotice, type StorageNoticeStrings } from './DataNotice.tsx';

export const COURSE_PROGRESS_KEYS = ['progress.lessonsDone', 'progress.hoursDone', 'progress.continue'] as const;

interface Props {
  siteId: string;
  locale: string;
  /** The modules to sum up; when absent, the whole course from the outline, with "Continue". */
  modules?: ModuleOutline[];
  strings: Record<(typeof COURSE_PROGRESS_KEYS)[number], string> & StorageNoticeStrings;
  /** Offered once everything shown is completed, e.g. the module survey. */
  doneLink?: { href: string; label: string };
}

export default function CourseProgress({ siteId, locale, modules, strings, doneLink }: Props) {
  const [snapshot] = useProgress(siteId);
  // The home page sums the whole course and links the last lesson: it needs the outline.
  const outline = useOutline(modules ? null : locale);
  const course: CourseOutline | null = modules || outline === 'failed' ? null : outline;
  const shown = modules ?? (course ? progressOutline(course) : []);
  const summary = summarize(snapshot?.value ?? emptyProgress(siteId, new Date(0)), shown);
  const lastId = snapshot?.value.lastLesson?.id;
  const last = course && lastId ? outlineLinks(course).get(lastId) : undefined;
  const ready = snapshot && (modules || course);
  const label = format(strings['progress.lessonsDone'], { done: summary.completed, total: summary.total });
  return (
    <div class="course-progress" data-progress-done={ready ? summary.completed : undefined}>
      <StorageNotice problem={snapshot?.problem} strings={strings} />
      <p class="progress-text">
        <span>{label}</span> · <span>{format(strings['progress.hoursDone'], { done: summary.hoursDone, total: summary.plannedHours })}</span>
      </p>
      <progress max={summary.total || 1} value={summary.completed} aria-label={label} />
      {doneLink && ready && summary.done && (
        <p>
          <a href={doneLink.href}>{doneLink.label}</a>
        </p>
      )}
      {!modules && (
        <p class="continue">
          {last ? (
            <a class="btn" href={last.href}>
              {strings['progress.continue']}: <span lang={last.lang}>{last.title}</span>
            </a>
          ) : (
            '\u00a0'
          )}
        </p>
      )}
    </div>
  );
}
