/** Base-aware links for Astro pages and components. Uses the build's `base`. */
import { withBase } from './paths.ts';

/** Turns a root-relative path from `paths.ts` into a link under the site's base. */
export function href(path = ''): string {
  return withBase(import.meta.env.BASE_URL, path);
}
