/**
 * Changes to a participant's progress: pure functions from one envelope to the next. The store
 * itself (reading, migrations, storage) is `definitions.ts` on the device-data engine.
 */
import type { LessonProgress, ProgressStore, Score } from '../../schemas/progress.ts';
import { MAX_PARTICIPANT_NAME } from '../../schemas/formats.ts';
import { cleanName } from '../text/bidi.ts';

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

/**
 * Sets or clears the name the participant typed (certificate, export to the teacher). The name is
 * cleaned of markup characters and bidi controls, which could reverse the sentences it appears in.
 */
export function setParticipantName(store: ProgressStore, name: string, now: Date): ProgressStore {
  const clean = cleanName(name, MAX_PARTICIPANT_NAME);
  const { participantName: _old, ...rest } = store;
  return clean ? { ...rest, participantName: clean, updatedAt: now.toISOString() } : { ...rest, updatedAt: now.toISOString() };
}
