/**
 * What the course home offers as its one primary action: start the course, continue with the next
 * unfinished lesson, or (everything done) look at your progress. Pure; the home page's script
 * (`marks.browser.ts`) feeds it the outline and the device's progress and assignments.
 *
 * "Next unfinished" follows what the participant is doing: the lessons of their most recent
 * assignment that still has unfinished lessons, else the module of the lesson they opened last
 * (from that lesson on, then from the module's start), else the course from the start. A lesson
 * already completed is never offered.
 */
import type { ProgressStore } from '../../schemas/progress.ts';

/** The course as this needs it: modules in order, lesson ids in order. */
export interface StepOutline {
  modules: ReadonlyArray<{ id: string; lessons: ReadonlyArray<{ id: string }> }>;
}

/** An assignment as this needs it: whole modules and single lessons, and when it arrived. */
export interface StepAssignment {
  modules: readonly string[];
  lessons: readonly string[];
  receivedAt: string;
}

/** The primary action. */
export type NextStep =
  /** Nothing done yet: the course's first lesson. */
  | { kind: 'start'; lessonId: string }
  /** The next unfinished lesson, and why it was chosen. */
  | { kind: 'continue'; lessonId: string; from: 'assignment' | 'module' | 'course' }
  /** Every lesson completed. */
  | { kind: 'done' }
  /** A course with no lessons. */
  | { kind: 'empty' };

/** Chooses the home's primary action. */
export function nextStep(outline: StepOutline, progress: Pick<ProgressStore, 'lessons' | 'lastLesson'>, assignments: readonly StepAssignment[] = []): NextStep {
  const order = outline.modules.flatMap((m) => m.lessons.map((l) => ({ moduleId: m.id, id: l.id })));
  if (order.length === 0) return { kind: 'empty' };
  const done = (id: string) => Boolean(progress.lessons[id]?.completedAt);
  const started = Object.keys(progress.lessons).length > 0 || progress.lastLesson !== undefined;
  if (!started) return { kind: 'start', lessonId: order[0]!.id };

  const newestFirst = [...assignments].sort((a, b) => (a.receivedAt < b.receivedAt ? 1 : a.receivedAt > b.receivedAt ? -1 : 0));
  for (const assignment of newestFirst) {
    const wanted = new Set(assignment.lessons);
    const modules = new Set(assignment.modules);
    const open = order.find((l) => (modules.has(l.moduleId) || wanted.has(l.id)) && !done(l.id));
    if (open) return { kind: 'continue', lessonId: open.id, from: 'assignment' };
  }

  const last = progress.lastLesson ? order.findIndex((l) => l.id === progress.lastLesson!.id) : -1;
  if (last >= 0) {
    const moduleId = order[last]!.moduleId;
    const inModule = order.filter((l) => l.moduleId === moduleId);
    const at = inModule.findIndex((l) => l.id === order[last]!.id);
    const open = [...inModule.slice(at), ...inModule.slice(0, at)].find((l) => !done(l.id));
    if (open) return { kind: 'continue', lessonId: open.id, from: 'module' };
    // The module is done: the course goes on after it, then from the start.
    const after = [...order.slice(last + 1), ...order.slice(0, last + 1)].find((l) => !done(l.id));
    return after ? { kind: 'continue', lessonId: after.id, from: 'course' } : { kind: 'done' };
  }
  const open = order.find((l) => !done(l.id));
  return open ? { kind: 'continue', lessonId: open.id, from: 'course' } : { kind: 'done' };
}

/** Per-lesson state shown on cards: completed, started (opened or self-checked), or neither. */
export type LessonMark = 'done' | 'started' | 'none';

/** The mark of one lesson; `visited` holds the lessons opened on this device. */
export function lessonMark(id: string, progress: Pick<ProgressStore, 'lessons' | 'lastLesson'>, visited: ReadonlySet<string>): LessonMark {
  const lesson = progress.lessons[id];
  if (lesson?.completedAt) return 'done';
  if (lesson?.selfCheck || visited.has(id) || progress.lastLesson?.id === id) return 'started';
  return 'none';
}
