/**
 * Moving progress between devices: the export file, its validation, and the merge with a preview.
 * A merge never loses data: completed stays completed, the best score wins, and lessons this site
 * does not know are kept.
 */
import { containsMarkup } from '../security/markup.ts';
import {
  PROGRESS_EXPORT_VERSION,
  progressExportV1Schema,
  type LessonProgress,
  type ProgressExport,
  type ProgressStore,
} from '../../schemas/progress.ts';
import { isBetterScore } from './envelope.ts';

/** Largest progress file accepted. A whole course's progress is a few kilobytes. */
export const MAX_PROGRESS_FILE_BYTES = 1_000_000;

/** Why an import file was refused. Each has a translated message in the UI. */
export type ImportError = 'too-large' | 'not-json' | 'wrong-kind' | 'unknown-version' | 'invalid' | 'markup';

/** The UI string that explains each import error to the participant or teacher. */
export const IMPORT_ERROR_KEYS = {
  'too-large': 'progress.error.tooLarge',
  'not-json': 'progress.error.notJson',
  'wrong-kind': 'progress.error.wrongKind',
  'unknown-version': 'progress.error.unknownVersion',
  invalid: 'progress.error.invalid',
  markup: 'progress.error.markup',
} as const satisfies Record<ImportError, string>;

/** Builds the export file from the stored envelope. */
export function toExportFile(store: ProgressStore, schemaUrl: string, now: Date): ProgressExport {
  return {
    $schema: schemaUrl,
    schemaVersion: PROGRESS_EXPORT_VERSION,
    kind: 'orienta.progress',
    siteId: store.siteId,
    exportedAt: now.toISOString(),
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
 * Validates an import file's text. Refuses files that are too large, not JSON, not a progress
 * file, of an unknown version, invalid, or carrying markup in any string.
 */
export function parseProgressFile(text: string, maxBytes = MAX_PROGRESS_FILE_BYTES): { ok: true; file: ProgressExport } | { ok: false; error: ImportError } {
  if (new TextEncoder().encode(text).length > maxBytes) return { ok: false, error: 'too-large' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: 'not-json' };
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return { ok: false, error: 'not-json' };
  const record = data as Record<string, unknown>;
  if (record.kind !== 'orienta.progress') return { ok: false, error: 'wrong-kind' };
  if (record.schemaVersion !== PROGRESS_EXPORT_VERSION) return { ok: false, error: 'unknown-version' };
  if (containsMarkup(data)) return { ok: false, error: 'markup' };
  const parsed = progressExportV1Schema.safeParse(data);
  return parsed.success ? { ok: true, file: parsed.data } : { ok: false, error: 'invalid' };
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
