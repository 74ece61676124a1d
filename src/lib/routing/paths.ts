/**
 * The one place that knows the site's URL layout and its base path. Every `…Path` function returns
 * a path relative to the site root (no base, no leading slash); `href()` turns it into a link
 * under the base the site is built for. Municipalities host under sub-paths, so nothing else may
 * build URLs by hand (a test holds the rest of `src/` to this).
 *
 * The base comes from Vite's `import.meta.env.BASE_URL`, which Astro sets from the validated site
 * config for pages and browser code alike; outside Vite (plain Node scripts) it is "/".
 */

/** Normalises a base path to start and end with a single "/". */
export function normaliseBase(base: string): string {
  const trimmed = base.trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/** The base path the site is built for, e.g. "/" or "/kommun/so/". */
export function basePath(): string {
  return normaliseBase((import.meta as { env?: { BASE_URL?: string } }).env?.BASE_URL ?? '/');
}

/** Joins a base path ("/" or "/kommun/so/") and a root-relative path into an absolute path. */
export function withBase(base: string, path = ''): string {
  return normaliseBase(base) + path.replace(/^\/+/, '');
}

/**
 * A link to a root-relative path under the site's base.
 *
 * @example href(lessonPath('sv', 'forsorja-sig', 'a-kassa')) // '/kommun/so/sv/forsorja-sig/a-kassa/'
 */
export function href(path = ''): string {
  return withBase(basePath(), path);
}

/**
 * An absolute URL of a root-relative path on the site's own address (the municipality's `url`,
 * which Astro gives as `import.meta.env.SITE`), for files that leave the site: a schema address
 * in an export stays the same whoever opens the page and from where.
 */
export function absoluteUrl(path: string, origin: string = (import.meta as { env?: { SITE?: string } }).env?.SITE ?? 'http://localhost'): string {
  return new URL(href(path), origin).href;
}

/** Course home of a locale: `sv/`. */
export const homePath = (locale: string) => `${locale}/`;

/**
 * A module page: `sv/forsorja-sig/`, and the further pages of its lesson list: `sv/forsorja-sig/2/`
 * (a lesson id is never digits only, so these cannot meet a lesson).
 */
export const modulePath = (locale: string, moduleId: string, page = 1) => (page > 1 ? `${locale}/${moduleId}/${page}/` : `${locale}/${moduleId}/`);

/** The recorded audio of a module's lessons, for "Save for offline": `sv/forsorja-sig/audio.json`. */
export const moduleAudioPath = (locale: string, moduleId: string) => `${locale}/${moduleId}/audio.json`;

/** A lesson page: `sv/forsorja-sig/a-kassa/`. */
export const lessonPath = (locale: string, moduleId: string, lessonId: string) => `${locale}/${moduleId}/${lessonId}/`;

/** The text alone of a lesson, for reading side by side: `sv-easy/forsorja-sig/a-kassa/text/`. */
export const lessonTextPath = (locale: string, moduleId: string, lessonId: string) => `${lessonPath(locale, moduleId, lessonId)}text/`;

/**
 * A lesson's recorded audio in one language: `audio/ar/forsorja-sig/a-kassa/` and, with a file
 * name, one file in it (`manifest.json` or a recording).
 */
export const audioPath = (locale: string, lessonId: string, file = '') => `audio/${locale}/${lessonId}/${file}`;

/** The JSON Schemas of exported files, served from `public/schemas/`. */
export const schemaPath = (name: string) => `schemas/${name}`;

/** Static pages inside a locale. */
export const pagePaths = {
  accessibility: (locale: string) => `${locale}/accessibility/`,
  privacy: (locale: string) => `${locale}/privacy/`,
  notFound: (locale: string) => `${locale}/404/`,
  progress: (locale: string) => `${locale}/progress/`,
  certificate: (locale: string) => `${locale}/certificate/`,
  offline: (locale: string) => `${locale}/offline/`,
  surveys: (locale: string) => `${locale}/surveys/`,
  survey: (locale: string, surveyId: string) => `${locale}/surveys/${surveyId}/`,
  report: (locale: string) => `${locale}/report/`,
  teacher: (locale: string) => `${locale}/teacher/`,
  handout: (locale: string) => `${locale}/teacher/handout/`,
  guide: (locale: string, moduleId: string) => `${locale}/teacher/guide/${moduleId}/`,
  changes: (locale: string, page = 1) => (page > 1 ? `${locale}/changes/${page}/` : `${locale}/changes/`),
  card: (locale: string) => `${locale}/card/`,
  blankCard: (locale: string) => `${locale}/teacher/card/`,
  studio: (locale: string) => `${locale}/teacher/studio/`,
  group: (locale: string) => `${locale}/teacher/group/`,
  intyg: (locale: string) => `${locale}/teacher/intyg/`,
  verify: (locale: string) => `${locale}/verify/`,
} as const;

/** Route segments taken by pages; a module id must not use one. */
export const RESERVED_SEGMENTS = ['accessibility', 'privacy', '404', 'progress', 'teacher', 'survey', 'surveys', 'report', 'certificate', 'search', 'offline', 'guide', 'handout', 'schemas', 'pagefind', 'fonts', '_astro', 'changes', 'card', 'audio', 'verify'] as const;

/**
 * Rewrites the locale segment of a root-relative path, keeping the rest, so the language
 * switcher keeps the reader on the same lesson.
 *
 * @example switchLocalePath('sv/forsorja-sig/a-kassa/', 'ar') // 'ar/forsorja-sig/a-kassa/'
 */
export function switchLocalePath(path: string, targetLocale: string): string {
  const clean = path.replace(/^\/+/, '');
  const slash = clean.indexOf('/');
  return slash === -1 ? homePath(targetLocale) : `${targetLocale}${clean.slice(slash)}`;
}

/** Strips the base from an absolute path; returns null when the path is outside the base. */
export function stripBase(base: string, pathname: string): string | null {
  const cleanBase = normaliseBase(base);
  if (pathname === cleanBase.slice(0, -1)) return '';
  return pathname.startsWith(cleanBase) ? pathname.slice(cleanBase.length) : null;
}

/** Pagefind's client script. */
export const pagefindScriptPath = () => 'pagefind/pagefind.js';

/** The service worker script; its scope is the base. */
export const serviceWorkerPath = () => 'sw.js';

/** The course outline an island loads on start: one small, cacheable file per locale. */
export const outlinePath = (locale: string) => `${locale}/course.json`;
/** A locale's change-log entries by lesson id (`/<locale>/changes.json`), for "changed since you last looked". */
export const lessonChangesPath = (locale: string) => `${locale}/changes.json`;
