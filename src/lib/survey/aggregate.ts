/**
 * The municipality's report: adds up many exported survey files into indicators. The same code
 * runs on the report page and in the CLI (`npm run surveys:aggregate`), so both give the same numbers.
 *
 * Streaming: files are added one at a time with `addFile()` and dropped by the caller; only
 * counters are kept. Memory grows with the number of distinct responses (a 16-character key each,
 * to count duplicates once) and self-assessment pairs (a few bytes per answer), never with bytes
 * read. Free-text answers are kept up to a cap per question.
 *
 * Order: every number is the same whatever order the files come in. Only which copy of a duplicated
 * response counts (the first seen) and which free-text answers fill the cap depend on the order.
 */
import type { IndicatorRole, SurveyDefinition, SurveyKind, SurveyQuestion } from '../../schemas/survey.ts';
import type { ExportedResponse, SurveyExportFile } from '../../schemas/survey-response.ts';
import { checkSurveySet } from './definitions.ts';
import type { FileError } from '../device-data/errors.ts';
import { readVersionedFile } from '../device-data/file.ts';
import { surveyFile } from './file.ts';

/** Why a file was refused: a code of the shared data vocabulary and a short English detail. */
export interface ExportFileError {
  code: FileError;
  message?: string;
}

/** Default smallest group shown in a breakdown, as statistics offices do. */
export const DEFAULT_MIN_GROUP_SIZE = 5;
/** Default number of free-text answers kept per question. */
export const DEFAULT_MAX_TEXT_ANSWERS = 500;

/** Settings for `createAggregator()`. */
export interface AggregatorOptions {
  /** Every known survey definition, all versions that answers may name. */
  surveys: readonly SurveyDefinition[];
  /** Breakdown cells with fewer responses than this are suppressed. Default 5. */
  minGroupSize?: number;
  /** Free-text answers kept per question; the rest are only counted. Default 500. */
  maxTextAnswers?: number;
}

/** A file that could not be read, and why. */
export interface InvalidFile {
  name: string;
  reason: ExportFileError;
}

/** Why a response in a valid file did not count. */
export type SkipReason = 'unknown-survey' | 'unknown-version' | 'phase-mismatch' | 'answers-mismatch';

/** What happened to one file, for progress on the page. */
export type FileOutcome =
  | { ok: true; responses: number; counted: number; duplicates: number; skipped: number }
  | { ok: false; reason: ExportFileError };

/** A share with its n: `count` of `n` answers, `share` = count / n, or null when n is 0. */
export interface Share {
  n: number;
  count: number;
  share: number | null;
}

/** The report's main indicators. Each is present when the survey has a question with its role. */
export interface Indicators {
  /** Share answering 5 of 5 to the `overall-satisfaction` question. */
  verySatisfied?: Share;
  /** Share answering 4 or 5 to the `overall-satisfaction` question. */
  satisfied?: Share;
  /** Share answering 4 or 5 to the `job-knowledge` question ("I know better what it takes to get a job"). */
  jobKnowledge?: Share;
  /** Share answering 4 or 5 to the `language-understood` question. */
  languageUnderstood?: Share;
}
export type IndicatorName = keyof Indicators;
/** The indicators in display order. */
export const INDICATOR_NAMES: readonly IndicatorName[] = ['verySatisfied', 'satisfied', 'jobKnowledge', 'languageUnderstood'];

/** A breakdown cell hidden because its group is smaller than the minimum. Its values are left out, not zeroed. */
export interface SuppressedCell {
  suppressed: true;
}

/** One row of a breakdown (one module, locale or month). */
export type BreakdownRow =
  | { key: string; suppressed: true }
  | { key: string; suppressed: false; n: number; indicators: { [K in IndicatorName]?: Share | SuppressedCell } };

/** Breakdowns of a survey's indicators. Module rows only count responses that name a module. */
export interface Breakdowns {
  module: BreakdownRow[];
  locale: BreakdownRow[];
  /** By month answered, YYYY-MM. */
  month: BreakdownRow[];
}

/** How one question was answered. `n` is the number of responses that answered it. */
export type QuestionSummary =
  | { questionId: string; type: 'likert5'; indicator?: IndicatorRole; n: number; /** Answers per point 1–5. */ counts: [number, number, number, number, number]; mean: number | null }
  | { questionId: string; type: 'single' | 'multiple'; indicator?: IndicatorRole; n: number; /** Times each option was chosen, in the definition's order. */ options: { optionId: string; count: number }[] }
  | { questionId: string; type: 'text'; indicator?: IndicatorRole; n: number; /** Answers as plain text, never markup, up to the cap. */ texts: string[]; textsOmitted: number };

/** Change per self-assessment question over linked before/after pairs. */
export interface SelfAssessmentQuestionChange {
  questionId: string;
  /** Linked pairs where both answers have this question. */
  pairs: number;
  meanBefore: number | null;
  meanAfter: number | null;
  /** Mean of (after − before), on the 1–5 scale. */
  meanChange: number | null;
}

/** Before/after results of a self-assessment survey. */
export interface SelfAssessmentSummary {
  /** Pairing ids with both a before and an after response (the latest of each is used). */
  linkedPairs: number;
  /** Pairing ids with only a before, or only an after. */
  beforeOnly: number;
  afterOnly: number;
  questions: SelfAssessmentQuestionChange[];
}

/** Everything about one survey id, over all its versions. */
export interface SurveySummary {
  surveyId: string;
  kind: SurveyKind;
  responses: number;
  versions: { version: number; responses: number }[];
  indicators: Indicators;
  breakdowns: Breakdowns;
  questions: QuestionSummary[];
  selfAssessment?: SelfAssessmentSummary;
}

/** The whole report. */
export interface SurveyReport {
  minGroupSize: number;
  files: { read: number; valid: number; invalid: InvalidFile[] };
  responses: {
    /** Responses in valid files, duplicates included. */
    read: number;
    /** Distinct responses that count. */
    counted: number;
    /** Copies of a response already seen. */
    duplicates: number;
    /** Distinct responses that did not count, with the reasons. */
    skipped: number;
    skippedByReason: Partial<Record<SkipReason, number>>;
  };
  /** Counted responses per site id. */
  sites: { siteId: string; responses: number }[];
  /** The course surveys' indicators together: the headline numbers. */
  headline: Indicators;
  surveys: SurveySummary[];
}

/** Adds files one at a time; `result()` can be called at any point and does not change the state. */
export interface Aggregator {
  /** Parses, validates and counts one file's text. An invalid file is recorded and never throws. */
  addFile(name: string, text: string): FileOutcome;
  /** Records a file refused before reading, e.g. too large by its size, or unreadable. */
  addRejectedFile(name: string, reason: ExportFileError): void;
  /** The report so far. */
  result(): SurveyReport;
}

// ---------------------------------------------------------------------------------------------
// Internal state

/** Counts of one likert role: answers, answers of 4–5, answers of 5. */
interface RoleCounter {
  n: number;
  high: number;
  top: number;
}
interface GroupCounters {
  n: number;
  satisfaction: RoleCounter;
  job: RoleCounter;
  language: RoleCounter;
}
const newRoleCounter = (): RoleCounter => ({ n: 0, high: 0, top: 0 });
const newGroup = (): GroupCounters => ({ n: 0, satisfaction: newRoleCounter(), job: newRoleCounter(), language: newRoleCounter() });

interface QuestionState {
  question: SurveyQuestion;
  n: number;
  /** likert5: index 0–4 for points 1–5; choices: by option id. */
  likert: number[];
  options: Map<string, number>;
  texts: string[];
  textsOmitted: number;
}

/** One phase of a pairing: the latest response seen. Answers as points (0 = unanswered), by self-assessment question index. */
interface PhaseAnswer {
  day: number;
  id: string;
  points: Uint8Array;
}
interface PairState {
  before?: PhaseAnswer;
  after?: PhaseAnswer;
}

interface SurveyState {
  surveyId: string;
  kind: SurveyKind;
  byVersion: Map<number, SurveyDefinition>;
  versionCounts: Map<number, number>;
  /** Questions over all versions, latest version's order first. */
  questions: Map<string, QuestionState>;
  /** Question id of each role, over all versions (a question keeps its role across versions). */
  roles: Map<IndicatorRole, string>;
  /** Self-assessment question ids → index in `PhaseAnswer.points`. */
  selfIndex: Map<string, number>;
  responses: number;
  all: GroupCounters;
  byModule: Map<string, GroupCounters>;
  byLocale: Map<string, GroupCounters>;
  byMonth: Map<string, GroupCounters>;
  pairs: Map<string, PairState>;
}

/** A lower-case UUID as 16 one-byte characters: a small, exact key for the duplicate set. */
function compactUuid(uuid: string): string {
  const hex = uuid.replaceAll('-', '');
  const codes = new Array<number>(16);
  for (let i = 0; i < 16; i++) codes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return String.fromCharCode(...codes);
}

function newSurveyState(definitions: SurveyDefinition[]): SurveyState {
  const sorted = [...definitions].sort((a, b) => b.version - a.version);
  const questions = new Map<string, QuestionState>();
  const roles = new Map<IndicatorRole, string>();
  const selfIndex = new Map<string, number>();
  for (const definition of sorted) {
    for (const question of definition.questions) {
      if (!questions.has(question.id)) questions.set(question.id, { question, n: 0, likert: [0, 0, 0, 0, 0], options: new Map(), texts: [], textsOmitted: 0 });
      if (question.indicator === 'self-assessment') {
        if (!selfIndex.has(question.id)) selfIndex.set(question.id, selfIndex.size);
      } else if (question.indicator && !roles.has(question.indicator)) roles.set(question.indicator, question.id);
    }
  }
  // Options of older versions are kept after the latest version's options.
  for (const definition of sorted) {
    for (const question of definition.questions) {
      for (const option of question.options ?? []) {
        const state = questions.get(question.id)!;
        if (!state.options.has(option.id)) state.options.set(option.id, 0);
      }
    }
  }
  return {
    surveyId: sorted[0]!.id,
    kind: sorted[0]!.kind,
    byVersion: new Map(sorted.map((d) => [d.version, d])),
    versionCounts: new Map(),
    questions,
    roles,
    selfIndex,
    responses: 0,
    all: newGroup(),
    byModule: new Map(),
    byLocale: new Map(),
    byMonth: new Map(),
    pairs: new Map(),
  };
}

/** Whether every answer fits the question it names in this version. Types and limits are already checked by the schema. */
function answersFit(definition: SurveyDefinition, response: ExportedResponse): boolean {
  for (const [questionId, value] of Object.entries(response.answers)) {
    const question = definition.questions.find((q) => q.id === questionId);
    if (!question) return false;
    switch (question.type) {
      case 'likert5':
        if (typeof value !== 'number') return false;
        break;
      case 'single':
        if (typeof value !== 'string' || !question.options!.some((o) => o.id === value)) return false;
        break;
      case 'multiple':
        if (!Array.isArray(value) || !value.every((id) => question.options!.some((o) => o.id === id))) return false;
        break;
      case 'text':
        if (typeof value !== 'string') return false;
        break;
    }
  }
  return true;
}

function countRole(counter: RoleCounter, point: number | undefined): void {
  if (point === undefined) return;
  counter.n++;
  if (point >= 4) counter.high++;
  if (point === 5) counter.top++;
}

function groupIn(map: Map<string, GroupCounters>, key: string): GroupCounters {
  let group = map.get(key);
  if (!group) map.set(key, (group = newGroup()));
  return group;
}

/** Code-unit order: the same in every browser and in Node, unlike `localeCompare`. */
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const dayNumber = (day: string) => Number(day.slice(0, 4)) * 10000 + Number(day.slice(5, 7)) * 100 + Number(day.slice(8, 10));

/** Whether (day, id) is later than the phase answer kept so far; ties go to the larger id, so order never matters. */
const isLater = (day: number, id: string, kept: PhaseAnswer | undefined) => !kept || day > kept.day || (day === kept.day && id > kept.id);

// ---------------------------------------------------------------------------------------------
// Results

const share = (count: number, n: number): Share => ({ n, count, share: n === 0 ? null : count / n });

function indicatorsOf(state: Pick<SurveyState, 'roles'>, group: GroupCounters): Indicators {
  const indicators: Indicators = {};
  if (state.roles.has('overall-satisfaction')) {
    indicators.verySatisfied = share(group.satisfaction.top, group.satisfaction.n);
    indicators.satisfied = share(group.satisfaction.high, group.satisfaction.n);
  }
  if (state.roles.has('job-knowledge')) indicators.jobKnowledge = share(group.job.high, group.job.n);
  if (state.roles.has('language-understood')) indicators.languageUnderstood = share(group.language.high, group.language.n);
  return indicators;
}

function breakdown(state: SurveyState, groups: Map<string, GroupCounters>, minGroupSize: number): BreakdownRow[] {
  return [...groups.keys()].sort().map((key): BreakdownRow => {
    const group = groups.get(key)!;
    if (group.n < minGroupSize) return { key, suppressed: true };
    const cells: { [K in IndicatorName]?: Share | SuppressedCell } = {};
    for (const [name, value] of Object.entries(indicatorsOf(state, group)) as [IndicatorName, Share][]) {
      cells[name] = value.n < minGroupSize ? { suppressed: true } : value;
    }
    return { key, suppressed: false, n: group.n, indicators: cells };
  });
}

function questionSummary(state: QuestionState): QuestionSummary {
  const { question, n } = state;
  const base = { questionId: question.id, ...(question.indicator ? { indicator: question.indicator } : {}), n };
  switch (question.type) {
    case 'likert5': {
      const counts = [...state.likert] as [number, number, number, number, number];
      const sum = counts.reduce((total, count, index) => total + count * (index + 1), 0);
      return { ...base, type: 'likert5', counts, mean: n === 0 ? null : sum / n };
    }
    case 'single':
    case 'multiple':
      return { ...base, type: question.type, options: [...state.options].map(([optionId, count]) => ({ optionId, count })) };
    case 'text':
      return { ...base, type: 'text', texts: [...state.texts], textsOmitted: state.textsOmitted };
  }
}

function selfAssessmentSummary(state: SurveyState): SelfAssessmentSummary {
  const size = state.selfIndex.size;
  const pairs = new Array<number>(size).fill(0);
  const sumBefore = new Array<number>(size).fill(0);
  const sumAfter = new Array<number>(size).fill(0);
  let linkedPairs = 0;
  let beforeOnly = 0;
  let afterOnly = 0;
  for (const pair of state.pairs.values()) {
    if (!pair.before || !pair.after) {
      if (pair.before) beforeOnly++;
      else afterOnly++;
      continue;
    }
    linkedPairs++;
    for (let i = 0; i < size; i++) {
      const before = pair.before.points[i]!;
      const after = pair.after.points[i]!;
      if (before === 0 || after === 0) continue;
      pairs[i]!++;
      sumBefore[i]! += before;
      sumAfter[i]! += after;
    }
  }
  const mean = (sum: number, n: number) => (n === 0 ? null : sum / n);
  return {
    linkedPairs,
    beforeOnly,
    afterOnly,
    questions: [...state.selfIndex].map(([questionId, i]) => ({
      questionId,
      pairs: pairs[i]!,
      meanBefore: mean(sumBefore[i]!, pairs[i]!),
      meanAfter: mean(sumAfter[i]!, pairs[i]!),
      meanChange: mean(sumAfter[i]! - sumBefore[i]!, pairs[i]!),
    })),
  };
}

// ---------------------------------------------------------------------------------------------

/**
 * Creates an aggregator over the given survey definitions.
 *
 * @example
 * const aggregator = createAggregator({ surveys, minGroupSize: 5 });
 * for (const file of files) aggregator.addFile(file.name, await file.text());
 * const report = aggregator.result();
 *
 * @throws SurveyDefinitionError if the definitions contradict each other; RangeError for a bad option.
 */
export function createAggregator({ surveys, minGroupSize = DEFAULT_MIN_GROUP_SIZE, maxTextAnswers = DEFAULT_MAX_TEXT_ANSWERS }: AggregatorOptions): Aggregator {
  if (!Number.isInteger(minGroupSize) || minGroupSize < 1) throw new RangeError(`minGroupSize must be a whole number of at least 1, got ${minGroupSize}`);
  if (!Number.isInteger(maxTextAnswers) || maxTextAnswers < 0) throw new RangeError(`maxTextAnswers must be a whole number of at least 0, got ${maxTextAnswers}`);
  checkSurveySet(surveys);

  const states = new Map<string, SurveyState>();
  const grouped = new Map<string, SurveyDefinition[]>();
  for (const definition of surveys) grouped.set(definition.id, [...(grouped.get(definition.id) ?? []), definition]);
  for (const [id, definitions] of grouped) states.set(id, newSurveyState(definitions));

  const seen = new Set<string>();
  const invalid: InvalidFile[] = [];
  const skippedByReason: Partial<Record<SkipReason, number>> = {};
  const sites = new Map<string, number>();
  let filesRead = 0;
  let responsesRead = 0;
  let counted = 0;
  let duplicates = 0;
  let skipped = 0;

  /** Counts one distinct response; returns the reason when it does not count. */
  function countResponse(siteId: string, response: ExportedResponse): SkipReason | undefined {
    const state = states.get(response.surveyId);
    if (!state) return 'unknown-survey';
    const definition = state.byVersion.get(response.surveyVersion);
    if (!definition) return 'unknown-version';
    if ((definition.kind === 'self-assessment') !== (response.phase !== undefined)) return 'phase-mismatch';
    if (!answersFit(definition, response)) return 'answers-mismatch';

    state.responses++;
    state.versionCounts.set(definition.version, (state.versionCounts.get(definition.version) ?? 0) + 1);
    sites.set(siteId, (sites.get(siteId) ?? 0) + 1);

    for (const [questionId, value] of Object.entries(response.answers)) {
      const question = state.questions.get(questionId)!;
      question.n++;
      if (typeof value === 'number') question.likert[value - 1]!++;
      else if (Array.isArray(value)) for (const id of value) question.options.set(id, (question.options.get(id) ?? 0) + 1);
      else if (question.question.type === 'single') question.options.set(value, (question.options.get(value) ?? 0) + 1);
      else if (question.texts.length < maxTextAnswers) question.texts.push(value);
      else question.textsOmitted++;
    }

    const point = (role: IndicatorRole) => {
      const questionId = state.roles.get(role);
      const value = questionId === undefined ? undefined : response.answers[questionId];
      return typeof value === 'number' ? value : undefined;
    };
    const satisfaction = point('overall-satisfaction');
    const job = point('job-knowledge');
    const language = point('language-understood');
    const groups = [state.all, groupIn(state.byLocale, response.locale), groupIn(state.byMonth, response.date.slice(0, 7))];
    if (response.moduleId !== undefined) groups.push(groupIn(state.byModule, response.moduleId));
    for (const group of groups) {
      group.n++;
      countRole(group.satisfaction, satisfaction);
      countRole(group.job, job);
      countRole(group.language, language);
    }

    if (response.phase !== undefined && response.pairingId !== undefined && state.selfIndex.size > 0) {
      const key = compactUuid(response.pairingId);
      let pair = state.pairs.get(key);
      if (!pair) state.pairs.set(key, (pair = {}));
      const day = dayNumber(response.date);
      const id = compactUuid(response.responseId);
      if (isLater(day, id, pair[response.phase])) {
        const points = new Uint8Array(state.selfIndex.size);
        for (const [questionId, index] of state.selfIndex) {
          const value = response.answers[questionId];
          if (typeof value === 'number') points[index] = value;
        }
        pair[response.phase] = { day, id, points };
      }
    }
    return undefined;
  }

  function addExport(file: SurveyExportFile): FileOutcome {
    let fileCounted = 0;
    let fileDuplicates = 0;
    let fileSkipped = 0;
    for (const response of file.responses) {
      responsesRead++;
      const key = compactUuid(response.responseId);
      if (seen.has(key)) {
        duplicates++;
        fileDuplicates++;
        continue;
      }
      seen.add(key);
      const reason = countResponse(file.siteId, response);
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

  return {
    addFile(name, text) {
      filesRead++;
      const parsed = readVersionedFile(text, surveyFile, { now: new Date() });
      if (!parsed.ok) {
        const reason: ExportFileError = { code: parsed.error, ...(parsed.detail ? { message: parsed.detail } : {}) };
        invalid.push({ name, reason });
        return { ok: false, reason };
      }
      return addExport(parsed.file);
    },

    addRejectedFile(name, reason) {
      filesRead++;
      invalid.push({ name, reason });
    },

    result() {
      const headlineGroup = newGroup();
      const headlineRoles = new Map<IndicatorRole, string>();
      const summaries: SurveySummary[] = [];
      for (const state of [...states.values()].sort((a, b) => compareText(a.surveyId, b.surveyId))) {
        if (state.kind === 'course') {
          for (const [role, id] of state.roles) headlineRoles.set(role, id);
          for (const role of ['satisfaction', 'job', 'language'] as const) {
            headlineGroup[role].n += state.all[role].n;
            headlineGroup[role].high += state.all[role].high;
            headlineGroup[role].top += state.all[role].top;
          }
        }
        summaries.push({
          surveyId: state.surveyId,
          kind: state.kind,
          responses: state.responses,
          versions: [...state.byVersion.keys()].sort((a, b) => a - b).map((version) => ({ version, responses: state.versionCounts.get(version) ?? 0 })),
          indicators: indicatorsOf(state, state.all),
          breakdowns: {
            module: breakdown(state, state.byModule, minGroupSize),
            locale: breakdown(state, state.byLocale, minGroupSize),
            month: breakdown(state, state.byMonth, minGroupSize),
          },
          questions: [...state.questions.values()].map(questionSummary),
          ...(state.kind === 'self-assessment' ? { selfAssessment: selfAssessmentSummary(state) } : {}),
        });
      }
      return {
        minGroupSize,
        files: { read: filesRead, valid: filesRead - invalid.length, invalid: invalid.map((file) => ({ name: file.name, reason: { ...file.reason } })) },
        responses: { read: responsesRead, counted, duplicates, skipped, skippedByReason: { ...skippedByReason } },
        sites: [...sites].sort(([a], [b]) => compareText(a, b)).map(([siteId, responses]) => ({ siteId, responses })),
        headline: indicatorsOf({ roles: headlineRoles }, headlineGroup),
        surveys: summaries,
      };
    },
  };
}
