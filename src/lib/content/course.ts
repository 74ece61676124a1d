/**
 * Builds the course as each locale sees it, from plain content entries. Pure: the Astro adapter
 * (`src/astro/content.ts`) feeds it collection entries, and unit tests feed it fixtures.
 *
 * Fallback is generated, not redirected: every source lesson exists in every locale. Which text a
 * locale shows is decided by the one resolver, `resolveLocalized` (`fallback.ts`); a lesson
 * without a translation shows the source text, flagged `isFallback`, inside the reader's chrome.
 * A translation made from an older revision of its source is flagged `isStale`.
 */
import type { LessonFrontmatter, Source, TranslationStatus } from '../../schemas/lesson.ts';
import type { ModuleData, ModuleText } from '../../schemas/module.ts';
import { SOURCE_LOCALE } from '../i18n/locales.ts';
import { resolveLocalized } from './fallback.ts';

/** A lesson file as loaded: `content/lessons/<locale>/<moduleId>/<lessonId>.mdx`. */
export interface LessonEntryInput {
  /** Collection entry id, `<locale>/<moduleId>/<lessonId>`. */
  entryId: string;
  /** The collection the entry is rendered from; local lessons live in their own. */
  collection?: 'lessons' | 'localLessons';
  /** Collection entry id to render, when it differs from `entryId` (local lessons). */
  renderId?: string;
  /** The municipality site a local lesson belongs to. */
  localSite?: string;
  /** Path of the file, for error messages. */
  filePath: string;
  data: LessonFrontmatter;
  /** The revision of the file's text (`revisionOf()`); set by the loader for source lessons. */
  revision?: string;
}

export interface ModuleEntryInput {
  /** `<moduleId>` for structure files, `<locale>/<moduleId>` for text files. */
  entryId: string;
  filePath: string;
}

/** A lesson as one locale shows it. */
export interface ResolvedLesson {
  /** `<moduleId>/<lessonId>`: the one id used in routes, storage, exports and assignments. */
  id: string;
  moduleId: string;
  lessonId: string;
  /** The reader's locale (the page chrome). */
  locale: string;
  /** The language of the text actually shown. */
  contentLocale: string;
  /** True when no translation exists and the Swedish text is shown. */
  isFallback: boolean;
  /** Collection entry to render. */
  entryId: string;
  collection: 'lessons' | 'localLessons';
  /** Set for a municipality's own lesson: the site it comes from. */
  localSite?: string;
  title: string;
  summary: string;
  order: number;
  minutes: number;
  /** When the source lesson's facts were last reviewed, and by whom (a role). */
  lastReviewed: Date;
  reviewer?: string;
  /** For a translation a person reviewed: when, and their role. */
  translationReview?: { date: Date; reviewer?: string };
  translation: TranslationStatus;
  /** The source lesson's current revision. */
  sourceRevision: string;
  /** True for a translation made from an older revision of its source text. */
  isStale: boolean;
  sources: Source[];
}

/** A module as one locale shows it. */
export interface ResolvedModule {
  id: string;
  order: number;
  area: number;
  plannedHours: number;
  locale: string;
  contentLocale: string;
  isFallback: boolean;
  translation: TranslationStatus;
  title: string;
  summary: string;
  lessons: ResolvedLesson[];
}

/** The course as one locale shows it. */
export interface LocaleCourse {
  locale: string;
  modules: ResolvedModule[];
  /** Sum of the modules' planned hours. */
  totalHours: number;
}

/** Thrown when content is inconsistent; the message names the file and the field. */
export class ContentError extends Error {
  override name = 'ContentError';
}

/** Splits `<locale>/<moduleId>/<lessonId>` into its parts. */
export function parseLessonEntryId(entryId: string): { locale: string; moduleId: string; lessonId: string } {
  const parts = entryId.split('/');
  if (parts.length !== 3 || parts.some((p) => !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(p))) {
    throw new ContentError(`content/lessons/${entryId}: the path must be <locale>/<module-id>/<lesson-id>.mdx with ASCII slugs`);
  }
  const [locale, moduleId, lessonId] = parts as [string, string, string];
  return { locale, moduleId, lessonId };
}

export interface BuildCourseInput {
  modules: Array<ModuleEntryInput & { data: ModuleData }>;
  moduleTexts: Array<ModuleEntryInput & { data: ModuleText }>;
  lessons: LessonEntryInput[];
  /** Locale codes to build, in display order. */
  locales: string[];
  /** Module ids to include, or "all". */
  enabledModules: string[] | 'all';
  /** Segments that module ids must not take. */
  reservedSegments?: readonly string[];
}

/**
 * Resolves the course for every locale.
 *
 * @throws ContentError for a translation without a Swedish original, a Swedish lesson missing a
 * structural field, a lesson in an unknown module, or an unknown enabled module.
 */
export function buildCourse(input: BuildCourseInput): Map<string, LocaleCourse> {
  const moduleById = new Map(input.modules.map((m) => [m.entryId, m]));
  for (const m of input.modules) {
    if (input.reservedSegments?.includes(m.entryId)) {
      throw new ContentError(`${m.filePath}: id: "${m.entryId}" is reserved for a page; rename the module file`);
    }
  }
  if (input.enabledModules !== 'all') {
    for (const id of input.enabledModules) {
      if (!moduleById.has(id)) {
        throw new ContentError(`modules: unknown module "${id}"; expected one of ${[...moduleById.keys()].join(', ')}`);
      }
    }
  }
  const textsByModule = new Map<string, Map<string, ModuleEntryInput & { data: ModuleText }>>();
  for (const t of input.moduleTexts) {
    const [textLocale = '', id = ''] = t.entryId.split('/');
    const versions = textsByModule.get(id) ?? new Map();
    versions.set(textLocale, t);
    textsByModule.set(id, versions);
  }
  const textsOf = (moduleId: string) => textsByModule.get(moduleId) ?? new Map<string, ModuleEntryInput & { data: ModuleText }>();
  for (const t of input.moduleTexts) {
    const moduleId = t.entryId.split('/')[1] ?? '';
    if (!moduleById.has(moduleId)) {
      throw new ContentError(`${t.filePath}: no module "${moduleId}" (content/modules/${moduleId}.yaml is missing); renamed or orphaned?`);
    }
  }

  // Index lessons by locale and `<moduleId>/<lessonId>`.
  const byLocale = new Map<string, Map<string, LessonEntryInput>>();
  for (const lesson of input.lessons) {
    const { locale, moduleId, lessonId } = parseLessonEntryId(lesson.entryId);
    if (!moduleById.has(moduleId)) {
      throw new ContentError(`${lesson.filePath}: module "${moduleId}" does not exist (no content/modules/${moduleId}.yaml)`);
    }
    if (/^\d+$/.test(lessonId)) {
      throw new ContentError(`${lesson.filePath}: a lesson id of digits only is the address of a page of the module's lesson list; rename the file`);
    }
    const map = byLocale.get(locale) ?? new Map();
    map.set(`${moduleId}/${lessonId}`, lesson);
    byLocale.set(locale, map);
  }
  const originals = byLocale.get(SOURCE_LOCALE) ?? new Map<string, LessonEntryInput>();
  for (const [locale, map] of byLocale) {
    if (locale === SOURCE_LOCALE) continue;
    for (const [id, lesson] of map) {
      if (!originals.has(id)) {
        throw new ContentError(`${lesson.filePath}: translation of "${id}" has no Swedish original at content/lessons/sv/${id}.mdx; renamed or orphaned?`);
      }
    }
  }
  for (const lesson of originals.values()) {
    for (const field of ['order', 'minutes', 'sources', 'lastReviewed', 'reviewer'] as const) {
      if (lesson.data[field] === undefined) {
        throw new ContentError(`${lesson.filePath}: ${field}: required in the Swedish original`);
      }
    }
    if (lesson.data.translation !== 'original') {
      throw new ContentError(`${lesson.filePath}: translation: the Swedish source text must be "original"`);
    }
  }
  for (const [locale, map] of byLocale) {
    if (locale === SOURCE_LOCALE) continue;
    for (const lesson of map.values()) {
      if (lesson.data.translation === 'original') throw new ContentError(`${lesson.filePath}: translation: a translation is "machine" or "reviewed", not "original"`);
    }
  }

  const enabled = input.modules
    .filter((m) => input.enabledModules === 'all' || input.enabledModules.includes(m.entryId))
    .sort((a, b) => a.data.order - b.data.order);

  const result = new Map<string, LocaleCourse>();
  for (const locale of input.locales) {
    const modules: ResolvedModule[] = enabled.map((m) => {
      const text = resolveLocalized(textsOf(m.entryId), locale);
      if (!text) throw new ContentError(`content/modules/${SOURCE_LOCALE}/${m.entryId}.yaml: missing; every module needs source texts`);
      const lessons = [...originals.entries()]
        .filter(([id]) => id.startsWith(`${m.entryId}/`))
        .map(([id, original]) => resolveLesson(id, original, locale, (code) => byLocale.get(code)?.get(id)))
        .sort((a, b) => a.order - b.order || a.lessonId.localeCompare(b.lessonId));
      return {
        id: m.entryId,
        order: m.data.order,
        area: m.data.area,
        plannedHours: m.data.plannedHours,
        locale,
        contentLocale: text.contentLocale,
        isFallback: text.isFallback,
        translation: text.value.data.translation,
        title: text.value.data.title,
        summary: text.value.data.summary,
        lessons,
      };
    });
    const totalHours = modules.reduce((sum, m) => sum + m.plannedHours, 0);
    result.set(locale, { locale, modules, totalHours });
  }
  return result;
}

/** One lesson as `locale` shows it: its translation, or the source text as a fallback. */
function resolveLesson(id: string, original: LessonEntryInput, locale: string, inLocale: (code: string) => LessonEntryInput | undefined): ResolvedLesson {
  const versions = new Map<string, LessonEntryInput>();
  for (const code of new Set([locale, SOURCE_LOCALE])) {
    const entry = inLocale(code);
    if (entry) versions.set(code, entry);
  }
  const chosen = resolveLocalized(versions, locale)!;
  const entry = chosen.value;
  const [moduleId, lessonId] = id.split('/') as [string, string];
  const sourceRevision = original.revision ?? '';
  const isTranslation = !chosen.isFallback && chosen.contentLocale !== SOURCE_LOCALE;
  return {
    id,
    moduleId,
    lessonId,
    locale,
    contentLocale: chosen.contentLocale,
    isFallback: chosen.isFallback,
    entryId: entry.renderId ?? entry.entryId,
    collection: entry.collection ?? 'lessons',
    ...(entry.localSite ? { localSite: entry.localSite } : {}),
    title: entry.data.title,
    summary: entry.data.summary,
    order: original.data.order!,
    minutes: original.data.minutes!,
    lastReviewed: original.data.lastReviewed!,
    ...(original.data.reviewer ? { reviewer: original.data.reviewer } : {}),
    ...(isTranslation && entry.data.translation === 'reviewed' && entry.data.lastReviewed
      ? { translationReview: { date: entry.data.lastReviewed, ...(entry.data.reviewer ? { reviewer: entry.data.reviewer } : {}) } }
      : {}),
    translation: entry.data.translation,
    sourceRevision,
    isStale: isTranslation && sourceRevision !== '' && entry.data.sourceRevision !== sourceRevision,
    sources: original.data.sources!,
  };
}

/**
 * Adds a municipality's own lessons to the course. `local` entries have ids
 * `<site>/<locale>/<module>/<lesson>`; only those of `siteIds` count, and the first site in
 * `siteIds` wins. A local lesson with a course lesson's id replaces it for this site only.
 */
export function mergeLocalLessons(core: LessonEntryInput[], local: LessonEntryInput[], siteIds: readonly string[]): LessonEntryInput[] {
  const merged = new Map(core.map((e) => [e.entryId, e]));
  for (const siteId of [...siteIds].reverse()) {
    for (const entry of local) {
      const [owner, ...rest] = entry.entryId.split('/');
      if (owner !== siteId) continue;
      const id = rest.join('/');
      merged.set(id, { ...entry, entryId: id, renderId: entry.entryId, collection: 'localLessons', localSite: siteId });
    }
  }
  return [...merged.values()];
}
