/**
 * Builds the course as each locale sees it, from plain content entries. Pure: the Astro loader
 * (`load-course.ts`) feeds it collection entries, and unit tests feed it fixtures.
 *
 * Fallback is generated, not redirected: every Swedish lesson exists in every locale. Where a
 * translation is missing the Swedish entry is used and the lesson is flagged `isFallback`; the
 * page chrome stays in the reader's locale.
 */
import type { LessonFrontmatter, Source, TranslationStatus } from '../../schemas/lesson.ts';
import type { ModuleData, ModuleText } from '../../schemas/module.ts';

/** The source language of all content. */
export const SOURCE_LOCALE = 'sv';

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
  lastReviewed: Date;
  translation: TranslationStatus;
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
  const texts = new Map(input.moduleTexts.map((t) => [t.entryId, t]));
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
    for (const field of ['order', 'minutes', 'sources'] as const) {
      if (lesson.data[field] === undefined) {
        throw new ContentError(`${lesson.filePath}: ${field}: required in the Swedish original`);
      }
    }
    if (lesson.data.translation !== 'original') {
      throw new ContentError(`${lesson.filePath}: translation: the Swedish source text must be "original"`);
    }
  }

  const enabled = input.modules
    .filter((m) => input.enabledModules === 'all' || input.enabledModules.includes(m.entryId))
    .sort((a, b) => a.data.order - b.data.order);

  const result = new Map<string, LocaleCourse>();
  for (const locale of input.locales) {
    const translated = byLocale.get(locale) ?? new Map<string, LessonEntryInput>();
    const modules: ResolvedModule[] = enabled.map((m) => {
      const ownText = texts.get(`${locale}/${m.entryId}`);
      const svText = texts.get(`${SOURCE_LOCALE}/${m.entryId}`);
      const text = ownText ?? svText;
      if (!text) throw new ContentError(`content/modules/sv/${m.entryId}.yaml: missing; every module needs Swedish texts`);
      const lessons = [...originals.entries()]
        .filter(([id]) => id.startsWith(`${m.entryId}/`))
        .map(([id, original]): ResolvedLesson => {
          const own = translated.get(id);
          const entry = own ?? original;
          const [, lessonId] = id.split('/') as [string, string];
          return {
            id,
            moduleId: m.entryId,
            lessonId,
            locale,
            contentLocale: own ? locale : SOURCE_LOCALE,
            isFallback: !own,
            entryId: entry.renderId ?? entry.entryId,
            collection: entry.collection ?? 'lessons',
            ...(entry.localSite ? { localSite: entry.localSite } : {}),
            title: entry.data.title,
            summary: entry.data.summary,
            order: original.data.order!,
            minutes: original.data.minutes!,
            lastReviewed: entry.data.lastReviewed,
            translation: entry.data.translation,
            sources: original.data.sources!,
          };
        })
        .sort((a, b) => a.order - b.order || a.lessonId.localeCompare(b.lessonId));
      return {
        id: m.entryId,
        order: m.data.order,
        area: m.data.area,
        plannedHours: m.data.plannedHours,
        locale,
        contentLocale: ownText ? locale : SOURCE_LOCALE,
        isFallback: !ownText,
        translation: text.data.translation,
        title: text.data.title,
        summary: text.data.summary,
        lessons,
      };
    });
    const totalHours = modules.reduce((sum, m) => sum + m.plannedHours, 0);
    result.set(locale, { locale, modules, totalHours });
  }
  return result;
}

/** Previous and next lesson within the course order, crossing module boundaries. */
export function neighbours(course: LocaleCourse, id: string): { previous?: ResolvedLesson; next?: ResolvedLesson } {
  const flat = course.modules.flatMap((m) => m.lessons);
  const index = flat.findIndex((l) => l.id === id);
  if (index === -1) return {};
  return { previous: flat[index - 1], next: flat[index + 1] };
}

/** The course's modules reduced to what progress needs: ids, hours and lesson ids. */
export function courseOutline(course: LocaleCourse): Array<{ id: string; plannedHours: number; lessonIds: string[] }> {
  return course.modules.map((m) => ({ id: m.id, plannedHours: m.plannedHours, lessonIds: m.lessons.map((l) => l.id) }));
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
