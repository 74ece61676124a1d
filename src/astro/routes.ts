/**
 * `getStaticPaths` for every kind of route. Each returns the page model (`src/lib/page/models.ts`)
 * as the page's props, so a page is a template over one object.
 *
 * @example
 * export const getStaticPaths = lessonRoutes;
 * const { model } = Astro.props as LessonRoute;
 */
import { locales } from './site.ts';
import { plainLanguageLocales } from './i18n.ts';
import { getChanges, getCourses, getSurveys } from './content.ts';
import { changeEntries, changePages, homeModel, lessonModel, moduleModel, modulePageCount, type ChangeEntry, type HomeModel, type LessonModel, type ModuleModel } from '../lib/page/models.ts';
import type { SurveyDefinition } from '../schemas/survey.ts';
import { href, pagePaths } from '../lib/routing/paths.ts';

/** One path per published locale, for pages that exist once per locale. */
export function localeRoutes() {
  return locales.map((l) => ({ params: { locale: l.code }, props: { locale: l.code } }));
}
export type LocaleRoute = { locale: string };

/** Each locale's course home. */
export async function homeRoutes() {
  return (await getCourses()).map((course) => ({ params: { locale: course.locale }, props: { model: homeModel(course) } }));
}
export type HomeRoute = { model: HomeModel };

/** One path per module per locale, and one per further page of a long module's lesson list. */
export async function moduleRoutes() {
  return (await getCourses()).flatMap((course) =>
    course.modules.flatMap((module) =>
      Array.from({ length: modulePageCount(module.lessons.length) }, (_, i) => ({
        params: { locale: course.locale, module: module.id, page: i === 0 ? undefined : String(i + 1) },
        props: { model: moduleModel(course, module.id, i + 1) },
      })),
    ),
  );
}
export type ModuleRoute = { model: ModuleModel };

/** One path per lesson per locale, fallbacks included. */
export async function lessonRoutes() {
  const changes = await getChanges();
  const courses = await getCourses();
  // Lessons that have a plain-language text to read beside them (easy Swedish, not a fallback).
  const plain = new Set(
    courses.filter((c) => plainLanguageLocales().some((l) => l.code === c.locale)).flatMap((c) => c.modules.flatMap((m) => m.lessons.filter((l) => !l.isFallback).map((l) => l.id))),
  );
  return courses.flatMap((course) =>
    course.modules.flatMap((module) =>
      module.lessons.map((lesson) => ({ params: { locale: course.locale, module: module.id, lesson: lesson.lessonId }, props: { model: lessonModel(course, lesson.id, changes, plain) } })),
    ),
  );
}
export type LessonRoute = { model: LessonModel };

/** One path per survey (latest version) per locale. */
export async function surveyRoutes() {
  const { latest } = await getSurveys();
  return locales.flatMap((l) => latest.map((definition) => ({ params: { locale: l.code, survey: definition.id }, props: { locale: l.code, definition } })));
}
export type SurveyRoute = { locale: string; definition: SurveyDefinition };

/** Each locale's change log. */
/** The whole change log per locale, for `/<locale>/changes.json`. */
export async function changeLogRoutes() {
  const changes = await getChanges();
  return (await getCourses()).map((course) => ({ params: { locale: course.locale }, props: { locale: course.locale, entries: changeEntries(course, changes) } }));
}
export type ChangeLogRoute = { locale: string; entries: ChangeEntry[] };

/** The change-log pages per locale, `CHANGES_PAGE_SIZE` entries each. */
export async function changesRoutes() {
  const changes = await getChanges();
  return (await getCourses()).flatMap((course) => {
    const pages = changePages(changeEntries(course, changes));
    const hrefs = pages.map((_, i) => href(pagePaths.changes(course.locale, i + 1)));
    return pages.map((entries, i) => ({
      params: { locale: course.locale, page: i === 0 ? undefined : String(i + 1) },
      props: { locale: course.locale, entries, page: { number: i + 1, hrefs } },
    }));
  });
}
export type ChangesRoute = { locale: string; entries: ChangeEntry[]; page: { number: number; hrefs: string[] } };

/**
 * The text alone of each plain-language lesson (easy Swedish), fetched when a reader asks to read
 * a lesson side by side with it. Only lessons that have a plain-language version.
 */
export async function plainTextRoutes() {
  const changes = await getChanges();
  return (await getCourses())
    .filter((course) => plainLanguageLocales().some((l) => l.code === course.locale))
    .flatMap((course) =>
      course.modules.flatMap((module) =>
        module.lessons.filter((lesson) => !lesson.isFallback).map((lesson) => ({ params: { locale: course.locale, module: module.id, lesson: lesson.lessonId }, props: { model: lessonModel(course, lesson.id, changes) } })),
      ),
    );
}
