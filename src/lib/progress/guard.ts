/**
 * A zod-free check of the stored progress envelope, for the browser. The zod schema
 * (`progressStoreV1Schema`) stays the source of truth; this guard keeps zod (about 27 KB gzipped)
 * off every lesson page, and a unit test holds the two in agreement on valid and invalid samples.
 */
import type { ProgressStore } from '../../schemas/progress.ts';

/** The envelope version the browser code writes; `schemas/progress.ts` re-exports it. */
export const PROGRESS_STORE_VERSION = 1;

const LESSON_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/;
// ISO 8601 with an offset, as `Date#toISOString()` writes it (and zod's `iso.datetime({ offset: true })` accepts).
const ISO_TIME = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const onlyKeys = (v: Record<string, unknown>, allowed: string[]) => Object.keys(v).every((k) => allowed.includes(k));
const isTime = (v: unknown) => typeof v === 'string' && ISO_TIME.test(v);
const isInt = (v: unknown, min: number, max: number) => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

function isScore(v: unknown): boolean {
  return isObject(v) && onlyKeys(v, ['score', 'total', 'at']) && isInt(v.score, 0, 100) && isInt(v.total, 1, 100) && (v.score as number) <= (v.total as number) && isTime(v.at);
}

function isLessonProgress(v: unknown): boolean {
  if (!isObject(v) || !onlyKeys(v, ['completedAt', 'selfCheck'])) return false;
  if (v.completedAt !== undefined && !isTime(v.completedAt)) return false;
  if (v.selfCheck !== undefined) {
    const s = v.selfCheck;
    if (!isObject(s) || !onlyKeys(s, ['latest', 'best']) || !isScore(s.latest) || !isScore(s.best)) return false;
  }
  return true;
}

/** True when `value` is a valid version-1 progress envelope. */
export function isProgressStore(value: unknown): value is ProgressStore {
  if (!isObject(value) || !onlyKeys(value, ['version', 'siteId', 'updatedAt', 'lessons', 'lastLesson', 'participantName'])) return false;
  if (value.version !== PROGRESS_STORE_VERSION) return false;
  if (typeof value.siteId !== 'string' || value.siteId.length < 1 || value.siteId.length > 64) return false;
  if (!isTime(value.updatedAt)) return false;
  if (!isObject(value.lessons)) return false;
  for (const [id, lesson] of Object.entries(value.lessons)) {
    if (id.length > 120 || !LESSON_ID.test(id) || !isLessonProgress(lesson)) return false;
  }
  if (value.lastLesson !== undefined) {
    const l = value.lastLesson;
    if (!isObject(l) || !onlyKeys(l, ['id', 'locale', 'at']) || typeof l.id !== 'string' || l.id.length > 120 || !LESSON_ID.test(l.id)) return false;
    if (typeof l.locale !== 'string' || !/^[a-z]{2,3}$/.test(l.locale) || !isTime(l.at)) return false;
  }
  if (value.participantName !== undefined && (typeof value.participantName !== 'string' || value.participantName.length > 80)) return false;
  return true;
}
