/**
 * Base-aware links for Astro pages and components. The base comes from the validated site config
 * (with `ORIENTA_BASE` applied) through the virtual module, never from a hard-coded "/".
 */
import { base } from 'virtual:orienta/site';
import { withBase } from './paths.ts';

export { base };

/** Turns a root-relative path from `paths.ts` into a link under the site's base. */
export function href(path = ''): string {
  return withBase(base, path);
}
