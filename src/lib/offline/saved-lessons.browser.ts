/**
 * The lessons kept on this device for offline reading, read from the site's caches. Browser-only;
 * used by the offline page.
 */
import { basePath } from '../routing/paths.ts';
import { cachePrefix, lessonFromPath, lessonTitleFromHtml } from './strategy.ts';

/** A saved lesson: its link and title. */
export interface SavedLesson {
  href: string;
  title: string;
}

/**
 * Every lesson of `locale` in this site's caches, sorted by path. Titles are read from the cached
 * page as text: parsing it as a document would apply its inline styles under this page's CSP.
 */
export async function savedLessons(siteId: string, locale: string): Promise<SavedLesson[]> {
  if (!('caches' in window)) return [];
  const base = basePath();
  const seen = new Map<string, string>();
  for (const name of await caches.keys()) {
    if (!name.startsWith(cachePrefix(siteId))) continue;
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      const path = new URL(request.url).pathname;
      const lesson = lessonFromPath(path.slice(base.length));
      if (!lesson || lesson.locale !== locale || seen.has(path)) continue;
      const title = lessonTitleFromHtml(await (await cache.match(request))!.text());
      // Pages shaped like a lesson path that are not lessons (e.g. `sv/teacher/handout/`) are left out.
      if (title !== null) seen.set(path, title);
    }
  }
  return [...seen].sort((a, b) => a[0].localeCompare(b[0])).map(([href, title]) => ({ href, title }));
}
