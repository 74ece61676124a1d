/**
 * The offline caching strategy, as pure functions shared by the service worker (`src/sw/sw.ts`),
 * the "Save for offline" island and the offline page. Cache names are namespaced by site, so two
 * municipalities on one origin never touch each other's caches.
 *
 * Caches:
 * - `orienta:<site>:shell:<version>`: offline pages and scripts of one build; replaced on update.
 * - `orienta:<site>:pages`: every page the participant has visited (network first).
 * - `orienta:<site>:assets`: fingerprinted assets (`_astro/`) and search files, trimmed on update.
 * - `orienta:<site>:saved:<locale>:<module>`: lessons saved with "Save for offline"; removed by undo.
 */

import { htmlToText } from '../text/markup.ts';

export const cachePrefix = (siteId: string) => `orienta:${siteId}:`;
export const shellCacheName = (siteId: string, version: string) => `${cachePrefix(siteId)}shell:${version}`;
export const pagesCacheName = (siteId: string) => `${cachePrefix(siteId)}pages`;
export const assetsCacheName = (siteId: string) => `${cachePrefix(siteId)}assets`;
export const savedCacheName = (siteId: string, locale: string, moduleId: string) => `${cachePrefix(siteId)}saved:${locale}:${moduleId}`;

/** How a request is handled. */
export type RequestKind = 'page' | 'immutable' | 'network-first' | 'ignore';

/**
 * Classifies a request by URL. Only GET requests under the site's base on its own origin are
 * handled; everything else goes to the network untouched.
 */
export function classifyRequest(url: URL, origin: string, base: string, method: string, mode: string): RequestKind {
  if (method !== 'GET' || url.origin !== origin || !url.pathname.startsWith(base)) return 'ignore';
  const path = url.pathname.slice(base.length);
  if (path === 'sw.js') return 'ignore';
  if (mode === 'navigate' || path === '' || path.endsWith('/') || path.endsWith('.html')) return 'page';
  if (path.startsWith('_astro/') || /^pagefind\/.*\.(pf_fragment|pf_index|pf_filter|pf_meta)$/.test(path)) return 'immutable';
  return 'network-first';
}

/** The offline page for the locale a path belongs to, falling back to the first locale. */
export function offlinePageFor(pathname: string, base: string, locales: readonly string[]): string {
  const first = pathname.slice(base.length).split('/')[0] ?? '';
  const locale = locales.includes(first) ? first : (locales[0] ?? '');
  return `${base}${locale}/offline/`;
}

/** Cache names that belong to this site but not to the current build: old shells. */
export function staleCaches(names: readonly string[], siteId: string, version: string): string[] {
  const shellPrefix = `${cachePrefix(siteId)}shell:`;
  return names.filter((name) => name.startsWith(shellPrefix) && name !== shellCacheName(siteId, version));
}

/** Assets cached from older builds that the current build no longer has. */
export function staleAssets(cachedUrls: readonly string[], currentAssets: ReadonlySet<string>): string[] {
  return cachedUrls.filter((url) => {
    const path = new URL(url).pathname;
    return path.includes('/_astro/') && !currentAssets.has(path);
  });
}

/** A network response worth caching and showing: a real page, not an error from a broken deploy. */
export function isUsableResponse(response: { ok: boolean; status: number; type: string }): boolean {
  return response.ok && response.status === 200 && (response.type === 'basic' || response.type === 'default');
}

/** Formats a byte count for people, e.g. "240 KB". */
export function formatSize(bytes: number, locale: string): string {
  const units = ['byte', 'kilobyte', 'megabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  try {
    return new Intl.NumberFormat(locale, { style: 'unit', unit: units[unit], unitDisplay: 'short', maximumFractionDigits: value < 10 ? 1 : 0 }).format(value);
  } catch {
    return `${Math.round(value)} ${['B', 'KB', 'MB'][unit]}`;
  }
}

/** Is this path (relative to base) a lesson page `<locale>/<module>/<lesson>/`? */
export function lessonFromPath(path: string): { locale: string; moduleId: string; lessonId: string } | null {
  const match = /^([a-z]{2,3}(?:-[a-z]{2,8})?)\/([a-z0-9-]+)\/([a-z0-9-]+)\/$/.exec(path);
  if (!match) return null;
  return { locale: match[1]!, moduleId: match[2]!, lessonId: match[3]! };
}

/** The `<h1>` of a lesson page's `[data-lesson]` article, as plain text, or null. */
export function lessonTitleFromHtml(html: string): string | null {
  const match = /data-lesson="[^"]*"[^>]*>\s*<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html);
  if (!match) return null;
  return htmlToText(match[1]!).trim();
}
