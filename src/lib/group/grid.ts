/**
 * The class grid: participants × lessons, grouped by module, with totals per participant and per
 * lesson, and the same table as CSV. Pure: the group page renders it, the CSV export writes it,
 * so the file always has the screen's columns.
 */
import type { GroupParticipant, GroupStore } from '../../schemas/group.ts';
import { toCsv, type CsvCell } from '../text/csv.ts';

/** A lesson column. */
export interface GridLesson {
  id: string;
  title: string;
  /** Participants who completed it. */
  done: number;
}

/** A module: its lesson columns. */
export interface GridModule {
  id: string;
  title: string;
  lessons: GridLesson[];
}

/** A cell: done, started (a self-check but not marked completed) or not started, with the best score. */
export interface GridCell {
  state: 'done' | 'started' | 'not-started';
  best?: { score: number; total: number };
}

/** A participant's row. */
export interface GridRow {
  key: string;
  /** Their chosen name; null when they chose none (shown as "Participant n"). */
  name: string | null;
  /** For unnamed rows: 1, 2, … in the order they were added. */
  number: number | null;
  asOf: string;
  via: GroupParticipant['via'];
  cells: GridCell[];
  /** Lessons done, of all columns. */
  done: number;
  total: number;
}

export interface ClassGrid {
  modules: GridModule[];
  rows: GridRow[];
}

/** How the rows are ordered. */
export type GridSort = 'added' | 'name' | 'done-desc' | 'done-asc';

/** The outline the grid needs: modules with lesson ids and titles, in course order. */
export type GridOutline = ReadonlyArray<{ id: string; title: string; lessons: ReadonlyArray<{ id: string; title: string }> }>;

/** Builds the grid; `moduleIds` narrows the columns to some modules (e.g. an assignment's). */
export function classGrid(group: GroupStore, outline: GridOutline, options: { sort?: GridSort; moduleIds?: readonly string[]; locale?: string } = {}): ClassGrid {
  const wanted = options.moduleIds?.length ? new Set(options.moduleIds) : null;
  const modules: GridModule[] = outline
    .filter((m) => !wanted || wanted.has(m.id))
    .map((m) => ({ id: m.id, title: m.title, lessons: m.lessons.map((l) => ({ id: l.id, title: l.title, done: 0 })) }));
  const columns = modules.flatMap((m) => m.lessons);
  let unnamed = 0;
  const rows: GridRow[] = group.participants.map((p) => {
    const cells = columns.map((column): GridCell => {
      const state = p.lessons[column.id];
      if (!state) return { state: 'not-started' };
      if (state.completed) column.done++;
      return { state: state.completed ? 'done' : 'started', ...(state.best ? { best: state.best } : {}) };
    });
    const done = cells.filter((c) => c.state === 'done').length;
    return { key: p.key, name: p.name ?? null, number: p.name ? null : ++unnamed, asOf: p.asOf, via: p.via, cells, done, total: columns.length };
  });
  return { modules, rows: sortRows(rows, options.sort ?? 'added', options.locale) };
}

function sortRows(rows: GridRow[], sort: GridSort, locale?: string): GridRow[] {
  const label = (r: GridRow) => r.name ?? `\uffff${String(r.number).padStart(4, '0')}`;
  const sorted = [...rows];
  if (sort === 'name') sorted.sort((a, b) => label(a).localeCompare(label(b), locale));
  if (sort === 'done-desc') sorted.sort((a, b) => b.done - a.done || label(a).localeCompare(label(b), locale));
  if (sort === 'done-asc') sorted.sort((a, b) => a.done - b.done || label(a).localeCompare(label(b), locale));
  return sorted;
}

/** The words the CSV needs, in the teacher's language. */
export interface GridCsvLabels {
  participant: string;
  /** "Participant {{number}}". */
  unnamed: (number: number) => string;
  asOf: string;
  done: string;
  started: string;
  notStarted: string;
  total: string;
}

/**
 * The grid as CSV, with the screen's columns: participant, day of the progress, one column per
 * lesson (headed "module: lesson"), then the total. A cell is "done", "started" or empty, with the
 * best self-check score ("done 3/4"). The last row holds the totals per lesson.
 */
export function gridToCsv(grid: ClassGrid, labels: GridCsvLabels, delimiter: ',' | ';' = ','): string {
  const columns = grid.modules.flatMap((m) => m.lessons.map((l) => ({ module: m.title, lesson: l })));
  const cell = (c: GridCell): CsvCell => {
    const word = c.state === 'done' ? labels.done : c.state === 'started' ? labels.started : '';
    return c.best ? `${word} ${c.best.score}/${c.best.total}`.trim() : word;
  };
  const rows: CsvCell[][] = [
    [labels.participant, labels.asOf, ...columns.map((c) => `${c.module}: ${c.lesson.title}`), labels.total],
    ...grid.rows.map((r) => [r.name ?? labels.unnamed(r.number ?? 0), r.asOf, ...r.cells.map(cell), `${r.done}/${r.total}`]),
    [labels.total, '', ...columns.map((c) => `${c.lesson.done}/${grid.rows.length}`), ''],
  ];
  return toCsv(rows, { delimiter, bom: true });
}
