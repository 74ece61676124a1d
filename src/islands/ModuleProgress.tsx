/**
 * Progress on a module page: `CourseProgress` for one module, with the module's lessons taken from
 * the course outline (`/<locale>/course.json`) instead of the page, which would otherwise carry
 * every lesson id of the module and grow with it. Until the outline has loaded, a placeholder of
 * the same shape (a line of text and a bar) holds the place, so nothing moves when it arrives.
 */
import { progressOutline } from '../lib/page/outline.ts';
import CourseProgress, { COURSE_PROGRESS_KEYS } from './CourseProgress.tsx';
import type { StorageNoticeStrings } from './DataNotice.tsx';
import { useOutline } from './hooks.ts';

export const MODULE_PROGRESS_KEYS = COURSE_PROGRESS_KEYS;

interface Props {
  siteId: string;
  locale: string;
  moduleId: string;
  strings: Record<(typeof COURSE_PROGRESS_KEYS)[number], string> & StorageNoticeStrings;
  /** Offered once every lesson of the module is completed: the module survey. */
  doneLink?: { href: string; label: string };
}

export default function ModuleProgress({ siteId, locale, moduleId, strings, doneLink }: Props) {
  const outline = useOutline(locale);
  const module = outline && outline !== 'failed' ? outline.modules.find((m) => m.id === moduleId) : undefined;
  if (!module) {
    return (
      <div class="course-progress" data-progress-pending={outline === 'failed' ? 'failed' : 'loading'}>
        <p class="progress-text">{'\u00a0'}</p>
        <progress max={1} value={0} aria-hidden="true" />
      </div>
    );
  }
  return <CourseProgress siteId={siteId} locale={locale} modules={progressOutline({ modules: [module] })} strings={strings} {...(doneLink ? { doneLink } : {})} />;
}
