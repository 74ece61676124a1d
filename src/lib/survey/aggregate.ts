/**
 * Adding up survey answers. Files are added one at a time and dropped; the aggregator keeps only
 * counts, so its result is a **partial summary** (`partial.ts`): exact counts, mergeable with other
 * municipalities' summaries, never published as they are. `publish.ts` turns a summary into the
 * report, with small groups suppressed. The same code runs on the report page, in the CLI
 * (`npm run surveys:aggregate`) and in the benchmark, so all give the same numbers.
 *
 * Memory: counts are kept per group (survey × language × module × month × gender × setting ×
 * form × phase) and per question and month, so they grow with the number of distinct groups, not
 * with responses. Two things must grow with responses to stay exact: the duplicate index, 8 bytes
 * per distinct response in a typed hash set, and the before/after pairs of self-assessments, a few
 * bytes per participant. Free-text answers are kept up to a cap per question, for the report page
 * only; they never enter a partial summary.
 *
 * Order: the result is the same whatever order the files come in (or which thread reads them):
 * counts add up, the latest answer of each before/after phase wins by date and then by id hash,
 * and when a question has more free texts than the cap, those kept are the ones whose response id
 * hashes lowest, a fair sample that does not depend on order. Only which of two copies of one
 * response counts does (copies are the same answer unless a file was edited).
 */
import { GROUPING_ROLE_OPTIONS } from '../../schemas/formats.ts';
import type { IndicatorRole, SurveyDefinition, SurveyKind, SurveyQuestion } from '../../schemas/survey.ts';
import type { ExportedResponse, SurveyExportFile } from '../../schemas/survey-response.ts';
import type { FileError } from '../device-data/errors.ts';
import { readVersionedFile } from '../device-data/file.ts';
import { checkSurveySet } from './definitions.ts';
import { surveyFile } from './file.ts';
import { GrowingKeySet, responseKey, type KeySet } from './key-set.ts';
import { dayNumber, PairTable, type PairTableData } from './pairs.ts';
import { ROLE_COUNTERS, type CellKey, type PartialSummary, type PartialSurvey, type SkipReason } from './partial.ts';

/** Default number of free-text answers kept per question. */
export const DEFAULT_MAX_TEXT_ANSWERS = 500;

/** Settings for `createAggregator()`. */
export interface AggregatorOptions {
  /** Every known survey definition, all versions that answers may name. */
  surveys: readonly SurveyDefinition[];
  /** Free-text answers kept per question; the rest are only counted. Default 500. */
  maxTextAnswers?: number;
  /** The course's module ids; a response naming another module does not count. */
  moduleIds?: ReadonlySet<string>;
  /** The duplicate index; pass a `SharedKeySet` to let aggregators in several threads share it. */
  seen?: KeySet;
}

/** What happened to one file, for progress on the page. */
export type FileOutcome = { ok: true; responses: number; counted: number; duplicates: number; skipped: number } | { ok: false; error: FileError };

/** Free-text answers of one question, with the month each was given, for the report page. */
export interface FreeTexts {
  surveyId: string;
  questionId: string;
  texts: Array<{ month: string; locale: string; text: string }>;
  omitted: number;
}

/** Adds files one at a time; `partial()` and `texts()` can be called at any point. */
export interface Aggregator {
  /** Parses, validates and counts one file's text. An invalid file is counted by its reason and never throws. */
  addFile(text: string): FileOutcome;
  /** Counts a file refused before reading (too large, unreadable). */
  addRejectedFile(error: FileError): void;
  /** The exact counts so far. */
  partial(): PartialSummary;
  /** Free-text answers kept so far (never part of a partial summary). */
  texts(): FreeTexts[];
  /** Everything counted so far, as plain data another thread can receive (structured clone). */
  snapshot(): AggregatorSnapshot;
  /**
   * Adds another aggregator's snapshot, as if its files had been added here: counts add up, a
   * before/after pair split between the two is joined, free texts fill the cap. For aggregators
   * over the same survey definitions that shared one duplicate index (or held different responses).
   */
  absorb(snapshot: AggregatorSnapshot): void;
}

/** An aggregator's state as plain data; only `absorb()` reads it. */
export interface AggregatorSnapshot {
  files: { read: number; valid: number; invalid: Partial<Record<FileError, number>> };
  responses: { read: number; counted: number; duplicates: number; skipped: number; skippedByReason: Partial<Record<SkipReason, number>> };
  sites: Array<[string, number]>;
  surveys: Array<{
    id: string;
    versions: Array<[number, number]>;
    locales: string[];
    modules: string[];
    /** Locale id, module id (into the two lists above), group key, counts. */
    cells: Array<[number, number, number, number[]]>;
    questions: Array<{ id: string; byMonth: Array<[number, number[]]>; texts: KeptText[]; omitted: number }>;
    /** Latest before and after answer per participant. */
    pairs: PairTableData;
  }>;
}

// ---------------------------------------------------------------------------------------------

const LIKERT = 0;
const SINGLE = 1;
const MULTIPLE = 2;
const TEXT = 3;
const TYPE_CODE: Record<SurveyQuestion['type'], number> = { likert5: LIKERT, single: SINGLE, multiple: MULTIPLE, text: TEXT };

/** A question over all versions of its survey, with its counts by month. */
interface QuestionState {
  question: SurveyQuestion;
  type: number;
  /** Option ids, latest version's order first, then older versions' options. */
  options: string[];
  optionAt: Map<string, number>;
  /** Month number → counts (likert: n, then points 1–5; choice: n, then per option; text: n). */
  byMonth: Map<number, number[]>;
  /** Kept free texts, a max-heap on `rank` once full. */
  texts: KeptText[];
  omitted: number;
}

/** A free-text answer kept for the report page, with its rank in the sample (the response id's hash). */
interface KeptText {
  month: string;
  locale: string;
  text: string;
  rank: number;
}

/**
 * Offers a free text to a question's sample: kept while there is room, afterwards only if it
 * ranks below the highest kept one, which it replaces (a max-heap, so each offer is O(log cap)).
 */
function offerText(held: QuestionState, offered: KeptText, cap: number): void {
  const heap = held.texts;
  const above = (i: number, j: number) => heap[i]!.rank > heap[j]!.rank;
  const swap = (i: number, j: number) => ([heap[i], heap[j]] = [heap[j]!, heap[i]!]);
  if (heap.length < cap) {
    heap.push(offered);
    for (let i = heap.length - 1; i > 0 && above(i, (i - 1) >> 1); i = (i - 1) >> 1) swap(i, (i - 1) >> 1);
    return;
  }
  held.omitted++;
  if (cap === 0 || offered.rank >= heap[0]!.rank) return;
  heap[0] = offered;
  for (let i = 0; ; ) {
    const left = 2 * i + 1;
    const right = left + 1;
    let top = i;
    if (left < heap.length && above(left, top)) top = left;
    if (right < heap.length && above(right, top)) top = right;
    if (top === i) break;
    swap(i, top);
    i = top;
  }
}

/** A response's rank among free texts: its id hash as one whole number below 2^53. */
const textRank = (idKey: readonly [number, number]) => idKey[0] * 2 ** 21 + (idKey[1] >>> 11);

/** A version's questions by id, with their option ids, for checking answers quickly. */
type QuestionIndex = Map<string, { type: number; options: Set<string> }>;

/** Small whole-number ids for strings, in order of first sight, so counts can be kept in arrays. */
class Interner {
  private readonly ids = new Map<string, number>();
  readonly values: string[] = [];
  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.ids.set(value, id);
      this.values.push(value);
    }
    return id;
  }
}

/**
 * Month of a YYYY-MM-DD day as a whole number (year × 12 + month − 1), read from the characters
 * so that no string is made per response. The day is valid: the file's schema checked it.
 */
function monthNumber(day: string): number {
  const year = (day.charCodeAt(0) - 48) * 1000 + (day.charCodeAt(1) - 48) * 100 + (day.charCodeAt(2) - 48) * 10 + (day.charCodeAt(3) - 48);
  return year * 12 + (day.charCodeAt(5) - 48) * 10 + (day.charCodeAt(6) - 48) - 1;
}

/** The YYYY-MM of a month number. */
function monthText(month: number): string {
  return `${String(Math.floor(month / 12)).padStart(4, '0')}-${String((month % 12) + 1).padStart(2, '0')}`;
}

/**
 * A group's key within its locale and module: month, then the gender, setting and form answers
 * (1 + option position, 0 unanswered; at most 4 options each) and the phase (0 none, 1 before,
 * 2 after). Months go up to 9999 × 12, so the key stays a small integer.
 */
const groupKey = (month: number, gender: number, setting: number, form: number, phase: number) => (((month * 8 + gender) * 8 + setting) * 8 + form) * 4 + phase;
const PHASES = ['', 'before', 'after'] as const;
/** Joins a cell's dimensions into one sortable key. */
const SEP = '\u0001';

interface SurveyState {
  id: string;
  kind: SurveyKind;
  byVersion: Map<number, SurveyDefinition>;
  indexByVersion: Map<number, QuestionIndex>;
  /** Question id of the satisfaction, job and language roles, in `ROLE_COUNTERS` order ('' when absent). */
  roleQuestions: string[];
  /** Question ids of the gender, setting and form roles ('' when absent). */
  groupingQuestions: [string, string, string];
  /** Option id → 1 + its position in `GROUPING_ROLE_OPTIONS`, per grouping role. */
  groupingCodes: [Map<string, number>, Map<string, number>, Map<string, number>];
  versions: Map<number, number>;
  /** Question ids by role (single-choice roles give the dimensions). */
  roles: Map<IndicatorRole, string>;
  /** Questions over all versions, latest version's order first. */
  questions: Map<string, QuestionState>;
  locales: Interner;
  /** Module ids; id 0 is "no module". */
  modules: Interner;
  /** Locale id → module id → group key → counts: n, then per likert role (answers, 4–5, 5). */
  cells: Array<Array<Map<number, number[]> | undefined> | undefined>;
  selfQuestions: string[];
  /** Latest before and after answer per participant. */
  pairs: PairTable;
  /** Points of one answer, filled before it is offered to `pairs`. */
  scratch: Uint8Array;
}

function newSurveyState(definitions: SurveyDefinition[]): SurveyState {
  const sorted = [...definitions].sort((a, b) => b.version - a.version);
  const questions = new Map<string, QuestionState>();
  const roles = new Map<IndicatorRole, string>();
  const selfQuestions: string[] = [];
  for (const definition of sorted) {
    for (const question of definition.questions) {
      if (!questions.has(question.id)) questions.set(question.id, { question, type: TYPE_CODE[question.type], options: [], optionAt: new Map(), byMonth: new Map(), texts: [], omitted: 0 });
      const held = questions.get(question.id)!;
      for (const option of question.options ?? []) {
        if (held.optionAt.has(option.id)) continue;
        held.optionAt.set(option.id, held.options.length);
        held.options.push(option.id);
      }
      if (question.indicator === 'self-assessment') {
        if (!selfQuestions.includes(question.id)) selfQuestions.push(question.id);
      } else if (question.indicator && !roles.has(question.indicator)) roles.set(question.indicator, question.id);
    }
  }
  const codes = (role: keyof typeof GROUPING_ROLE_OPTIONS) => new Map(GROUPING_ROLE_OPTIONS[role].map((id, i) => [id, i + 1]));
  const modules = new Interner();
  modules.id('');
  return {
    id: sorted[0]!.id,
    kind: sorted[0]!.kind,
    byVersion: new Map(sorted.map((d) => [d.version, d])),
    indexByVersion: new Map(sorted.map((d) => [d.version, new Map(d.questions.map((q) => [q.id, { type: TYPE_CODE[q.type], options: new Set((q.options ?? []).map((o) => o.id)) }]))])),
    roleQuestions: ROLE_COUNTERS.map((role) => roles.get(role) ?? ''),
    groupingQuestions: [roles.get('gender') ?? '', roles.get('setting') ?? '', roles.get('form') ?? ''],
    groupingCodes: [codes('gender'), codes('setting'), codes('form')],
    versions: new Map(),
    roles,
    questions,
    locales: new Interner(),
    modules,
    cells: [],
    selfQuestions,
    pairs: new PairTable(selfQuestions.length),
    scratch: new Uint8Array(selfQuestions.length),
  };
}

/** Whether every answer fits the question it names in this version. Types and limits are already checked by the schema. */
function answersFit(index: QuestionIndex, answers: ExportedResponse['answers']): boolean {
  for (const questionId in answers) {
    const question = index.get(questionId);
    if (!question) return false;
    const value = answers[questionId];
    switch (question.type) {
      case LIKERT:
        if (typeof value !== 'number') return false;
        break;
      case SINGLE:
        if (typeof value !== 'string' || !question.options.has(value)) return false;
        break;
      case MULTIPLE:
        if (!Array.isArray(value)) return false;
        for (const id of value) if (!question.options.has(id)) return false;
        break;
      case TEXT:
        if (typeof value !== 'string') return false;
    }
  }
  return true;
}

/** The code of a grouping answer: 1 + its option position, 0 when unanswered. */
function groupingCode(answers: ExportedResponse['answers'], questionId: string, codes: Map<string, number>): number {
  if (!questionId) return 0;
  const value = answers[questionId];
  return typeof value === 'string' ? (codes.get(value) ?? 0) : 0;
}

/**
 * Creates an aggregator over the given survey definitions.
 *
 * @example
 * const aggregator = createAggregator({ surveys, moduleIds });
 * for (const file of files) aggregator.addFile(await file.text());
 * const report = publish(aggregator.partial(), { minGroupSize: 5, texts: aggregator.texts() });
 *
 * @throws SurveyDefinitionError if the definitions contradict each other; RangeError for a bad option.
 */
export function createAggregator({ surveys, maxTextAnswers = DEFAULT_MAX_TEXT_ANSWERS, moduleIds, seen = new GrowingKeySet() }: AggregatorOptions): Aggregator {
  if (!Number.isInteger(maxTextAnswers) || maxTextAnswers < 0) throw new RangeError(`maxTextAnswers must be a whole number of at least 0, got ${maxTextAnswers}`);
  checkSurveySet(surveys);
  const grouped = new Map<string, SurveyDefinition[]>();
  for (const definition of surveys) grouped.set(definition.id, [...(grouped.get(definition.id) ?? []), definition]);
  const states = new Map([...grouped].map(([id, definitions]) => [id, newSurveyState(definitions)]));

  const invalid: Partial<Record<FileError, number>> = {};
  const skippedByReason: Partial<Record<SkipReason, number>> = {};
  const sites = new Map<string, number>();
  let filesRead = 0;
  let filesValid = 0;
  let responsesRead = 0;
  let counted = 0;
  let duplicates = 0;
  let skipped = 0;

  function countResponse(siteId: string, response: ExportedResponse, idKey: readonly [number, number]): SkipReason | undefined {
    const state = states.get(response.surveyId);
    if (!state) return 'unknown-survey';
    const definition = state.byVersion.get(response.surveyVersion);
    if (!definition) return 'unknown-version';
    if ((definition.kind === 'self-assessment') !== (response.phase !== undefined)) return 'phase-mismatch';
    if (response.moduleId !== undefined && moduleIds && !moduleIds.has(response.moduleId)) return 'unknown-module';
    if (!answersFit(state.indexByVersion.get(definition.version)!, response.answers)) return 'answers-mismatch';

    state.versions.set(definition.version, (state.versions.get(definition.version) ?? 0) + 1);
    sites.set(siteId, (sites.get(siteId) ?? 0) + 1);
    const month = monthNumber(response.date);
    const answers = response.answers;
    const phase = response.phase === undefined ? 0 : response.phase === 'before' ? 1 : 2;

    // The group's counts: n, then per likert role (answers, 4–5, 5).
    const localeId = state.locales.id(response.locale);
    const moduleId = response.moduleId === undefined ? 0 : state.modules.id(response.moduleId);
    const byModule = (state.cells[localeId] ??= []);
    const groups = (byModule[moduleId] ??= new Map());
    const [genderQuestion, settingQuestion, formQuestion] = state.groupingQuestions;
    const [genderCodes, settingCodes, formCodes] = state.groupingCodes;
    const key = groupKey(month, groupingCode(answers, genderQuestion, genderCodes), groupingCode(answers, settingQuestion, settingCodes), groupingCode(answers, formQuestion, formCodes), phase);
    let cell = groups.get(key);
    if (!cell) groups.set(key, (cell = new Array(1 + ROLE_COUNTERS.length * 3).fill(0)));
    cell[0]!++;
    for (let r = 0; r < state.roleQuestions.length; r++) {
      const id = state.roleQuestions[r]!;
      const value = id ? answers[id] : undefined;
      if (typeof value !== 'number') continue;
      cell[1 + r * 3]!++;
      if (value >= 4) cell[2 + r * 3]!++;
      if (value === 5) cell[3 + r * 3]!++;
    }

    for (const questionId in answers) {
      const value = answers[questionId]!;
      const held = state.questions.get(questionId)!;
      let counts = held.byMonth.get(month);
      if (!counts) held.byMonth.set(month, (counts = new Array(held.type === LIKERT ? 6 : held.type === TEXT ? 1 : 1 + held.options.length).fill(0)));
      counts[0]!++;
      switch (held.type) {
        case LIKERT:
          counts[value as number]!++;
          break;
        case SINGLE:
          counts[1 + held.optionAt.get(value as string)!]!++;
          break;
        case MULTIPLE:
          for (const id of value as string[]) counts[1 + held.optionAt.get(id)!]!++;
          break;
        default:
          offerText(held, { month: monthText(month), locale: response.locale, text: value as string, rank: textRank(idKey) }, maxTextAnswers);
      }
    }

    if (phase && response.pairingId !== undefined && state.selfQuestions.length) {
      const points = state.scratch;
      for (let i = 0; i < points.length; i++) {
        const value = answers[state.selfQuestions[i]!];
        points[i] = typeof value === 'number' ? value : 0;
      }
      state.pairs.offer(responseKey(response.pairingId), phase - 1, dayNumber(response.date), idKey, points);
    }
    return undefined;
  }

  function addExport(file: SurveyExportFile): FileOutcome {
    let fileCounted = 0;
    let fileDuplicates = 0;
    let fileSkipped = 0;
    for (const response of file.responses) {
      responsesRead++;
      const key = responseKey(response.responseId);
      if (!seen.add(key[0], key[1])) {
        duplicates++;
        fileDuplicates++;
        continue;
      }
      const reason = countResponse(file.siteId, response, key);
      if (reason) {
        skipped++;
        fileSkipped++;
        skippedByReason[reason] = (skippedByReason[reason] ?? 0) + 1;
      } else {
        counted++;
        fileCounted++;
      }
    }
    return { ok: true, responses: file.responses.length, counted: fileCounted, duplicates: fileDuplicates, skipped: fileSkipped };
  }

  function partialOf(state: SurveyState): PartialSurvey {
    const byMonthOf = (held: QuestionState) =>
      Object.fromEntries([...held.byMonth].sort(([a], [b]) => a - b).map(([month, counts]) => [monthText(month), [...counts]]));
    const questions = [...state.questions.values()].map((held) => ({
      id: held.question.id,
      type: held.question.type,
      ...(held.question.indicator ? { indicator: held.question.indicator } : {}),
      ...(held.options.length ? { options: [...held.options] } : {}),
      byMonth: byMonthOf(held),
    }));
    const [genderOptions, settingOptions, formOptions] = [GROUPING_ROLE_OPTIONS.gender, GROUPING_ROLE_OPTIONS.setting, GROUPING_ROLE_OPTIONS.form];
    const cells: Array<[string, PartialSurvey['cells'][number]]> = [];
    state.cells.forEach((byModule, localeId) =>
      byModule?.forEach((groups, moduleId) =>
        groups?.forEach((counts, key) => {
          const phase = key % 4;
          const form = Math.floor(key / 4) % 8;
          const setting = Math.floor(key / 32) % 8;
          const gender = Math.floor(key / 256) % 8;
          const dimensions: CellKey = [
            state.locales.values[localeId]!,
            state.modules.values[moduleId]!,
            monthText(Math.floor(key / 2048)),
            gender ? genderOptions[gender - 1]! : '',
            setting ? settingOptions[setting - 1]! : '',
            form ? formOptions[form - 1]! : '',
            PHASES[phase]!,
          ];
          cells.push([dimensions.join(SEP), [...dimensions, ...counts] as PartialSurvey['cells'][number]]);
        }),
      ),
    );
    // Linked pairs are summed by the month of the "after" answer; unlinked halves are counted.
    const pairs: PartialSurvey['pairs'] = {};
    const size = state.selfQuestions.length;
    const monthOfDay = (day: number) => monthText(Math.floor(day / 10000) * 12 + (Math.floor(day / 100) % 100) - 1);
    state.pairs.forEach((beforeDay, afterDay, before, after) => {
      const entry = (pairs[monthOfDay(afterDay || beforeDay)] ??= { linked: 0, beforeOnly: 0, afterOnly: 0, questions: Array.from({ length: size }, () => [0, 0, 0, 0]) });
      if (!beforeDay || !afterDay) {
        if (beforeDay) entry.beforeOnly++;
        else entry.afterOnly++;
        return;
      }
      entry.linked++;
      for (let i = 0; i < size; i++) {
        if (!before[i] || !after[i]) continue;
        const q = entry.questions[i]!;
        q[0]!++;
        q[1]! += before[i]!;
        q[2]! += after[i]!;
        q[3]! += (after[i]! - before[i]!) ** 2;
      }
    });
    return {
      surveyId: state.id,
      kind: state.kind,
      versions: Object.fromEntries([...state.versions].sort(([a], [b]) => a - b).map(([v, n]) => [String(v), n])),
      roles: Object.fromEntries(state.roles),
      cells: cells.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, cell]) => cell),
      questions,
      selfQuestions: [...state.selfQuestions],
      pairs: Object.fromEntries(Object.entries(pairs).sort(([a], [b]) => (a < b ? -1 : 1))),
    };
  }

  return {
    addFile(text) {
      filesRead++;
      const parsed = readVersionedFile(text, surveyFile, { now: new Date() });
      if (!parsed.ok) {
        invalid[parsed.error] = (invalid[parsed.error] ?? 0) + 1;
        return { ok: false, error: parsed.error };
      }
      filesValid++;
      return addExport(parsed.file);
    },
    addRejectedFile(error) {
      filesRead++;
      invalid[error] = (invalid[error] ?? 0) + 1;
    },
    partial() {
      return {
        kind: 'orienta.survey-partial',
        schemaVersion: 1,
        notForPublication: true,
        files: { read: filesRead, valid: filesValid, invalid: { ...invalid } },
        responses: { read: responsesRead, counted, duplicates, skipped, skippedByReason: { ...skippedByReason } },
        sites: Object.fromEntries([...sites].sort(([a], [b]) => (a < b ? -1 : 1))),
        surveys: [...states.values()].sort((a, b) => (a.id < b.id ? -1 : 1)).map(partialOf),
      };
    },
    texts() {
      return [...states.values()].flatMap((state) =>
        [...state.questions.values()].filter((held) => held.type === TEXT && (held.texts.length || held.omitted)).map((held) => ({ surveyId: state.id, questionId: held.question.id, texts: held.texts.map(({ month, locale, text }) => ({ month, locale, text })), omitted: held.omitted })),
      );
    },
    snapshot() {
      return {
        files: { read: filesRead, valid: filesValid, invalid: { ...invalid } },
        responses: { read: responsesRead, counted, duplicates, skipped, skippedByReason: { ...skippedByReason } },
        sites: [...sites],
        surveys: [...states.values()].map((state) => ({
          id: state.id,
          versions: [...state.versions],
          locales: [...state.locales.values],
          modules: [...state.modules.values],
          cells: state.cells.flatMap((byModule, localeId) => (byModule ?? []).flatMap((groups, moduleId) => [...(groups ?? [])].map(([key, counts]) => [localeId, moduleId, key, counts] as [number, number, number, number[]]))),
          questions: [...state.questions.values()].map((held) => ({ id: held.question.id, byMonth: [...held.byMonth], texts: held.texts, omitted: held.omitted })),
          pairs: state.pairs.data(),
        })),
      };
    },
    absorb(snapshot) {
      const addCounts = (into: number[], from: readonly number[]) => {
        for (let i = 0; i < from.length; i++) into[i]! += from[i]!;
      };
      filesRead += snapshot.files.read;
      filesValid += snapshot.files.valid;
      for (const [reason, n] of Object.entries(snapshot.files.invalid) as Array<[FileError, number]>) invalid[reason] = (invalid[reason] ?? 0) + n;
      responsesRead += snapshot.responses.read;
      counted += snapshot.responses.counted;
      duplicates += snapshot.responses.duplicates;
      skipped += snapshot.responses.skipped;
      for (const [reason, n] of Object.entries(snapshot.responses.skippedByReason) as Array<[SkipReason, number]>) skippedByReason[reason] = (skippedByReason[reason] ?? 0) + n;
      for (const [site, n] of snapshot.sites) sites.set(site, (sites.get(site) ?? 0) + n);
      for (const survey of snapshot.surveys) {
        const state = states.get(survey.id);
        if (!state) throw new Error(`absorb: survey "${survey.id}" is not among this aggregator's definitions`);
        for (const [version, n] of survey.versions) state.versions.set(version, (state.versions.get(version) ?? 0) + n);
        const localeIds = survey.locales.map((locale) => state.locales.id(locale));
        const moduleIds = survey.modules.map((module) => state.modules.id(module));
        for (const [localeId, moduleId, key, counts] of survey.cells) {
          const groups = ((state.cells[localeIds[localeId]!] ??= [])[moduleIds[moduleId]!] ??= new Map());
          const cell = groups.get(key);
          if (cell) addCounts(cell, counts);
          else groups.set(key, [...counts]);
        }
        for (const question of survey.questions) {
          const held = state.questions.get(question.id)!;
          for (const [month, counts] of question.byMonth) {
            const cell = held.byMonth.get(month);
            if (cell) addCounts(cell, counts);
            else held.byMonth.set(month, [...counts]);
          }
          held.omitted += question.omitted;
          for (const text of question.texts) offerText(held, text, maxTextAnswers);
        }
        state.pairs.absorb(survey.pairs);
      }
    },
  };
}
