/**
 * The participant's survey answers on their own device.
 *
 * Lifecycle
 * - The first time a survey is answered, the page creates an empty store with `emptyStore()`. That
 *   draws the `pairingId` once: a random UUID that links this device's self-assessment "before" and
 *   "after" answers and nothing else. It never changes afterwards.
 * - Each sent survey is appended with `addResponse()` (a new random `responseId`, the day only).
 * - "Export survey answers" builds a file from `pendingExport()` (see `export.ts`), then the page
 *   calls `markExported()` with the ids in that file. Exported answers are kept, marked with the
 *   export day, so the participant can see what they have answered; the next export holds only
 *   newer answers.
 *
 * Storage format
 * - One JSON envelope per site, `orienta:<site-id>:surveys`: `{ version: 1, pairingId, responses }`
 *   (`surveyStoreV1Schema`); `surveyStore` below defines it for the device-data engine.
 * - These functions are pure, like a reducer: they never mutate a store and never touch storage.
 * - Nothing here identifies the person or the device: no name, no user agent, no time of day.
 *
 * Migrations
 * - `SURVEY_MIGRATIONS[n]` lifts version n to n + 1; only version 1 exists, so it is empty.
 * - A store from a newer version is left untouched (`stored-newer`); answers given on that page are
 *   kept on screen and can still be exported, but not stored.
 */
import type { SurveyDefinition } from '../../schemas/survey.ts';
import type { StoredResponse, SurveyStoreV1 } from '../../schemas/survey-response.ts';
import { SLUG_PATTERN, LOCALE_CODE_PATTERN, SURVEY_STORE_VERSION } from '../../schemas/formats.ts';
import type { Migration, StoreDefinition } from '../device-data/store.ts';
import { isSurveyStoreV1 } from '../device-data/validators/survey-store-v1.generated.ts';
import { prepareAnswers, type AnswerError, type Answers } from './answers.ts';
import { isUuid, randomUuid, toIsoDay, type RandomId } from '../device-data/ids.ts';

export type { StoredResponse, SurveyStoreV1 };
/** The store in its current format. */
export type SurveyStore = SurveyStoreV1;
export type SurveyPhase = 'before' | 'after';

/** A new, empty store with a fresh pairing id. */
export function emptyStore(randomId: RandomId = randomUuid): SurveyStoreV1 {
  const pairingId = randomId();
  if (!isUuid(pairingId)) throw new TypeError(`randomId must return a lower-case UUID, got "${pairingId}"`);
  return { version: SURVEY_STORE_VERSION, pairingId, responses: [] };
}

/** Lifts a stored envelope from version n to n + 1. Empty: version 1 is the first. */
export const SURVEY_MIGRATIONS: Readonly<Record<number, Migration>> = {};

/** The participant's survey answers, kept on their device. */
export const surveyStore: StoreDefinition<SurveyStoreV1> = {
  name: 'surveys',
  version: SURVEY_STORE_VERSION,
  validate: isSurveyStoreV1,
  migrations: SURVEY_MIGRATIONS,
  empty: () => emptyStore(),
};

/** One survey as answered in the form. */
export interface NewResponse {
  /** The survey answered. */
  definition: SurveyDefinition;
  /** Locale the participant answered in (the page's locale). */
  locale: string;
  /** Raw answers by question id, as the form gives them; see `prepareAnswers()`. */
  answers: Readonly<Record<string, unknown>>;
  /** Day answered: a Date (read on the local clock) or YYYY-MM-DD. Defaults to today. */
  answeredAt?: Date | string;
  /** Module the survey is about; for module surveys. */
  moduleId?: string;
  /** Required for self-assessment surveys, not allowed for others. */
  phase?: SurveyPhase;
}

/** The result of `addResponse()`: the new store, or why the answers cannot be saved. */
export type AddResponseResult = { ok: true; store: SurveyStoreV1; response: StoredResponse } | { ok: false; errors: AnswerError[] };

/**
 * Validates the answers and appends them as a new response. Answer problems come back as codes for
 * the form (`ok: false`); wrong calls (a self-assessment without phase, a bad module id) throw.
 */
export function addResponse(store: SurveyStoreV1, input: NewResponse, randomId: RandomId = randomUuid): AddResponseResult {
  const { definition, locale, moduleId, phase } = input;
  if (definition.kind === 'self-assessment' ? phase === undefined : phase !== undefined) {
    throw new TypeError(definition.kind === 'self-assessment' ? `survey "${definition.id}" needs a phase: before or after` : `survey "${definition.id}" is not a self-assessment; it has no phase`);
  }
  if (moduleId !== undefined && !SLUG_PATTERN.test(moduleId)) throw new TypeError(`module id must be an ASCII slug, got "${moduleId}"`);
  if (!LOCALE_CODE_PATTERN.test(locale)) throw new TypeError(`locale must be a locale code, got "${locale}"`);
  const { answers, errors } = prepareAnswers(definition, input.answers);
  if (errors.length > 0) return { ok: false, errors };
  const responseId = randomId();
  if (!isUuid(responseId)) throw new TypeError(`randomId must return a lower-case UUID, got "${responseId}"`);
  const response: StoredResponse = {
    responseId,
    surveyId: definition.id,
    surveyVersion: definition.version,
    locale,
    ...(moduleId !== undefined ? { moduleId } : {}),
    ...(phase !== undefined ? { phase } : {}),
    answeredAt: toIsoDay(input.answeredAt ?? new Date()),
    answers: answers satisfies Answers,
  };
  return { ok: true, store: { ...store, responses: [...store.responses, response] }, response };
}

/** The responses not yet exported, oldest first: what "Export survey answers" puts in the file. */
export function pendingExport(store: SurveyStoreV1): StoredResponse[] {
  return store.responses.filter((response) => response.exportedAt === undefined);
}

/**
 * Marks the given responses as exported on `when` (a Date on the local clock, or YYYY-MM-DD). They
 * are kept. A response already marked keeps its first export day.
 */
export function markExported(store: SurveyStoreV1, responseIds: Iterable<string>, when: Date | string = new Date()): SurveyStoreV1 {
  const ids = new Set(responseIds);
  const day = toIsoDay(when);
  return {
    ...store,
    responses: store.responses.map((response) => (ids.has(response.responseId) && response.exportedAt === undefined ? { ...response, exportedAt: day } : response)),
  };
}

/** Finds earlier answers to a survey, e.g. to tell a participant they already answered it for this module. */
export function findResponses(store: SurveyStoreV1, filter: { surveyId: string; moduleId?: string; phase?: SurveyPhase }): StoredResponse[] {
  return store.responses.filter(
    (response) =>
      response.surveyId === filter.surveyId &&
      (filter.moduleId === undefined || response.moduleId === filter.moduleId) &&
      (filter.phase === undefined || response.phase === filter.phase),
  );
}
