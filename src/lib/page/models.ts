/**
 * The page model: one pure function per kind of route returns everything its page and islands
 * need (in the spirit of Starlight's route data). Pages stay a few lines: they render a model.
 * `src/astro/routes.ts` calls these from `getStaticPaths` with the loaded course.
 */
import type { LocaleCourse, ResolvedLesson, ResolvedModule } from '../content/course.ts';
import type { Change } from '../../schemas/change.ts';
import { resolveLocalized } from '../content/fallback.ts';
import { SOURCE_LOCALE } from '../i18n/locales.ts';
import { homePath, href, lessonPath, modulePath, pagePaths } from '../routing/paths.ts';

/** A notice a content page shows above its text. */
export type ContentNotice =
  /** No translation: the source text is shown. */
  | 'fallback'
  /** A machine translation nobody has reviewed. */
  | 'machine'
  /** A translation of an older revision of the source text. */
  | 'stale';

/** What every page has. */
export interface PageModel {
  /** The reader's locale: the page chrome. */
  locale: string;
  /** Root-relative path of this page (without the base). */
  path: string;
}

/** The language of a page's main text, and the notices it needs. */
export interface ContentModel {
  /** The locale the text is in (the source locale on a fallback page). */
  contentLocale: string;
  isFallback: boolean;
  notices: ContentNotice[];
  /** The same text in the source language, for "read the original". */
  sourceHref: string;
}

/** A link with a title that may be in another language than the page. */
export interface TitledLink {
  title: string;
  href: string;
  /** Set when the title is in another language than the reader's. */
  lang?: string;
}

/** A change-log entry as a page shows it. */
export interface ChangeEntry {
  /** YYYY-MM-DD */
  date: string;
  kind: Change['kind'];
  /** The summary in the reader's locale, or the source language (`lang` set). */
  summary: string;
  lang?: string;
  /** The lessons it concerns, with links in the reader's locale. */
  lessons: Array<{ id: string } & TitledLink>;
}

export interface LessonModel extends PageModel, ContentModel {
  lesson: ResolvedLesson;
  /** The course's change-log entries about this lesson, newest first. */
  changes: ChangeEntry[];
  /** True when the lesson has a plain-language (easy Swedish) version to read beside it. */
  plainLanguage: boolean;
  module: Pick<ResolvedModule, 'id' | 'order' | 'title' | 'summary' | 'isFallback' | 'contentLocale'>;
  breadcrumbs: { home: string; module: TitledLink };
  previous?: TitledLink;
  next?: TitledLink;
}

export interface ModuleModel extends PageModel {
  module: ResolvedModule;
  /** The lessons this page lists: a page of at most `MODULE_PAGE_SIZE`, so the page stays small. */
  lessons: ResolvedLesson[];
  /** Where this page is in the module's list of lessons. */
  page: ModulePage;
  breadcrumbs: { home: string };
  /** The module survey, offered when every lesson is completed. */
  surveyHref: string;
}

/** One page of a module's lesson list. */
export interface ModulePage {
  /** 1 for the module's own page. */
  number: number;
  /** How many pages the list has (at least 1). */
  count: number;
  /** Position of this page's first and last lesson in the module, from 1 (0 and 0 when it has none). */
  from: number;
  to: number;
  /** Links to every page of the list, in order (`hrefs[0]` is the module page). */
  hrefs: string[];
}

/**
 * Lessons a module page lists. The first view of a page must fit in the first round trip
 * (14 KB gzipped, docs/bench.md); a card costs up to about 200 bytes of that and the page around
 * it about 10 KB, so a module of hundreds of lessons (a county's course with local lessons) is
 * listed over several pages. No module of the national course needs a second page.
 */
export const MODULE_PAGE_SIZE = 15;

/** How many pages a module's lesson list takes. */
export function modulePageCount(lessonCount: number): number {
  return Math.max(1, Math.ceil(lessonCount / MODULE_PAGE_SIZE));
}

/** The page of its module's list that a lesson is on (the first lesson of a module is on page 1). */
export function modulePageOf(lessonIndex: number): number {
  return Math.floor(lessonIndex / MODULE_PAGE_SIZE) + 1;
}

/**
 * Entries a change-log page lists, newest first. The log grows with every review of the course;
 * paged, its first page stays within the first round trip whatever the course's history.
 */
export const CHANGES_PAGE_SIZE = 20;

/** The change log cut into pages of `CHANGES_PAGE_SIZE`, newest page first; one empty page for an empty log. */
export function changePages<T>(entries: readonly T[]): T[][] {
  const pages: T[][] = [];
  for (let i = 0; i < entries.length; i += CHANGES_PAGE_SIZE) pages.push(entries.slice(i, i + CHANGES_PAGE_SIZE));
  return pages.length ? pages : [[]];
}

export interface HomeModel extends PageModel {
  modules: ResolvedModule[];
  totalHours: number;
}

/** Which notices a text in `contentLocale` needs when read in `locale`. */
export function noticesFor(text: { isFallback: boolean; translation: string; isStale?: boolean }, locale: string): ContentNotice[] {
  const notices: ContentNotice[] = [];
  if (text.isFallback && locale !== SOURCE_LOCALE) notices.push('fallback');
  if (!text.isFallback && text.translation === 'machine') notices.push('machine');
  if (text.isStale) notices.push('stale');
  return notices;
}

const titled = (lesson: ResolvedLesson): TitledLink => ({
  title: lesson.title,
  href: href(lessonPath(lesson.locale, lesson.moduleId, lesson.lessonId)),
  ...(lesson.isFallback ? { lang: lesson.contentLocale } : {}),
});

/**
 * The model of a lesson page, `/<locale>/<module-id>/<lesson-id>/`.
 *
 * @throws Error when the course has no such lesson (a routing bug, never a reader's error).
 */
export function lessonModel(course: LocaleCourse, lessonId: string, changes: readonly Change[] = [], plainLessonIds: ReadonlySet<string> = new Set()): LessonModel {
  const flat = course.modules.flatMap((m) => m.lessons.map((l) => ({ module: m, lesson: l })));
  const index = flat.findIndex((entry) => entry.lesson.id === lessonId);
  if (index === -1) throw new Error(`no lesson "${lessonId}" in the ${course.locale} course`);
  const { module, lesson } = flat[index]!;
  const listed = modulePageOf(module.lessons.indexOf(lesson));
  const previous = flat[index - 1]?.lesson;
  const next = flat[index + 1]?.lesson;
  return {
    locale: course.locale,
    path: lessonPath(course.locale, module.id, lesson.lessonId),
    lesson,
    changes: changeEntries(course, changes.filter((change) => change.lessons.includes(lessonId))),
    plainLanguage: plainLessonIds.has(lessonId),
    module: { id: module.id, order: module.order, title: module.title, summary: module.summary, isFallback: module.isFallback, contentLocale: module.contentLocale },
    contentLocale: lesson.contentLocale,
    isFallback: lesson.isFallback,
    notices: noticesFor(lesson, course.locale),
    sourceHref: href(lessonPath(SOURCE_LOCALE, module.id, lesson.lessonId)),
    // Back to the page of the module's list that shows this lesson.
    breadcrumbs: { home: href(homePath(course.locale)), module: { title: module.title, href: href(modulePath(course.locale, module.id, listed)), ...(module.isFallback ? { lang: module.contentLocale } : {}) } },
    ...(previous ? { previous: titled(previous) } : {}),
    ...(next ? { next: titled(next) } : {}),
  };
}

/**
 * The model of a module page, `/<locale>/<module-id>/`, or of a further page of its lesson list,
 * `/<locale>/<module-id>/<page>/`.
 *
 * @throws Error for a module or page the course does not have (a routing bug)
 */
export function moduleModel(course: LocaleCourse, moduleId: string, page = 1): ModuleModel {
  const module = course.modules.find((m) => m.id === moduleId);
  if (!module) throw new Error(`no module "${moduleId}" in the ${course.locale} course`);
  const count = modulePageCount(module.lessons.length);
  if (!Number.isInteger(page) || page < 1 || page > count) throw new Error(`module "${moduleId}" has no page ${page}`);
  const lessons = module.lessons.slice((page - 1) * MODULE_PAGE_SIZE, page * MODULE_PAGE_SIZE);
  const from = lessons.length ? (page - 1) * MODULE_PAGE_SIZE + 1 : 0;
  return {
    locale: course.locale,
    path: modulePath(course.locale, module.id, page),
    module,
    lessons,
    page: { number: page, count, from, to: from ? from + lessons.length - 1 : 0, hrefs: Array.from({ length: count }, (_, i) => href(modulePath(course.locale, module.id, i + 1))) },
    breadcrumbs: { home: href(homePath(course.locale)) },
    surveyHref: `${href(pagePaths.survey(course.locale, 'module'))}?module=${module.id}`,
  };
}

/** The model of a locale's course home, `/<locale>/`. */
export function homeModel(course: LocaleCourse): HomeModel {
  return { locale: course.locale, path: homePath(course.locale), modules: course.modules, totalHours: course.totalHours };
}

/**
 * Change-log entries as a locale shows them, newest first: the summary in the reader's language
 * (or the source's, marked) and the lessons they concern, linked. Lessons the site does not have
 * (a municipality that left a module out) are left out.
 */
export function changeEntries(course: LocaleCourse, changes: readonly Change[]): ChangeEntry[] {
  const lessons = new Map(course.modules.flatMap((m) => m.lessons).map((l) => [l.id, l]));
  return [...changes]
    .sort((a, b) => b.date.getTime() - a.date.getTime())
    .map((change) => {
      const summary = resolveLocalized(change.summary, course.locale)!;
      return {
        date: change.date.toISOString().slice(0, 10),
        kind: change.kind,
        summary: summary.value,
        ...(summary.isFallback ? { lang: summary.contentLocale } : {}),
        lessons: change.lessons.flatMap((id) => {
          const lesson = lessons.get(id);
          return lesson ? [{ id, ...titled(lesson) }] : [];
        }),
      };
    });
}
