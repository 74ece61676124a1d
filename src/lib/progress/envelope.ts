/**
 * The progress envelope: pure functions that read, migrate and change it.
 *
 * Lifecycle: the browser store (`client.ts`) reads the raw localStorage value once per page and
 * on every `storage` event, runs it through `readStoredProgress`, and writes a whole new envelope
 * after each change. Storage format: one JSON envelope per site under `orienta:<site-id>:progress`
 * (see `progressStoreV1Schema`). Migrations: each older version has a function that lifts it one
 * version; `migrateProgress` applies them in order, then the result is validated. A version newer
 * than this code is never overwritten: it is treated as unreadable and kept aside.
 */
import type { LessonProgress, ProgressStore, Score } from '../../schemas/progress.ts';
import { isProgressStore, PROGRESS_STORE_VERSION } from './guard.ts';

/** Lifts an envelope from version N to N+1. */
export type Migration = (old: Record<string, unknown>) => Record<string, unknown>;

/**
 * Migrations keyed by the version they upgrade from. Version 1 is the first shipped version, so
 * this is empty; the next format change adds `1: (v1) => v2`.
 */
export const MIGRATIONS: Record<number, Migration> = {};

/** Why a stored value could not be used. */
export type UnreadableReason = 'not-json' | 'invalid' | 'newer-version' | 'other-site';

export type ReadResult =
  | { status: 'empty' }
  | { status: 'ok'; store: ProgressStore; migratedFrom?: number }
  | { status: 'unreadable'; reason: UnreadableReason };

/** A new, empty envelope. */
export function emptyProgress(siteId: string, now: Date): ProgressStore {
  return { version: PROGRESS_STORE_VERSION, siteId, updatedAt: now.toISOString(), lessons: {} };
}

/**
 * Migrates a parsed envelope of any earlier version to the current one.
 *
 * @returns the migrated envelope, or a reason when it cannot be read.
 */
export function migrateProgress(
  value: unknown,
  migrations: Record<number, Migration> = MIGRATIONS,
  target: number = PROGRESS_STORE_VERSION,
): { ok: true; value: unknown; from: number } | { ok: false; reason: UnreadableReason } {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { ok: false, reason: 'invalid' };
  let current = value as Record<string, unknown>;
  const from = typeof current.version === 'number' ? current.version : NaN;
  if (!Number.isInteger(from)) return { ok: false, reason: 'invalid' };
  if (from > target) return { ok: false, reason: 'newer-version' };
  for (let version = from; version < target; version++) {
    const step = migrations[version];
    if (!step) return { ok: false, reason: 'invalid' };
    current = { ...step(current), version: version + 1 };
  }
  return { ok: true, value: current, from };
}

/** Reads a raw localStorage value for `siteId`. Never throws. */
export function readStoredProgress(
  raw: string | null,
  siteId: string,
  migrations: Record<number, Migration> = MIGRATIONS,
  target: number = PROGRESS_STORE_VERSION,
): ReadResult {
  if (raw === null || raw === '') return { status: 'empty' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { status: 'unreadable', reason: 'not-json' };
  }
  const migrated = migrateProgress(parsed, migrations, target);
  if (!migrated.ok) return { status: 'unreadable', reason: migrated.reason };
  // Validated without zod in the browser; `guard.ts` is held to the zod schema by a test.
  const store = migrated.value;
  if (!isProgressStore(store)) return { status: 'unreadable', reason: 'invalid' };
  if (store.siteId !== siteId) return { status: 'unreadable', reason: 'other-site' };
  return migrated.from === target ? { status: 'ok', store } : { status: 'ok', store, migratedFrom: migrated.from };
}

function withLesson(store: ProgressStore, id: string, now: Date, change: (lesson: LessonProgress) => LessonProgress): ProgressStore {
  const lesson = change(store.lessons[id] ?? {});
  const lessons = { ...store.lessons };
  if (lesson.completedAt === undefined && lesson.selfCheck === undefined) delete lessons[id];
  else lessons[id] = lesson;
  return { ...store, lessons, updatedAt: now.toISOString() };
}

/** Marks a lesson completed or not completed. */
export function setCompleted(store: ProgressStore, id: string, completed: boolean, now: Date): ProgressStore {
  return withLesson(store, id, now, (lesson) => {
    if (completed) return { ...lesson, completedAt: lesson.completedAt ?? now.toISOString() };
    const { completedAt: _dropped, ...rest } = lesson;
    return rest;
  });
}

/** True when `a` is a better result than `b`: a higher share right, then more questions. */
export function isBetterScore(a: Score, b: Score | undefined): boolean {
  if (!b) return true;
  const left = a.score * b.total;
  const right = b.score * a.total;
  return left > right || (left === right && a.total > b.total);
}

/** Records a self-check result: it becomes the latest, and the best if it beats the best. */
export function recordSelfCheck(store: ProgressStore, id: string, score: number, total: number, now: Date): ProgressStore {
  const attempt: Score = { score, total, at: now.toISOString() };
  return withLesson(store, id, now, (lesson) => {
    const best = lesson.selfCheck?.best;
    return { ...lesson, selfCheck: { latest: attempt, best: isBetterScore(attempt, best) ? attempt : best! } };
  });
}

/** Remembers the last lesson opened. */
export function setLastLesson(store: ProgressStore, id: string, locale: string, now: Date): ProgressStore {
  return { ...store, lastLesson: { id, locale, at: now.toISOString() }, updatedAt: now.toISOString() };
}

/** Sets or clears the name the participant typed (certificate, export to the teacher). */
export function setParticipantName(store: ProgressStore, name: string, now: Date): ProgressStore {
  const clean = name.replace(/[<>]/g, '').trim().slice(0, 80);
  const { participantName: _old, ...rest } = store;
  return clean ? { ...rest, participantName: clean, updatedAt: now.toISOString() } : { ...rest, updatedAt: now.toISOString() };
}
