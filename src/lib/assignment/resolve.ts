/**
 * Resolving an assignment against this site's course: which modules and lessons exist, which do not
 * (named, never silently dropped: the teacher may have used another site or a newer course), the
 * planned hours, and the participant's progress on it.
 */
import type { Assignment } from '../../schemas/assignment.ts';
import type { ProgressStore } from '../../schemas/progress.ts';
import { roundHours, type ModuleOutline } from '../progress/summary.ts';

export type { ModuleOutline };

/** An assigned whole module this site has. */
export interface ResolvedModuleItem {
  kind: 'module';
  /** Module id. */
  id: string;
  /** Its lessons, in course order. */
  lessonIds: string[];
  /** The module's planned hours. */
  hours: number;
}

/** An assigned single lesson this site has. */
export interface ResolvedLessonItem {
  kind: 'lesson';
  /** Lesson id `<module-id>/<lesson-id>`. */
  id: string;
  moduleId: string;
  /** The module's planned hours divided by its number of lessons. */
  hours: number;
}

export type ResolvedItem = ResolvedModuleItem | ResolvedLessonItem;

/** An assignment matched to the course. */
export interface ResolvedAssignment {
  /** Items this site has, in course order: a module, or a single lesson where its module would be. */
  items: ResolvedItem[];
  /** Assigned module ids this site does not have. */
  missingModules: string[];
  /** Assigned lesson ids this site does not have (their module or the lesson itself is unknown). */
  missingLessons: string[];
  /** Every assigned lesson this site has, once, in course order. */
  lessonIds: string[];
  /** Planned hours of what exists, rounded to one decimal. */
  plannedHours: number;
  /** True when something assigned is missing here. */
  hasMissing: boolean;
}

/**
 * Matches an assignment to the site's course outline (modules in course order, each with its planned
 * hours and lesson ids in order). Whole modules count their planned hours; single lessons count
 * their module's hours divided by its number of lessons. A lesson whose module is also assigned
 * whole is counted once.
 */
export function resolveAssignment(a: Pick<Assignment, 'modules' | 'lessons'>, outline: readonly ModuleOutline[]): ResolvedAssignment {
  const byId = new Map(outline.map((module) => [module.id, module]));
  const wholeIds = new Set(a.modules.filter((id) => byId.has(id)));
  const singleIds = new Set(a.lessons);
  const items: ResolvedItem[] = [];
  const lessonIds: string[] = [];
  const found = new Set<string>();
  let hours = 0;
  for (const module of outline) {
    const perLesson = module.lessonIds.length ? module.plannedHours / module.lessonIds.length : 0;
    if (wholeIds.has(module.id)) {
      items.push({ kind: 'module', id: module.id, lessonIds: [...module.lessonIds], hours: module.plannedHours });
      lessonIds.push(...module.lessonIds);
      hours += module.plannedHours;
      for (const id of module.lessonIds) found.add(id);
      continue;
    }
    for (const id of module.lessonIds) {
      if (!singleIds.has(id)) continue;
      items.push({ kind: 'lesson', id, moduleId: module.id, hours: roundHours(perLesson) });
      lessonIds.push(id);
      hours += perLesson;
      found.add(id);
    }
  }
  const missingModules = a.modules.filter((id) => !byId.has(id));
  const missingLessons = a.lessons.filter((id) => !found.has(id));
  return {
    items,
    missingModules,
    missingLessons,
    lessonIds,
    plannedHours: roundHours(hours),
    hasMissing: missingModules.length + missingLessons.length > 0,
  };
}

/** Progress on one assigned item. */
export interface ItemProgress {
  kind: 'module' | 'lesson';
  id: string;
  /** Lessons completed. */
  completed: number;
  /** Lessons in the item (1 for a single lesson). */
  total: number;
  /** True when every lesson is completed. */
  done: boolean;
}

/** Progress on a whole assignment. */
export interface AssignmentProgress {
  items: ItemProgress[];
  /** Assigned lessons completed. */
  completed: number;
  /** Assigned lessons this site has. */
  total: number;
  /** True when every assigned lesson this site has is completed (and there is at least one). */
  done: boolean;
}

/** The participant's progress on a resolved assignment, per item and in all, from the progress envelope. */
export function assignmentProgress(store: Pick<ProgressStore, 'lessons'>, resolved: ResolvedAssignment): AssignmentProgress {
  const isDone = (id: string) => store.lessons[id]?.completedAt !== undefined;
  const items = resolved.items.map((item): ItemProgress => {
    const ids = item.kind === 'module' ? item.lessonIds : [item.id];
    const completed = ids.filter(isDone).length;
    return { kind: item.kind, id: item.id, completed, total: ids.length, done: ids.length > 0 && completed === ids.length };
  });
  const completed = resolved.lessonIds.filter(isDone).length;
  const total = resolved.lessonIds.length;
  return { items, completed, total, done: total > 0 && completed === total };
}

/** True when an assignment was made for this site, or names no site. */
export function isForSite(a: Pick<Assignment, 'site'>, siteId: string): boolean {
  return a.site === undefined || a.site === siteId;
}
