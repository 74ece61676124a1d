/**
 * The course in the one shape every island receives: modules in order, each with its lessons,
 * titles in the reader's locale (or the source language, marked), hours and links. Built once per
 * site and locale at build time and served as `/<locale>/course.json` (`outlinePath`), so a page
 * carries none of it in its HTML and islands load it when they start.
 */
import type { LocaleCourse } from '../content/course.ts';
import type { ModuleOutline } from '../progress/summary.ts';
import { href, lessonPath, modulePath } from '../routing/paths.ts';

/** A lesson as islands see it. */
export interface OutlineLesson {
  /** `<module-id>/<lesson-id>` */
  id: string;
  title: string;
  /** Set when the title is in another language than the reader's (a fallback): its locale code. */
  lang?: string;
  href: string;
  minutes: number;
}

/** A module as islands see it. */
export interface OutlineModule {
  id: string;
  /** Position in the course, 1–8 for the ordinance's areas. */
  number: number;
  title: string;
  lang?: string;
  href: string;
  plannedHours: number;
  lessons: OutlineLesson[];
}

/** The whole course for one locale. */
export interface CourseOutline {
  locale: string;
  modules: OutlineModule[];
  totalHours: number;
}

/** The outline of a locale's course. */
export function toOutline(course: LocaleCourse): CourseOutline {
  return {
    locale: course.locale,
    totalHours: course.totalHours,
    modules: course.modules.map((m) => ({
      id: m.id,
      number: m.order,
      title: m.title,
      ...(m.isFallback ? { lang: m.contentLocale } : {}),
      href: href(modulePath(course.locale, m.id)),
      plannedHours: m.plannedHours,
      lessons: m.lessons.map((l) => ({
        id: l.id,
        title: l.title,
        ...(l.isFallback ? { lang: l.contentLocale } : {}),
        href: href(lessonPath(course.locale, l.moduleId, l.lessonId)),
        minutes: l.minutes,
      })),
    })),
  };
}

/** The outline reduced to what progress summaries need. */
export function progressOutline(outline: Pick<CourseOutline, 'modules'>): ModuleOutline[] {
  return outline.modules.map((m) => ({ id: m.id, plannedHours: m.plannedHours, lessonIds: m.lessons.map((l) => l.id) }));
}

/** Every module and lesson of the outline by id: its title, language and link. */
export function outlineLinks(outline: Pick<CourseOutline, 'modules'>): Map<string, { title: string; lang?: string; href: string }> {
  const links = new Map<string, { title: string; lang?: string; href: string }>();
  for (const m of outline.modules) {
    links.set(m.id, { title: m.title, ...(m.lang ? { lang: m.lang } : {}), href: m.href });
    for (const l of m.lessons) links.set(l.id, { title: l.title, ...(l.lang ? { lang: l.lang } : {}), href: l.href });
  }
  return links;
}
