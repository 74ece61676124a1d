/**
 * The offline caching strategy, as pure functions shared by the service worker (`src/sw/sw.ts`),
 * the "Save for offline" island and the offline page. Cache names are namespaced by site, so two
 * municipalities on one origin never touch each other's caches. How the caches live through an
 * update is described at the top of `src/sw/sw.ts`.
 *
 * Caches:
 * - `orienta:<site>:shell:<version>`: offline pages, course outlines and scripts of one build;
 *   replaced on update.
 * - `orienta:<site>:pages`: pages the participant opened (network first), one entry per path,
 *   at most `MAX_VISITED_PAGES`, oldest dropped first.
 * - `orienta:<site>:assets`: fingerprinted assets (`_astro/`), fonts and other files pages use;
 *   files the current build no longer has are dropped on update.
 * - `orienta:<site>:saved:<locale>:<module>`: lessons saved with "Save for offline"; removed by undo,
 *   brought up to date after an update.
 */

import { htmlToText } from '../text/markup.ts';
import { outlinePath, pagePaths } from '../routing/paths.ts';

export const cachePrefix = (siteId: string) => `orienta:${siteId}:`;
export const shellCacheName = (siteId: string, version: string) => `${cachePrefix(siteId)}shell:${version}`;
export const pagesCacheName = (siteId: string) => `${cachePrefix(siteId)}pages`;
export const assetsCacheName = (siteId: string) => `${cachePrefix(siteId)}assets`;
export const savedCacheName = (siteId: string, locale: string, moduleId: string) => `${cachePrefix(siteId)}saved:${locale}:${moduleId}`;

/** What the worker is built with: written by `src/integrations/service-worker.ts` into `sw.js`. */
export interface ServiceWorkerManifest {
  /** A hash of every file of the build: a new deploy is a new version. */
  version: string;
  base: string;
  siteId: string;
  locales: string[];
  /** Every file of the build a page may load (`isBuildFile`), relative to the base. */
  files: string[];
  /** The most visited pages kept (`MAX_VISITED_PAGES`). */
  maxPages: number;
}

/**
 * What a worker installs before it may take over: the offline page and course outline of every
 * locale (islands need the outline to show progress) and every script of the build, so that any
 * page kept offline finds its code — including code a page loads only on first use.
 */
export function precacheList({ base, locales, files }: Pick<ServiceWorkerManifest, 'base' | 'locales' | 'files'>): string[] {
  return [
    ...locales.map((l) => base + pagePaths.offline(l)),
    ...locales.map((l) => base + outlinePath(l)),
    ...files.filter((f) => f.startsWith('_astro/') && f.endsWith('.js')).map((f) => base + f),
  ];
}

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
  return base + pagePaths.offline(locale);
}

/** Cache names that belong to this site but not to the current build: old shells. */
export function staleCaches(names: readonly string[], siteId: string, version: string): string[] {
  const shellPrefix = `${cachePrefix(siteId)}shell:`;
  return names.filter((name) => name.startsWith(shellPrefix) && name !== shellCacheName(siteId, version));
}

/**
 * Files of the build that pages load and that the service worker judges pages by: every file
 * except pages, Pagefind's index and the web server's own files. Pagefind's own script names the index files it needs, so
 * they never appear in a page; leaving them out keeps the list in the worker small (about 2 KB
 * gzipped for the demo course instead of 5 KB).
 */
export function isBuildFile(path: string): boolean {
  return path !== '' && !path.endsWith('/') && !path.endsWith('.html') && !path.startsWith('pagefind/') && path !== 'sw.js'
    // Web server files (`_headers`, `_nginx-csp.conf`) are read by the server, never by a page.
    && !(path.startsWith('_') && !path.startsWith('_astro/'));
}

/**
 * Cached files (scripts, styles, fonts, images, outlines) that the current build no longer has,
 * so nothing can need them. Pagefind's index files are not listed in a build and are kept.
 *
 * @param files the current build's files as paths with the base, e.g. `/kommun/so/_astro/a.1.js`
 */
export function staleFiles(cachedUrls: readonly string[], files: ReadonlySet<string>, base: string): string[] {
  return cachedUrls.filter((url) => {
    const path = new URL(url).pathname;
    return path.startsWith(base) && isBuildFile(path.slice(base.length)) && !files.has(decodePath(path));
  });
}

function decodePath(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

/** Attributes through which a page loads a file (`href` counts on `<link>` only: `<a href>` is a link, not a need). */
const LOADING_TAG = /<(script|link|img|source|audio|video|track|astro-island)\b([^>]*)>/gi;
const LOADING_ATTRIBUTE = /(?:^|\s)(src|href|srcset|poster|component-url|renderer-url|before-hydration-url)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi;
const CSS_URL = /url\(\s*(['"]?)([^'")]+)\1\s*\)/g;
const INLINE_SCRIPT = /<script\b(?![^>]*\bsrc\s*=)[^>]*>([\s\S]*?)<\/script>/gi;
const SCRIPT_IMPORT = /(?:\bimport\s*\(|\bfrom\s*|\bimport\s+)\s*(['"])([^'"]+)\1/g;

/**
 * The files of this site a page loads as it opens: scripts, island components and renderers,
 * stylesheets, fonts and images in its CSS, icons and images. Paths with the base, decoded.
 * Links to other pages (paths ending in `/` or `.html`), other origins and `data:` URLs are not
 * files the page needs.
 *
 * Read from the HTML as text, because a service worker has no DOM parser.
 */
export function pageFiles(html: string, pageUrl: string, base: string): string[] {
  const found = new Set<string>();
  const page = new URL(pageUrl);
  const add = (value: string | undefined) => {
    if (!value) return;
    let url: URL;
    try {
      url = new URL(value.trim().replaceAll('&amp;', '&'), page);
    } catch {
      return;
    }
    if (url.origin !== page.origin || !url.pathname.startsWith(base)) return;
    const path = decodePath(url.pathname);
    const name = path.slice(path.lastIndexOf('/') + 1);
    if (!name.includes('.') || name.endsWith('.html')) return;
    found.add(path);
  };
  for (const [, tag, attributes] of html.matchAll(LOADING_TAG)) {
    for (const [, name, ...values] of attributes!.matchAll(LOADING_ATTRIBUTE)) {
      const value = values.find((v) => v !== undefined);
      if (name!.toLowerCase() === 'href' && tag!.toLowerCase() !== 'link') continue;
      if (name!.toLowerCase() === 'srcset') value?.split(',').forEach((candidate) => add(candidate.trim().split(/\s+/)[0]));
      else add(value);
    }
  }
  for (const [, , url] of html.matchAll(CSS_URL)) add(url);
  for (const [, body] of html.matchAll(INLINE_SCRIPT)) for (const [, , specifier] of body!.matchAll(SCRIPT_IMPORT)) add(specifier);
  return [...found].sort();
}

/**
 * The files a cached page loads that the current build does not have. A page with none works as
 * it did: its scripts are byte for byte the current build's (their names carry a hash of their
 * content). A page with some would open without them — a lesson whose "Mark as completed" never
 * wakes up — so the worker drops it and shows the offline page instead, until it is fetched again.
 */
export function missingFiles(html: string, pageUrl: string, base: string, files: ReadonlySet<string>): string[] {
  return pageFiles(html, pageUrl, base).filter((path) => !files.has(path));
}

/**
 * The cache key of a page: its URL without query and fragment.
 *
 * A static host sends the same file whatever the query says, so no query string carries content
 * for the cache. Links from outside add `?utm_source=…`, `?fbclid=…` or `?from=…`; the site's
 * own queries (`?module=` and `?phase=` on a survey, `?assignment=` on the certificate) are read
 * by the page's script from `location`, which keeps them when the page comes from the cache.
 * Assignment links carry their data in the fragment, which never reaches a server or a cache.
 * One entry per page keeps the cache from filling with copies and makes every variant of a link
 * readable offline once the page was opened.
 */
export function pageCacheKey(url: string | URL): string {
  const key = new URL(url);
  key.search = '';
  key.hash = '';
  return key.href;
}

/**
 * How many visited pages the worker keeps. The whole course in one language is about 65 pages
 * (45 lessons, 8 modules, home and tool pages in the demo), about 45 KB each; 100 holds it with
 * room for pages read in a second language, caps storage at about 5 MB on phones with little
 * space, and bounds the work an update does checking every cached page. Saved modules are not
 * counted: the participant chose those.
 */
export const MAX_VISITED_PAGES = 100;

/**
 * The cached pages to drop so that at most `max` remain, oldest first. The Cache API lists keys in
 * the order they were stored, and every page opened online is stored again, so the first keys
 * are the pages not opened for the longest time. Trimmed by count, not age: the Cache API keeps
 * no dates, and an old page is still better than the offline page.
 */
export function pagesOverLimit(cachedUrls: readonly string[], max: number): string[] {
  return cachedUrls.slice(0, Math.max(0, cachedUrls.length - max));
}

/** The locale and module of a "Save for offline" cache of this site, or null for other caches. */
export function savedModuleOf(cacheName: string, siteId: string): { locale: string; moduleId: string } | null {
  const prefix = `${cachePrefix(siteId)}saved:`;
  if (!cacheName.startsWith(prefix)) return null;
  const [locale, moduleId, ...rest] = cacheName.slice(prefix.length).split(':');
  return locale && moduleId && rest.length === 0 ? { locale, moduleId } : null;
}

/**
 * What bringing a saved module up to date takes: the module's lessons (from the current build's
 * course outline) not in its cache are fetched, and cached lessons the module no longer has are
 * dropped. Other entries (recorded audio) stay. Both lists are absolute URLs.
 *
 * @param lessonUrls the module's lesson pages in the current build, absolute
 */
export function savedModuleChanges(cachedUrls: readonly string[], lessonUrls: readonly string[], base: string): { fetch: string[]; drop: string[] } {
  const cached = new Set(cachedUrls.map((url) => pageCacheKey(url)));
  const wanted = new Set(lessonUrls.map((url) => pageCacheKey(url)));
  return {
    fetch: [...wanted].filter((url) => !cached.has(url)),
    drop: cachedUrls.filter((url) => {
      const path = new URL(url).pathname;
      return path.startsWith(base) && lessonFromPath(path.slice(base.length)) !== null && !wanted.has(pageCacheKey(url));
    }),
  };
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
