/**
 * Partial survey summaries: exact counts, no suppression, "not for publication". A municipality
 * exports one; a county or a group of municipalities sharing a course merges several and
 * publishes the merged figures with suppression (`publish.ts`). Merging adds counts, so merging
 * the summaries of A and B gives exactly the summary of A's and B's responses aggregated together,
 * as long as A and B hold different responses and each participant's before/after pair lies in one
 * of them (a participant answers in one municipality).
 */
import type { SurveyPartialFile } from '../../schemas/survey-partial.ts';
import type { IndicatorRole } from '../../schemas/survey.ts';
import { SURVEY_PARTIAL_FILE } from '../../schemas/formats.ts';
import { readVersionedFile, writeVersionedFile, type FileDefinition, type FileReadResult } from '../device-data/file.ts';
import { isSurveyPartialV1 } from '../device-data/validators/survey-partial-v1.generated.ts';

export type PartialSummary = Omit<SurveyPartialFile, '$schema'>;
export type PartialSurvey = PartialSummary['surveys'][number];

/** Why a distinct response in a valid file did not count. */
export type SkipReason = 'unknown-survey' | 'unknown-version' | 'phase-mismatch' | 'answers-mismatch' | 'unknown-module';

/** The dimensions of a group, in the order of a cell. */
export const DIMENSIONS = ['locale', 'module', 'month', 'gender', 'setting', 'form', 'phase'] as const;
export type Dimension = (typeof DIMENSIONS)[number];
export type CellKey = [string, string, string, string, string, string, string];
/** The likert roles counted per group, in the order of a cell's counters. */
export const ROLE_COUNTERS: readonly IndicatorRole[] = ['overall-satisfaction', 'job-knowledge', 'language-understood'];

/** The partial summary as a file format of the device-data engine. */
export const surveyPartialFile: FileDefinition<SurveyPartialFile> = {
  ...SURVEY_PARTIAL_FILE,
  validate: isSurveyPartialV1,
};

/** The file's text. */
export function writePartialFile(summary: PartialSummary, schemaUrl: string): string {
  const { kind: _kind, schemaVersion: _version, ...body } = summary;
  return writeVersionedFile(surveyPartialFile, body, schemaUrl);
}

/** Reads a partial summary file (size, kind, version, schema and markup checked). */
export function readPartialFile(text: string, now: Date): FileReadResult<SurveyPartialFile> {
  return readVersionedFile(text, surveyPartialFile, { now });
}

const add = (a: number[], b: readonly number[]) => {
  for (let i = 0; i < b.length; i++) a[i] = (a[i] ?? 0) + b[i]!;
  return a;
};
const addRecord = (into: Record<string, number>, from: Record<string, number | undefined>) => {
  for (const [key, value] of Object.entries(from)) into[key] = (into[key] ?? 0) + (value ?? 0);
};

function mergeSurvey(a: PartialSurvey, b: PartialSurvey): PartialSurvey {
  const versions = { ...a.versions };
  addRecord(versions, b.versions);
  const cells = new Map<string, (string | number)[]>();
  for (const cell of [...a.cells, ...b.cells]) {
    const key = cell.slice(0, DIMENSIONS.length).join('\u0001');
    const held = cells.get(key);
    if (held) {
      const counts = add((held.slice(DIMENSIONS.length) as number[]), cell.slice(DIMENSIONS.length) as number[]);
      cells.set(key, [...held.slice(0, DIMENSIONS.length), ...counts]);
    } else cells.set(key, [...cell]);
  }
  const questions = new Map(a.questions.map((q) => [q.id, { ...q, options: q.options ? [...q.options] : undefined, byMonth: Object.fromEntries(Object.entries(q.byMonth).map(([m, c]) => [m, [...c]])) }]));
  for (const q of b.questions) {
    const held = questions.get(q.id);
    if (!held) {
      questions.set(q.id, { ...q, options: q.options ? [...q.options] : undefined, byMonth: Object.fromEntries(Object.entries(q.byMonth).map(([m, c]) => [m, [...c]])) });
      continue;
    }
    // Options may come in another order or include older versions' options: map by id.
    const options = [...(held.options ?? [])];
    for (const id of q.options ?? []) if (!options.includes(id)) options.push(id);
    const remap = (counts: readonly number[], from: readonly string[] | undefined) => {
      if (!from) return [...counts];
      const out = new Array(1 + options.length).fill(0);
      out[0] = counts[0]!;
      from.forEach((id, i) => (out[1 + options.indexOf(id)] = counts[1 + i]!));
      return out;
    };
    const byMonth: Record<string, number[]> = {};
    for (const [m, c] of Object.entries(held.byMonth)) byMonth[m] = remap(c, held.options);
    for (const [m, c] of Object.entries(q.byMonth)) byMonth[m] = add(byMonth[m] ?? new Array(c.length).fill(0), remap(c, q.options));
    questions.set(q.id, { ...held, ...(held.options ? { options } : {}), byMonth });
  }
  const pairs: PartialSurvey['pairs'] = {};
  const selfQuestions = [...a.selfQuestions];
  for (const id of b.selfQuestions) if (!selfQuestions.includes(id)) selfQuestions.push(id);
  for (const [source, order] of [[a, a.selfQuestions], [b, b.selfQuestions]] as const) {
    for (const [month, entry] of Object.entries(source.pairs)) {
      const held = (pairs[month] ??= { linked: 0, beforeOnly: 0, afterOnly: 0, questions: selfQuestions.map(() => [0, 0, 0, 0] as [number, number, number, number]) });
      held.linked += entry.linked;
      held.beforeOnly += entry.beforeOnly;
      held.afterOnly += entry.afterOnly;
      entry.questions.forEach((sums, i) => add(held.questions[selfQuestions.indexOf(order[i]!)]!, sums));
    }
  }
  return {
    surveyId: a.surveyId,
    kind: a.kind,
    versions,
    roles: { ...b.roles, ...a.roles },
    cells: [...cells.entries()].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)).map(([, cell]) => cell) as PartialSurvey['cells'],
    questions: [...questions.values()].map(({ options, ...q }) => ({ ...q, ...(options ? { options } : {}) })),
    selfQuestions,
    pairs: Object.fromEntries(Object.entries(pairs).sort(([x], [y]) => (x < y ? -1 : 1))),
  };
}

/** Merges partial summaries into one: every count added. */
export function mergePartials(summaries: readonly PartialSummary[]): PartialSummary {
  const surveys = new Map<string, PartialSurvey>();
  const files = { read: 0, valid: 0, invalid: {} as Record<string, number> };
  const responses = { read: 0, counted: 0, duplicates: 0, skipped: 0, skippedByReason: {} as Record<string, number> };
  const sites: Record<string, number> = {};
  for (const summary of summaries) {
    files.read += summary.files.read;
    files.valid += summary.files.valid;
    addRecord(files.invalid, summary.files.invalid);
    responses.read += summary.responses.read;
    responses.counted += summary.responses.counted;
    responses.duplicates += summary.responses.duplicates;
    responses.skipped += summary.responses.skipped;
    addRecord(responses.skippedByReason, summary.responses.skippedByReason);
    addRecord(sites, summary.sites);
    for (const survey of summary.surveys) {
      const held = surveys.get(survey.surveyId);
      surveys.set(survey.surveyId, held ? mergeSurvey(held, survey) : mergeSurvey({ ...survey, versions: {}, cells: [], questions: [], pairs: {}, selfQuestions: [] }, survey));
    }
  }
  return {
    kind: SURVEY_PARTIAL_FILE.kind,
    schemaVersion: SURVEY_PARTIAL_FILE.version,
    notForPublication: true,
    files,
    responses,
    sites: Object.fromEntries(Object.entries(sites).sort(([x], [y]) => (x < y ? -1 : 1))),
    surveys: [...surveys.values()].sort((x, y) => (x.surveyId < y.surveyId ? -1 : 1)),
  };
}
