/**
 * The published survey report: a partial summary (exact counts) turned into what may be shown,
 * for one reporting period. Everything derived from responses obeys the minimum group size:
 * indicators, table cells, answer distributions, free text and before/after changes. Tables get
 * complementary suppression (`suppression.ts`), so a hidden group cannot be worked out from the
 * totals; the language and gender figures all come from one protected language × gender table, so
 * no two published tables give away each other's hidden cells.
 *
 * Free text is shown only when its question reaches the minimum group size in the period, only
 * from languages that do too (a lone comment in a language few answered in would name its writer),
 * and in an order that follows neither language nor time.
 *
 * Reporting period: Länsstyrelsen's follow-up of civic orientation counts 1 October – 30
 * September; `soPeriodOf` gives that period for a day. Indicators are shown with last period's
 * beside them, and a 95 % interval from 10 answers.
 */
import type { IndicatorRole } from '../../schemas/survey.ts';
import type { FileError } from '../device-data/errors.ts';
import { textHash } from '../text/hash.ts';
import type { FreeTexts } from './aggregate.ts';
import { DIMENSIONS, ROLE_COUNTERS, type Dimension, type PartialSummary, type PartialSurvey, type SkipReason } from './partial.ts';
import { suppressOneWay, suppressTwoWay } from './suppression.ts';

/** Default smallest group shown, as statistics offices do. */
export const DEFAULT_MIN_GROUP_SIZE = 5;
/** Fewest answers for a 95 % interval. */
export const MIN_INTERVAL_N = 10;

/** A reporting period: months from and to, inclusive (YYYY-MM). */
export interface Period {
  from: string;
  to: string;
}

/** The follow-up period (1 October – 30 September) that holds `day`. */
export function soPeriodOf(day: Date): Period {
  const year = day.getUTCMonth() >= 9 ? day.getUTCFullYear() : day.getUTCFullYear() - 1;
  return { from: `${year}-10`, to: `${year + 1}-09` };
}

/** The period a year before. */
export function previousPeriod(period: Period): Period {
  const back = (month: string) => `${Number(month.slice(0, 4)) - 1}${month.slice(4)}`;
  return { from: back(period.from), to: back(period.to) };
}

/** The follow-up periods that hold answers, newest first. */
export function periodsWithAnswers(summary: PartialSummary): Period[] {
  const months = new Set(summary.surveys.flatMap((s) => s.cells.map((c) => c[2])));
  const periods = new Map([...months].map((m) => {
    const p = soPeriodOf(new Date(`${m}-15T00:00:00Z`));
    return [p.from, p] as const;
  }));
  return [...periods.values()].sort((a, b) => (a.from < b.from ? 1 : -1));
}

const inPeriod = (month: string, period: Period | null) => !period || (month >= period.from && month <= period.to);

/** A share as published: shown with its n and interval, or hidden (fewer answers than the minimum). */
export type PublishedShare = { hidden: false; n: number; count: number; share: number; interval?: [number, number] } | { hidden: true };
/** A mean change as published. */
export type PublishedChange = { hidden: false; pairs: number; meanBefore: number; meanAfter: number; change: number; interval?: [number, number] } | { hidden: true };

/** The headline indicators, this period and last. */
export interface Headline {
  verySatisfied?: { current: PublishedShare; previous: PublishedShare | null };
  satisfied?: { current: PublishedShare; previous: PublishedShare | null };
  jobKnowledge?: { current: PublishedShare; previous: PublishedShare | null };
  languageUnderstood?: { current: PublishedShare; previous: PublishedShare | null };
  /** Before/after change in self-assessed knowledge, over every question (points on 1–5). */
  knowledgeChange?: { current: PublishedChange; previous: PublishedChange | null };
}
export type IndicatorName = Exclude<keyof Headline, 'knowledgeChange'>;
export const INDICATOR_NAMES: readonly IndicatorName[] = ['verySatisfied', 'satisfied', 'jobKnowledge', 'languageUnderstood'];

/** One row of a one-way table: its group's answers and indicators, or hidden. */
export type TableRow = { key: string; hidden: true } | { key: string; hidden: false; n: number; indicators: Partial<Record<IndicatorName, PublishedShare>> };

/** A one-way table. `total` is null when it had to be hidden. */
export interface PublishedTable {
  dimension: Dimension;
  rows: TableRow[];
  total: number | null;
}

/** A count table for the follow-up summary: one-way, null for a hidden cell. */
export interface CountTable {
  rows: Array<{ key: string; value: number | null }>;
  total: number | null;
}

/** A two-way count table, null for hidden cells and totals. */
export interface CrossTable {
  rowKeys: string[];
  columnKeys: string[];
  cells: Array<Array<number | null>>;
  rowTotals: Array<number | null>;
  columnTotals: Array<number | null>;
  total: number | null;
}

/** How one question was answered in the period, or hidden. */
export type PublishedQuestion =
  | { id: string; type: string; indicator?: string; hidden: true }
  | { id: string; type: 'likert5'; indicator?: string; hidden: false; n: number; counts: number[]; mean: number }
  | { id: string; type: 'single' | 'multiple'; indicator?: string; hidden: false; n: number; options: Array<{ id: string; count: number }> }
  | { id: string; type: 'text'; indicator?: string; hidden: false; n: number; texts: string[]; withheld: number };

/** One survey in the period. */
export interface PublishedSurvey {
  surveyId: string;
  kind: PartialSurvey['kind'];
  /** Responses in the period; null when fewer than the minimum. */
  responses: number | null;
  tables: PublishedTable[];
  questions: PublishedQuestion[];
  /** Self-assessments: change per question. */
  selfAssessment?: Array<{ id: string; change: PublishedChange }>;
}

/** Counts for Länsstyrelsen's follow-up (the SO survey), for one group of participants. */
export interface FollowUpBlock {
  total: number | null;
  byLanguageAndGender: CrossTable;
  byForm: CountTable;
  bySetting: CountTable;
}

/** The report. */
export interface PublishedReport {
  minGroupSize: number;
  period: Period | null;
  previousPeriod: Period | null;
  files: { read: number; valid: number; invalidByReason: Partial<Record<FileError, number>> };
  responses: { read: number; counted: number; duplicates: number; skipped: number; skippedByReason: Partial<Record<SkipReason, number>> };
  headline: Headline;
  surveys: PublishedSurvey[];
  /** Started (answered the self-assessment at the start) and answered the course survey, in the period. */
  followUp: { started: FollowUpBlock; answered: FollowUpBlock };
}

export interface PublishOptions {
  minGroupSize?: number;
  /** null for every answer ever; default: the follow-up period of today. */
  period?: Period | null;
  /** Free texts from the aggregator (report page); absent for merged summaries. */
  texts?: readonly FreeTexts[];
  now?: Date;
}

// ---------------------------------------------------------------------------------------------
// Statistics

/** Wilson score interval, 95 %. */
export function wilson(count: number, n: number): [number, number] {
  const z = 1.959964;
  const p = count / n;
  const denominator = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denominator;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

const T95 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042];
/** Two-sided 95 % quantile of Student's t. */
const t95 = (df: number) => (df <= 30 ? T95[df - 1]! : df <= 60 ? 2.0 : df <= 120 ? 1.98 : 1.96);

function publishShare(count: number, n: number, k: number): PublishedShare {
  if (n < k) return { hidden: true };
  return { hidden: false, n, count, share: count / n, ...(n >= MIN_INTERVAL_N ? { interval: wilson(count, n) } : {}) };
}

/** Sums [pairs, sum before, sum after, sum of squared change] into a published mean change. */
function publishChange([pairs, sumBefore, sumAfter, sumSquares]: readonly number[], k: number): PublishedChange {
  if (pairs! < k || !pairs) return { hidden: true };
  const change = (sumAfter! - sumBefore!) / pairs;
  const variance = pairs > 1 ? (sumSquares! - pairs * change * change) / (pairs - 1) : 0;
  const half = pairs >= MIN_INTERVAL_N ? t95(pairs - 1) * Math.sqrt(Math.max(0, variance) / pairs) : null;
  return { hidden: false, pairs, meanBefore: sumBefore! / pairs, meanAfter: sumAfter! / pairs, change, ...(half !== null ? { interval: [change - half, change + half] as [number, number] } : {}) };
}

// ---------------------------------------------------------------------------------------------
// Groups

const dimensionIndex = (d: Dimension) => DIMENSIONS.indexOf(d);
type Counts = number[];
const N_COUNTS = 1 + ROLE_COUNTERS.length * 3;

/** The cells of a survey in a period, optionally of one phase. */
function cellsIn(survey: PartialSurvey, period: Period | null, phase?: string) {
  return survey.cells.filter((c) => inPeriod(c[2], period) && (phase === undefined || c[6] === phase));
}

function sumBy(cells: PartialSurvey['cells'], dimension: Dimension | null): Map<string, Counts> {
  const out = new Map<string, Counts>();
  const at = dimension ? dimensionIndex(dimension) : -1;
  for (const cell of cells) {
    const key = at === -1 ? '' : (cell[at] as string);
    const counts = out.get(key) ?? new Array(N_COUNTS).fill(0);
    for (let i = 0; i < N_COUNTS; i++) counts[i] += cell[DIMENSIONS.length + i] as number;
    out.set(key, counts);
  }
  return out;
}

const roleShares = (counts: Counts, roles: PartialSurvey['roles'], k: number): Partial<Record<IndicatorName, PublishedShare>> => {
  const out: Partial<Record<IndicatorName, PublishedShare>> = {};
  const at = (role: IndicatorRole) => 1 + ROLE_COUNTERS.indexOf(role) * 3;
  if (roles['overall-satisfaction']) {
    const i = at('overall-satisfaction');
    out.verySatisfied = publishShare(counts[i + 2]!, counts[i]!, k);
    out.satisfied = publishShare(counts[i + 1]!, counts[i]!, k);
  }
  if (roles['job-knowledge']) out.jobKnowledge = publishShare(counts[at('job-knowledge') + 1]!, counts[at('job-knowledge')]!, k);
  if (roles['language-understood']) out.languageUnderstood = publishShare(counts[at('language-understood') + 1]!, counts[at('language-understood')]!, k);
  return out;
};

/**
 * The language × gender table of a group of cells, with complementary suppression. Its margins
 * are the only language and gender counts published for that group.
 */
function languageByGender(cells: PartialSurvey['cells'], k: number): CrossTable {
  const rowKeys = [...new Set(cells.map((c) => c[0]))].sort();
  const columnKeys = [...new Set(cells.map((c) => c[3]))].sort();
  const values = rowKeys.map(() => columnKeys.map(() => 0));
  for (const c of cells) values[rowKeys.indexOf(c[0])]![columnKeys.indexOf(c[3])]! += c[7];
  const hidden = suppressTwoWay(values, k);
  const rowTotals = values.map((row) => row.reduce((s, v) => s + v, 0));
  const columnTotals = columnKeys.map((_, j) => values.reduce((s, row) => s + row[j]!, 0));
  const total = rowTotals.reduce((s, v) => s + v, 0);
  return {
    rowKeys,
    columnKeys,
    cells: values.map((row, r) => row.map((v, c) => (hidden.cells[r]![c] ? null : v))),
    rowTotals: rowTotals.map((v, r) => (hidden.rowTotals[r] ? null : v)),
    columnTotals: columnTotals.map((v, c) => (hidden.columnTotals[c] ? null : v)),
    total: rowKeys.length === 0 ? 0 : hidden.grandTotal ? null : total,
  };
}

function countTable(groups: Map<string, Counts>, k: number): CountTable {
  const keys = [...groups.keys()].sort();
  const values = keys.map((key) => groups.get(key)![0]!);
  const suppressed = suppressOneWay(values, k);
  return { rows: keys.map((key, i) => ({ key, value: suppressed.hidden[i] ? null : values[i]! })), total: suppressed.totalHidden ? null : values.reduce((s, v) => s + v, 0) };
}

/** Where a likert role's counters start in a group's counts. */
const roleAt = (role: IndicatorRole) => 1 + ROLE_COUNTERS.indexOf(role) * 3;
const INDICATOR_ROLE: Record<IndicatorName, IndicatorRole> = {
  verySatisfied: 'overall-satisfaction',
  satisfied: 'overall-satisfaction',
  jobKnowledge: 'job-knowledge',
  languageUnderstood: 'language-understood',
};

/**
 * A one-way table of indicators by a dimension. Rows are hidden by the cross table's margins
 * (language, gender) or by their own suppression; within the shown rows, each indicator is a
 * one-way table of its own answer counts and is protected the same way.
 */
function indicatorTable(survey: PartialSurvey, cells: PartialSurvey['cells'], dimension: Dimension, k: number, margins?: { keys: string[]; values: Array<number | null> }): PublishedTable {
  const groups = sumBy(cells, dimension);
  const keys = [...groups.keys()].sort();
  const ns = keys.map((key) => groups.get(key)![0]!);
  const own = suppressOneWay(ns, k);
  const hiddenRows = margins ? keys.map((key) => margins.values[margins.keys.indexOf(key)] === null) : own.hidden;
  const totalHidden = margins ? ns.reduce((s, v) => s + v, 0) < k && ns.some((v) => v > 0) : own.totalHidden;
  const perRow = keys.map((key) => roleShares(groups.get(key)!, survey.roles, k));
  const shown = new Map<IndicatorName, boolean[]>();
  for (const name of INDICATOR_NAMES) {
    const roleNs = keys.map((key) => groups.get(key)![roleAt(INDICATOR_ROLE[name])]!);
    const hidden = suppressOneWay(roleNs, k, hiddenRows).hidden;
    shown.set(name, hidden.map((h) => !h));
  }
  return {
    dimension,
    rows: keys.map((key, i): TableRow => {
      if (hiddenRows[i]) return { key, hidden: true };
      const indicators: Partial<Record<IndicatorName, PublishedShare>> = {};
      for (const name of INDICATOR_NAMES) {
        const value = perRow[i]![name];
        if (value) indicators[name] = shown.get(name)![i] ? value : { hidden: true };
      }
      return { key, hidden: false, n: ns[i]!, indicators };
    }),
    total: totalHidden ? null : ns.reduce((s, v) => s + v, 0),
  };
}

function followUpBlock(cells: PartialSurvey['cells'], k: number): FollowUpBlock {
  const cross = languageByGender(cells, k);
  return { total: cross.total, byLanguageAndGender: cross, byForm: countTable(sumBy(cells, 'form'), k), bySetting: countTable(sumBy(cells, 'setting'), k) };
}

function publishQuestions(survey: PartialSurvey, period: Period | null, k: number, texts: readonly FreeTexts[], localeCounts: Map<string, number>): PublishedQuestion[] {
  return survey.questions.map((q): PublishedQuestion => {
    const base = { id: q.id, ...(q.indicator ? { indicator: q.indicator } : {}) };
    const counts = Object.entries(q.byMonth).filter(([m]) => inPeriod(m, period)).reduce<number[]>((sum, [, c]) => c.map((v, i) => (sum[i] ?? 0) + v), []);
    const n = counts[0] ?? 0;
    if (n < k) return { ...base, type: q.type, hidden: true };
    if (q.type === 'likert5') {
      const points = counts.slice(1, 6);
      return { ...base, type: 'likert5', hidden: false, n, counts: points, mean: points.reduce((s, c, i) => s + c * (i + 1), 0) / n };
    }
    if (q.type === 'text') {
      const kept = texts.find((t) => t.surveyId === survey.surveyId && t.questionId === q.id);
      const inScope = (kept?.texts ?? []).filter((t) => inPeriod(t.month, period));
      const safe = inScope.filter((t) => (localeCounts.get(t.locale) ?? 0) >= k);
      return { ...base, type: 'text', hidden: false, n, texts: safe.map((t) => t.text).sort((a, b) => (textHash(a) < textHash(b) ? -1 : 1)), withheld: n - safe.length };
    }
    return { ...base, type: q.type, hidden: false, n, options: (q.options ?? []).map((id, i) => ({ id, count: counts[1 + i] ?? 0 })) };
  });
}

function headlineFor(summary: PartialSummary, period: Period | null, k: number): { shares: Partial<Record<IndicatorName, PublishedShare>>; change: PublishedChange | null } {
  const course = summary.surveys.filter((s) => s.kind === 'course');
  const total = new Array(N_COUNTS).fill(0);
  const roles: PartialSurvey['roles'] = {};
  for (const survey of course) {
    Object.assign(roles, survey.roles);
    for (const counts of sumBy(cellsIn(survey, period, ''), null).values()) counts.forEach((v, i) => (total[i] += v));
  }
  const self = summary.surveys.filter((s) => s.kind === 'self-assessment');
  let change: PublishedChange | null = null;
  if (self.length) {
    const pooled = [0, 0, 0, 0];
    for (const survey of self) {
      for (const [month, entry] of Object.entries(survey.pairs)) {
        if (!inPeriod(month, period)) continue;
        for (const q of entry.questions) q.forEach((v, i) => (pooled[i] += v));
      }
    }
    change = publishChange(pooled, k);
  }
  return { shares: roleShares(total, roles, k), change };
}

/**
 * Publishes a summary for a period.
 *
 * @example const report = publish(aggregator.partial(), { minGroupSize: 5, texts: aggregator.texts() });
 */
export function publish(summary: PartialSummary, options: PublishOptions = {}): PublishedReport {
  const k = options.minGroupSize ?? DEFAULT_MIN_GROUP_SIZE;
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`minGroupSize must be a whole number of at least 1, got ${k}`);
  const period = options.period === undefined ? soPeriodOf(options.now ?? new Date()) : options.period;
  const previous = period ? previousPeriod(period) : null;
  const now = headlineFor(summary, period, k);
  const before = previous ? headlineFor(summary, previous, k) : null;
  const headline: Headline = {};
  for (const name of INDICATOR_NAMES) {
    if (now.shares[name]) headline[name] = { current: now.shares[name]!, previous: before?.shares[name] ?? null };
  }
  if (now.change) headline.knowledgeChange = { current: now.change, previous: before?.change ?? null };

  const surveys = summary.surveys.map((survey): PublishedSurvey => {
    const cells = cellsIn(survey, period);
    const cross = languageByGender(cells, k);
    const n = cells.reduce((s, c) => s + c[7], 0);
    // Whether a language group is big enough for its comments to be shown is decided on its true
    // size; the size itself is not published by this.
    const localeCounts = new Map<string, number>();
    for (const c of cells) localeCounts.set(c[0], (localeCounts.get(c[0]) ?? 0) + c[7]);
    const tables: PublishedTable[] = [
      indicatorTable(survey, cells, 'locale', k, { keys: cross.rowKeys, values: cross.rowTotals }),
      indicatorTable(survey, cells, 'gender', k, { keys: cross.columnKeys, values: cross.columnTotals }),
      ...(['module', 'month', 'setting', 'form'] as const).filter((d) => cells.some((c) => c[dimensionIndex(d)] !== '')).map((d) => indicatorTable(survey, cells, d, k)),
    ];
    const published: PublishedSurvey = {
      surveyId: survey.surveyId,
      kind: survey.kind,
      responses: n >= k || n === 0 ? n : null,
      tables,
      questions: publishQuestions(survey, period, k, options.texts ?? [], localeCounts),
    };
    if (survey.kind === 'self-assessment') {
      const sums = survey.selfQuestions.map(() => [0, 0, 0, 0]);
      for (const [month, entry] of Object.entries(survey.pairs)) {
        if (!inPeriod(month, period)) continue;
        entry.questions.forEach((q, i) => q.forEach((v, j) => (sums[i]![j] += v)));
      }
      published.selfAssessment = survey.selfQuestions.map((id, i) => ({ id, change: publishChange(sums[i]!, k) }));
    }
    return published;
  });

  const started = summary.surveys.filter((s) => s.kind === 'self-assessment').flatMap((s) => cellsIn(s, period, 'before'));
  const answered = summary.surveys.filter((s) => s.kind === 'course').flatMap((s) => cellsIn(s, period, ''));
  return {
    minGroupSize: k,
    period,
    previousPeriod: previous,
    files: { read: summary.files.read, valid: summary.files.valid, invalidByReason: { ...summary.files.invalid } as Partial<Record<FileError, number>> },
    responses: { ...summary.responses, skippedByReason: { ...summary.responses.skippedByReason } as Partial<Record<SkipReason, number>> },
    headline,
    surveys,
    followUp: { started: followUpBlock(started, k), answered: followUpBlock(answered, k) },
  };
}
