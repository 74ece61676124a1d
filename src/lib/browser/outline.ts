/**
 * Loads the course outline (`/<locale>/course.json`) once per page, for every island that needs
 * it. Browser-only. The service worker caches it with the pages, so it is there offline too.
 */
import type { CourseOutline } from '../page/outline.ts';
import { href, outlinePath } from '../routing/paths.ts';

const loaded = new Map<string, Promise<CourseOutline>>();

/**
 * The outline of a locale's course. Rejects when it cannot be loaded (offline and never cached);
 * islands then keep their placeholder and say so.
 */
export function loadOutline(locale: string): Promise<CourseOutline> {
  let pending = loaded.get(locale);
  if (!pending) {
    pending = fetch(href(outlinePath(locale))).then((response) => {
      if (!response.ok) throw new Error(`course outline: HTTP ${response.status}`);
      return response.json() as Promise<CourseOutline>;
    });
    pending.catch(() => loaded.delete(locale));
    loaded.set(locale, pending);
  }
  return pending;
}
