/** Course and module progress figures, computed from the envelope and the course structure. */
import type { ProgressStore } from '../../schemas/progress.ts';

/** What the summary needs to know about a module. */
export interface ModuleOutline {
  id: string;
  plannedHours: number;
  lessonIds: string[];
}

export interface ModuleProgress {
  id: string;
  completed: number;
  total: number;
  /** Planned hours, prorated by completed lessons. */
  hoursDone: number;
  plannedHours: number;
  /** True when every lesson is completed. */
  done: boolean;
  /** When the last of its lessons was completed (ISO), when done. */
  doneAt?: string;
}

export interface CourseProgress {
  modules: ModuleProgress[];
  completed: number;
  total: number;
  hoursDone: number;
  plannedHours: number;
  done: boolean;
}

/** Rounds to one decimal, for hours shown to people. */
export const roundHours = (hours: number) => Math.round(hours * 10) / 10;

/** Summarises progress over the given modules (the whole course, or an assignment's modules). */
export function summarize(store: ProgressStore, modules: ModuleOutline[]): CourseProgress {
  const result = modules.map((module): ModuleProgress => {
    const dates = module.lessonIds.map((id) => store.lessons[id]?.completedAt).filter((d): d is string => Boolean(d));
    const total = module.lessonIds.length;
    const done = total > 0 && dates.length === total;
    return {
      id: module.id,
      completed: dates.length,
      total,
      hoursDone: total ? roundHours((module.plannedHours * dates.length) / total) : 0,
      plannedHours: module.plannedHours,
      done,
      ...(done ? { doneAt: dates.sort().at(-1) } : {}),
    };
  });
  const completed = result.reduce((s, m) => s + m.completed, 0);
  const total = result.reduce((s, m) => s + m.total, 0);
  return {
    modules: result,
    completed,
    total,
    hoursDone: roundHours(result.reduce((s, m) => s + m.hoursDone, 0)),
    plannedHours: roundHours(result.reduce((s, m) => s + m.plannedHours, 0)),
    done: total > 0 && completed === total,
  };
}
