/** `getStaticPaths` helpers shared by the locale pages. */
import { locales } from '../../i18n/index.ts';
import { getCourse } from '../content/load-course.ts';

/** One path per published locale. */
export function localePaths() {
  return locales.map((l) => ({ params: { locale: l.code } }));
}

/** One path per module per locale. */
export async function modulePaths() {
  const all = await Promise.all(locales.map((l) => getCourse(l.code)));
  return all.flatMap((course) => course.modules.map((module) => ({ params: { locale: course.locale, module: module.id }, props: { module, course } })));
}

/** One path per lesson per locale, fallbacks included. */
export async function lessonPaths() {
  const all = await Promise.all(locales.map((l) => getCourse(l.code)));
  return all.flatMap((course) =>
    course.modules.flatMap((module) =>
      module.lessons.map((lesson) => ({ params: { locale: course.locale, module: module.id, lesson: lesson.lessonId }, props: { lesson, module, course } })),
    ),
  );
}
