/**
 * The teacher's group overview: participants × assigned modules, computed from the progress files
 * participants exported for the teacher. Everything runs on the teacher's device; nothing is sent.
 *
 * Naming: a participant is named only by the `participantName` they typed into their export. Rows
 * without one are numbered ("Participant 1", "Participant 2", … in the order the files were given).
 * The file name is never used as a label, because a renamed file may carry more than the
 * participant chose to share; it is kept in `fileName` only so the page can tell the teacher which
 * file a row or an error came from, and it is left out of the CSV.
 *
 * Files are read by `readProgressFile()` (the same rules as importing progress). A file whose
 * participant name and export time equal an earlier file's is the same export given twice: it is
 * counted once and listed in `duplicates`.
 */
import type { Assignment } from '../../schemas/assignment.ts';
import type { ProgressExport } from '../../schemas/progress.ts';
import type { ModuleOutline } from '../progress/summary.ts';
import type { FileError } from '../device-data/errors.ts';
import { readProgressFile } from '../progress/transfer.ts';
import { toCsv, type CsvCell } from '../text/csv.ts';
import { resolveAssignment } from './resolve.ts';

/** A participant's state on one module column. */
export type OverviewStatus = 'completed' | 'in-progress' | 'not-started';

/** One column: an assigned module, whole or in part. */
export interface OverviewColumn {
  moduleId: string;
  /** The assigned lessons of this module that the site has, in course order. */
  lessonIds: string[];
  /** True when only some of the module's lessons are assigned (single lessons). */
  partial: boolean;
  /** How many rows have each status. */
  counts: Record<OverviewStatus, number>;
}

/** Self-check results over a column's lessons. */
export interface SelfCheckSummary {
  /** Mean of the best-score shares (0–1) over the lessons that have a self-check; null when none has. */
  average: number | null;
  /** Lessons with a self-check result. */
  count: number;
}

/** One participant × module cell. */
export interface OverviewCell {
  moduleId: string;
  /** `completed` when every assigned lesson is; `in-progress` when some lesson is completed or has a self-check. */
  status: OverviewStatus;
  /** Assigned lessons completed. */
  completed: number;
  /** Assigned lessons in the column. */
  total: number;
  selfCheck: SelfCheckSummary;
}

/** One participant (one progress file). */
export interface OverviewRow {
  /** The name the participant typed into the export; null when they typed none. */
  name: string | null;
  /** For rows without a name: 1, 2, … in file order, for "Participant 1". Null when named. */
  number: number | null;
  /** Where the label comes from: the participant's own name, or a number. Never the file name. */
  labelSource: 'name' | 'number';
  /** The file's name, only to tell the teacher which file this is. May hold a name: not a label, not in the CSV. */
  fileName: string;
  /** Site the file was exported from. */
  siteId: string;
  /** True when the file comes from another site than the one given in the options. */
  otherSite: boolean;
  /** When it was exported (ISO). */
  exportedAt: string;
  /** One cell per column, in column order. */
  cells: OverviewCell[];
  /** Assigned lessons completed, over all columns. */
  completed: number;
  /** Assigned lessons, over all columns. */
  total: number;
}

/** The whole overview. */
export interface GroupOverview {
  columns: OverviewColumn[];
  rows: OverviewRow[];
  /** Assigned items the course does not have; named so the teacher sees them. */
  missing: { modules: string[]; lessons: string[] };
  /** Files refused, with the reason (the same codes as a progress import). */
  invalid: Array<{ fileName: string; error: FileError }>;
  /** Files that repeat an earlier file (same participant name and export time), counted once. */
  duplicates: Array<{ fileName: string; sameAs: string }>;
}

/** A dropped file: its name and text. */
export interface OverviewFile {
  name: string;
  text: string;
}

export interface OverviewOptions {
  /** This site's id; rows from files of another site get `otherSite: true`. */
  siteId?: string;
  /** When the files are read; dates after it are refused. */
  now?: Date;
}

function columnsFor(assigned: Pick<Assignment, 'modules' | 'lessons'>, outline: readonly ModuleOutline[]) {
  const resolved = resolveAssignment(assigned, outline);
  const columns: Array<Omit<OverviewColumn, 'counts'>> = [];
  for (const item of resolved.items) {
    if (item.kind === 'module') {
      columns.push({ moduleId: item.id, lessonIds: item.lessonIds, partial: false });
      continue;
    }
    const last = columns.at(-1);
    if (last && last.partial && last.moduleId === item.moduleId) last.lessonIds.push(item.id);
    else columns.push({ moduleId: item.moduleId, lessonIds: [item.id], partial: true });
  }
  return { columns, missing: { modules: resolved.missingModules, lessons: resolved.missingLessons } };
}

function cellFor(column: Omit<OverviewColumn, 'counts'>, lessons: Map<string, ProgressExport['lessons'][number]>): OverviewCell {
  let completed = 0;
  let touched = 0;
  let shareSum = 0;
  let count = 0;
  for (const id of column.lessonIds) {
    const lesson = lessons.get(id);
    if (!lesson) continue;
    if (lesson.completed) completed++;
    if (lesson.selfCheck) {
      count++;
      shareSum += lesson.selfCheck.best.score / lesson.selfCheck.best.total;
    }
    if (lesson.completed || lesson.selfCheck) touched++;
  }
  const total = column.lessonIds.length;
  const status: OverviewStatus = total > 0 && completed === total ? 'completed' : touched > 0 ? 'in-progress' : 'not-started';
  return { moduleId: column.moduleId, status, completed, total, selfCheck: { average: count ? shareSum / count : null, count } };
}

/**
 * Builds the group overview from participants' progress export files.
 *
 * @param files the dropped files, in the order given (it sets the numbering of unnamed rows).
 * @param assigned the assignment, or a plain list of module ids (whole modules).
 * @param outline the site's course outline, modules in course order.
 */
export function buildOverview(
  files: readonly OverviewFile[],
  assigned: Pick<Assignment, 'modules' | 'lessons'> | readonly string[],
  outline: readonly ModuleOutline[],
  options: OverviewOptions = {},
): GroupOverview {
  const selection = Array.isArray(assigned) ? { modules: [...(assigned as readonly string[])], lessons: [] } : (assigned as Pick<Assignment, 'modules' | 'lessons'>);
  const { columns, missing } = columnsFor(selection, outline);
  const invalid: GroupOverview['invalid'] = [];
  const duplicates: GroupOverview['duplicates'] = [];
  const seen = new Map<string, string>();
  const rows: OverviewRow[] = [];
  let unnamed = 0;
  for (const { name: fileName, text } of files) {
    const parsed = readProgressFile(typeof text === 'string' ? text : '', options.now ?? new Date());
    if (!parsed.ok) {
      invalid.push({ fileName, error: parsed.error });
      continue;
    }
    const file = parsed.file;
    const name = file.participantName?.trim() || null;
    const key = JSON.stringify([name, file.exportedAt]);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      duplicates.push({ fileName, sameAs: earlier });
      continue;
    }
    seen.set(key, fileName);
    const lessons = new Map(file.lessons.map((lesson) => [lesson.id, lesson]));
    const cells = columns.map((column) => cellFor(column, lessons));
    rows.push({
      name,
      number: name === null ? ++unnamed : null,
      labelSource: name === null ? 'number' : 'name',
      fileName,
      siteId: file.siteId,
      otherSite: options.siteId !== undefined && file.siteId !== options.siteId,
      exportedAt: file.exportedAt,
      cells,
      completed: cells.reduce((sum, cell) => sum + cell.completed, 0),
      total: cells.reduce((sum, cell) => sum + cell.total, 0),
    });
  }
  const withCounts = columns.map((column, index): OverviewColumn => {
    const counts: Record<OverviewStatus, number> = { completed: 0, 'in-progress': 0, 'not-started': 0 };
    for (const row of rows) counts[row.cells[index].status]++;
    return { ...column, counts };
  });
  return { columns: withCounts, rows, missing, invalid, duplicates };
}

/** Texts for the CSV, in the teacher's language. */
export interface OverviewCsvLabels {
  /** Header of the first column, e.g. "Participant". */
  participant: string;
  /** Label of an unnamed row, e.g. `(n) => \`Participant ${n}\``. */
  unnamed: (n: number) => string;
  /** Header of the export time column, e.g. "Exported". */
  exportedAt: string;
  /** Formats the export time; defaults to the ISO string. */
  formatExportedAt?: (iso: string) => string;
  /** The module's name for the headers, e.g. its title (mark partial columns as you like). */
  module: (column: OverviewColumn) => string;
  /** Header suffix of the status column, e.g. "status". */
  status: string;
  /** The status words. */
  statuses: Record<OverviewStatus, string>;
  /** Header suffix of the completed-lessons column, e.g. `(total) => \`lessons completed (of ${total})\``. */
  completed: (total: number) => string;
  /** Header suffix of the self-check average column (a whole percentage), e.g. "self-check average %". */
  score: string;
  /** Header suffix of the number of self-checks column, e.g. "self-checks". */
  scoreCount: string;
}

/**
 * The overview as CSV: a UTF-8 byte-order mark (so Excel reads the scripts right), CRLF line ends,
 * one row per participant, and per column its status, lessons completed, self-check average (whole
 * percent, empty when none) and number of self-checks. Text cells that start with `=`, `+`, `-`, `@`
 * or a tab are prefixed with `'` so no spreadsheet runs them. File names are not included.
 *
 * @param options.delimiter `,` (default) or `;` (what Excel expects in Swedish and many other locales).
 */
export function overviewToCsv(overview: GroupOverview, labels: OverviewCsvLabels, options: { delimiter?: ',' | ';' } = {}): string {
  const header: CsvCell[] = [labels.participant, labels.exportedAt];
  for (const column of overview.columns) {
    const title = labels.module(column);
    header.push(`${title}: ${labels.status}`, `${title}: ${labels.completed(column.lessonIds.length)}`, `${title}: ${labels.score}`, `${title}: ${labels.scoreCount}`);
  }
  const rows: CsvCell[][] = [header];
  for (const row of overview.rows) {
    const cells: CsvCell[] = [row.name ?? labels.unnamed(row.number ?? 0), labels.formatExportedAt ? labels.formatExportedAt(row.exportedAt) : row.exportedAt];
    for (const cell of row.cells) {
      cells.push(labels.statuses[cell.status], cell.completed, cell.selfCheck.average === null ? null : Math.round(cell.selfCheck.average * 100), cell.selfCheck.count);
    }
    rows.push(cells);
  }
  return toCsv(rows, { delimiter: options.delimiter ?? ',' });
}
