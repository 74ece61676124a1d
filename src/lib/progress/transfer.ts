/**
 * Moving progress between devices: the export file, its validation, and the merge with a preview.
 * A merge never loses data: completed stays completed, the best score wins, and lessons this site
 * does not know are kept. Reading and writing the file is the device-data engine's
 * (`readVersionedFile`, `writeVersionedFile`) with the `progressFile` definition.
 */
import type { LessonProgress, ProgressExport, ProgressStore } from '../../schemas/progress.ts';
import { MAX_PARTICIPANT_NAME } from '../../schemas/formats.ts';
import { readVersionedFile, writeVersionedFile, type FileReadResult } from '../device-data/file.ts';
import { cleanName } from '../text/bidi.ts';
import { isBetterScore } from './changes.ts';
import { progressFile } from './file.ts';

/**
 * The export file's text, built from the stored envelope.
 *
 * @param passportId the device's passport id, so a teacher's group counts the participant once
 */
export function writeProgressFile(store: ProgressStore, schemaUrl: string, now: Date, passportId?: string): string {
  return writeVersionedFile(progressFile, toExportBody(store, now, passportId), schemaUrl);
}

/** The body of the export (everything but `$schema`, `schemaVersion` and `kind`). */
export function toExportBody(store: ProgressStore, now: Date, passportId?: string): Omit<ProgressExport, '$schema' | 'schemaVersion' | 'kind'> {
  return {
    siteId: store.siteId,
    exportedAt: now.toISOString(),
    ...(passportId ? { passportId } : {}),
    ...(store.participantName ? { participantName: store.participantName } : {}),
    lessons: Object.entries(store.lessons)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([id, lesson]) => ({
        id,
        completed: lesson.completedAt !== undefined,
        ...(lesson.completedAt ? { completedAt: lesson.completedAt } : {}),
        ...(lesson.selfCheck ? { selfCheck: lesson.selfCheck } : {}),
      })),
    ...(store.lastLesson ? { lastLesson: store.lastLesson } : {}),
  };
}

/**
 * Reads an imported progress file. Refuses files that are too large, not JSON, too deep, not a
 * progress file, of a newer or unknown version, invalid, carrying markup or dated in the future.
 *
 * @param requireSite refuse files from another site (the teacher's group); participants may
 *   bring progress from another municipality's site
 */
export function readProgressFile(text: string, now: Date, requireSite?: string): FileReadResult<ProgressExport> {
  const read = readVersionedFile(text, progressFile, { now, ...(requireSite ? { requireSite } : {}) });
  if (!read.ok || !read.file.participantName) return read;
  return { ok: true, file: { ...read.file, participantName: cleanName(read.file.participantName, MAX_PARTICIPANT_NAME) } };
}

function fromExport(file: ProgressExport): Record<string, LessonProgress> {
  const lessons: Record<string, LessonProgress> = {};
  for (const lesson of file.lessons) {
    const entry: LessonProgress = {};
    if (lesson.completed) entry.completedAt = lesson.completedAt ?? file.exportedAt;
    if (lesson.selfCheck) entry.selfCheck = lesson.selfCheck;
    if (entry.completedAt || entry.selfCheck) lessons[lesson.id] = entry;
  }
  return lessons;
}

function mergeLesson(local: LessonProgress | undefined, incoming: LessonProgress): LessonProgress {
  if (!local) return incoming;
  const completedAt = [local.completedAt, incoming.completedAt].filter(Boolean).sort()[0];
  let selfCheck = local.selfCheck;
  if (incoming.selfCheck) {
    if (!selfCheck) selfCheck = incoming.selfCheck;
    else {
      selfCheck = {
        latest: incoming.selfCheck.latest.at > selfCheck.latest.at ? incoming.selfCheck.latest : selfCheck.latest,
        best: isBetterScore(incoming.selfCheck.best, selfCheck.best) ? incoming.selfCheck.best : selfCheck.best,
      };
    }
  }
  return { ...(completedAt ? { completedAt } : {}), ...(selfCheck ? { selfCheck } : {}) };
}

/** Merges an import into the local envelope. Commutative in what it keeps; never drops data. */
export function mergeProgress(local: ProgressStore, file: ProgressExport, now: Date): ProgressStore {
  const lessons = { ...local.lessons };
  for (const [id, incoming] of Object.entries(fromExport(file))) lessons[id] = mergeLesson(lessons[id], incoming);
  const lastLesson = !local.lastLesson || (file.lastLesson && file.lastLesson.at > local.lastLesson.at) ? (file.lastLesson ?? local.lastLesson) : local.lastLesson;
  const participantName = local.participantName ?? file.participantName;
  return {
    ...local,
    lessons,
    ...(lastLesson ? { lastLesson } : {}),
    ...(participantName ? { participantName } : {}),
    updatedAt: now.toISOString(),
  };
}

/** What an import would change, for the preview shown before anything is stored. */
export interface ImportPreview {
  /** Lessons the file marks completed that are not completed here. */
  newlyCompleted: string[];
  /** Lessons whose best self-check score improves. */
  betterScores: string[];
  /** Lessons in the file that this site's course does not have (kept, but not shown). */
  unknownLessons: string[];
  /** Lessons in the file that change nothing. */
  unchanged: number;
  /** Set when the file comes from another municipality's site. */
  otherSite?: string;
  /** True when the import changes nothing at all. */
  nothingNew: boolean;
}

/** Computes what importing `file` into `local` would change. */
export function previewImport(local: ProgressStore, file: ProgressExport, knownLessonIds: ReadonlySet<string>): ImportPreview {
  const incoming = fromExport(file);
  const newlyCompleted: string[] = [];
  const betterScores: string[] = [];
  const unknownLessons: string[] = [];
  let unchanged = 0;
  for (const [id, lesson] of Object.entries(incoming)) {
    if (!knownLessonIds.has(id)) unknownLessons.push(id);
    const here = local.lessons[id];
    const completes = Boolean(lesson.completedAt && !here?.completedAt);
    const improves = Boolean(lesson.selfCheck && isBetterScore(lesson.selfCheck.best, here?.selfCheck?.best));
    if (completes) newlyCompleted.push(id);
    if (improves) betterScores.push(id);
    if (!completes && !improves) unchanged++;
  }
  return {
    newlyCompleted,
    betterScores,
    unknownLessons,
    unchanged,
    ...(file.siteId !== local.siteId ? { otherSite: file.siteId } : {}),
    nothingNew: newlyCompleted.length === 0 && betterScores.length === 0,
  };
}
