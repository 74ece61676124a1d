/**
 * Loads the content collections once per build and resolves the course for every locale.
 * Astro-only; the logic lives in `course.ts`.
 */
import { getCollection } from 'astro:content';
import { locales, localSiteIds, reservedSegments, site } from 'virtual:orienta/site';
import { buildCourse, ContentError, mergeLocalLessons, neighbours, type LocaleCourse } from './course.ts';

let cached: Promise<Map<string, LocaleCourse>> | undefined;

async function load(): Promise<Map<string, LocaleCourse>> {
  const [modules, moduleTexts, lessons, localLessons] = await Promise.all([
    getCollection('modules'),
    getCollection('moduleTexts'),
    getCollection('lessons'),
    getCollection('localLessons'),
  ]);
  const withPath = <T extends { id: string; filePath?: string }>(e: T, dir: string, ext: string) => ({
    entryId: e.id,
    filePath: e.filePath ?? `content/${dir}/${e.id}.${ext}`,
  });
  return buildCourse({
    modules: modules.map((e) => ({ ...withPath(e, 'modules', 'yaml'), data: e.data })),
    moduleTexts: moduleTexts.map((e) => ({ ...withPath(e, 'modules', 'yaml'), data: e.data })),
    lessons: mergeLocalLessons(
      lessons.map((e) => ({ ...withPath(e, 'lessons', 'mdx'), data: e.data })),
      localLessons.map((e) => ({ ...withPath(e, 'sites', 'mdx'), data: e.data })),
      localSiteIds,
    ),
    locales: locales.map((l) => l.code),
    enabledModules: site.modules,
    reservedSegments,
  });
}

/** The course as a locale sees it. */
export async function getCourse(locale: string): Promise<LocaleCourse> {
  cached ??= load();
  const course = (await cached).get(locale);
  if (!course) throw new ContentError(`No course for locale "${locale}"`);
  return course;
}

export { neighbours };
