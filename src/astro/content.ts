/**
 * Loads the content collections once per build and hands plain data to the pure builders in
 * `src/lib`. The one place (with `routes.ts`) that reads `astro:content`.
 */
import { getCollection, getEntry, render, type CollectionEntry } from 'astro:content';
import { locales, localSiteIds, reservedSegments, site } from './site.ts';
import { buildCourse, ContentError, mergeLocalLessons, type LessonEntryInput, type LocaleCourse } from '../lib/content/course.ts';
import { byLocale, resolveLocalized, type Localized } from '../lib/content/fallback.ts';
import { checkSurveySet } from '../lib/survey/definitions.ts';
import type { SurveyDefinition } from '../schemas/survey.ts';
import type { Fact } from '../schemas/fact.ts';
import type { CardSteps, Change } from '../schemas/change.ts';
import { factAgeDays, FactError, FACT_MAX_AGE_DAYS, mergeFactFiles } from '../lib/content/facts.ts';
import { SOURCE_LOCALE } from '../lib/i18n/locales.ts';
import { audioRoots, listLessonAudio, readManifest } from '../lib/audio/content.ts';
import { contentDirFromEnv } from '../lib/site/load.ts';
import type { AudioManifest } from '../schemas/audio.ts';
import { mdxContent, type MdxContent } from './mdx-content.ts';
import { mdxMetadata, readMdxBody } from './mdx-entries.ts';

let course: Promise<Map<string, LocaleCourse>> | undefined;

/** A lesson entry for the course builder, with the revision of its text (worked out by the loader). */
function lessonInput(entry: CollectionEntry<'lessons'> | CollectionEntry<'localLessons'>, dir: string): LessonEntryInput {
  return {
    entryId: entry.id,
    filePath: entry.filePath ?? `content/${dir}/${entry.id}.mdx`,
    data: entry.data,
    revision: String(mdxMetadata(entry).revision),
  };
}

async function loadCourse(): Promise<Map<string, LocaleCourse>> {
  const [modules, moduleTexts, lessons, localLessons] = await Promise.all([
    getCollection('modules'),
    getCollection('moduleTexts'),
    getCollection('lessons'),
    getCollection('localLessons'),
  ]);
  const withPath = <T extends { id: string; filePath?: string }>(e: T) => ({ entryId: e.id, filePath: e.filePath ?? `content/modules/${e.id}.yaml` });
  return buildCourse({
    modules: modules.map((e) => ({ ...withPath(e), data: e.data })),
    moduleTexts: moduleTexts.map((e) => ({ ...withPath(e), data: e.data })),
    lessons: mergeLocalLessons(
      lessons.map((e) => lessonInput(e, 'lessons')),
      localLessons.map((e) => lessonInput(e, 'sites')),
      localSiteIds,
    ),
    locales: locales.map((l) => l.code),
    enabledModules: site.modules,
    reservedSegments,
  });
}

/** The course as a locale sees it. */
export async function getCourse(locale: string): Promise<LocaleCourse> {
  course ??= loadCourse();
  const resolved = (await course).get(locale);
  if (!resolved) throw new ContentError(`No course for locale "${locale}"`);
  return resolved;
}

/** Every published locale's course, in display order. */
export async function getCourses(): Promise<LocaleCourse[]> {
  return Promise.all(locales.map((l) => getCourse(l.code)));
}

/** Every survey definition (all versions, for the report) and the latest of each (for forms). */
export async function getSurveys(): Promise<{ all: SurveyDefinition[]; latest: SurveyDefinition[] }> {
  const all = (await getCollection('surveys')).map((e) => e.data);
  checkSurveySet(all);
  const latest = [...new Map([...all].sort((a, b) => a.version - b.version).map((s) => [s.id, s])).values()];
  return { all, latest };
}

/**
 * A page or teacher guide in a locale, or its source-language text as a fallback.
 *
 * @param id the entry's id without its locale, e.g. `privacy` or a module id for guides
 */
export async function getLocalizedEntry<C extends 'pages' | 'guides'>(collection: C, id: string, locale: string): Promise<Localized<CollectionEntry<C>> | undefined> {
  const entries = (await getCollection(collection)) as CollectionEntry<C>[];
  return resolveLocalized(byLocale(entries).get(id) ?? new Map(), locale);
}


let facts: Promise<Map<string, Fact & { file: string }>> | undefined;

/** Every fact of the course, by id (from all `content/facts/*.yaml`). */
export async function getFacts(): Promise<Map<string, Fact & { file: string }>> {
  facts ??= getCollection('facts').then((entries) => {
    const merged = mergeFactFiles(entries.map((entry) => ({ file: entry.filePath ?? `content/facts/${entry.id}.yaml`, facts: entry.data })));
    // Facts age: the build says which need reading again (npm run facts:status lists them all).
    const now = new Date();
    for (const [id, fact] of merged) {
      const age = factAgeDays(fact, now);
      if (age > FACT_MAX_AGE_DAYS) console.warn(`[orienta] ${fact.file}: ${id} was checked ${age} days ago; read ${fact.source.url} again`);
    }
    return merged;
  });
  return facts;
}

/** One fact; a build error naming the id when no fact file defines it. */
export async function getFact(id: string, where: string): Promise<Fact> {
  const fact = (await getFacts()).get(id);
  if (!fact) throw new FactError(`${where}: <Fact id="${id}" />: no such fact in content/facts/*.yaml`);
  return fact;
}

/** The steps lessons can suggest for the competence card, by id. */
export async function getCardSteps(): Promise<CardSteps> {
  return (await getCollection('cardSteps'))[0]?.data.steps ?? {};
}

/**
 * Where each competence-card step is suggested: step id → the first lesson (in course order) whose
 * source text has `<CardStep id="…" />`, so the card can link a step back to its lesson.
 */
export async function getCardStepLessons(): Promise<Map<string, string>> {
  const source = await getCourse(SOURCE_LOCALE);
  const steps = new Map((await getCollection('lessons')).map((entry) => [entry.id, mdxMetadata(entry).cardSteps as string[]]));
  const lessons = new Map<string, string>();
  for (const lesson of source.modules.flatMap((module) => module.lessons)) {
    for (const stepId of steps.get(lesson.entryId) ?? []) if (!lessons.has(stepId)) lessons.set(stepId, lesson.id);
  }
  return lessons;
}

let audio: Map<string, AudioManifest> | undefined;

/**
 * A lesson's recorded audio in one language, from the content's audio folders (checked in full,
 * and published, by the audio integration at the end of the build).
 */
export function getLessonAudio(locale: string, lessonId: string): AudioManifest | undefined {
  audio ??= new Map(
    listLessonAudio(audioRoots(contentDirFromEnv(), site.id)).flatMap((folder) => {
      const manifest = readManifest(folder, new Date());
      return manifest ? [[`${folder.locale}/${folder.lesson}`, manifest] as const] : [];
    }),
  );
  return audio.get(`${locale}/${lessonId}`);
}

/** The course's change log, newest first. */
export async function getChanges(): Promise<Change[]> {
  return (await getCollection('changes')).map((entry) => entry.data).sort((a, b) => b.date.getTime() - a.date.getTime());
}

/**
 * Renders a collection entry (a lesson, page or guide) for a page. Lessons are data entries whose
 * body is compiled here (`mdx-content.ts`); pages and guides are MDX modules.
 */
export async function renderEntry(collection: 'lessons' | 'localLessons' | 'pages' | 'guides', id: string): Promise<{ Content: MdxContent | Awaited<ReturnType<typeof render>>['Content'] }> {
  const entry = await getEntry(collection, id);
  if (!entry) throw new ContentError(`${collection}: entry "${id}" not found`);
  if (collection === 'lessons' || collection === 'localLessons') {
    const { source } = mdxMetadata(entry);
    return { Content: mdxContent(readMdxBody(source), entry.filePath ?? source) };
  }
  return render(entry);
}
