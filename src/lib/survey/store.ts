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
 * - One JSON envelope per site, under `surveyStorageKey(siteId)` in `localStorage`:
 *   `{ version: 1, pairingId, responses: StoredResponse[] }`.
 * - These functions are pure, like a reducer: they never mutate a store and never touch storage.
 *   The browser wrapper reads the key, calls `parseStore()`, applies changes and writes back.
 * - Nothing here identifies the person or the device: no name, no user agent, no time of day.
 *
 * Migrations
 * - `version` is the envelope's format. `migrateSurveyStore()` upgrades older envelopes one step
 *   at a time through `MIGRATIONS` (`MIGRATIONS[n]` turns version n into n + 1) before validation.
 *   Only version 1 exists so far, so the table is empty, but every read goes through it.
 * - An envelope from a newer version (a participant who used a newer build of the site) is
 *   reported as `unknown-version`. The wrapper must then leave the stored value alone rather than
 *   overwrite answers it cannot read.
 */
import { z } from 'astro/zod';
import type { SurveyDefinition } from '../../schemas/survey.ts';
import { exportedAnswerSchema, isoDaySchema, uuidSchema } from '../../schemas/survey-response.ts';
import { prepareAnswers, type AnswerError, type Answers } from './answers.ts';
import { isUuid, randomUuid, toIsoDay, type RandomId } from './ids.ts';

/** The envelope version this code writes. */
export const SURVEY_STORE_VERSION = 1;

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);

/** One answered survey as kept on the device. */
export const storedResponseSchema = z
  .object({
    /** Random UUID per answered survey; duplicates are removed by it in the report. */
    responseId: uuidSchema,
    /** Survey id. */
    surveyId: slug.meta({ description: 'Survey id' }),
    /** Survey version answered. */
    surveyVersion: z.number().int().min(1).meta({ description: 'Survey version answered' }),
    /** Locale the survey was answered in. */
    locale: z.string().regex(/^[a-z]{2,3}$/).meta({ description: 'Locale answered in' }),
    /** Module the survey was about (module surveys). */
    moduleId: slug.optional().meta({ description: 'Module id, for module surveys' }),
    /** Self-assessment only: at the start or at the end. */
    phase: z.enum(['before', 'after']).optional().meta({ description: 'Self-assessment phase' }),
    /** Day answered, YYYY-MM-DD. */
    answeredAt: isoDaySchema,
    /** Answers by question id. */
    answers: z.record(slug, exportedAnswerSchema).meta({ description: 'Answers by question id' }),
    /** Day of the export that included it; absent until exported. */
    exportedAt: isoDaySchema.optional(),
  })
  .strict();

/** Version 1 of the envelope. */
export const surveyStoreV1Schema = z
  .object({
    /** Envelope format version. */
    version: z.literal(1).meta({ description: 'Envelope format version' }),
    /** Random UUID created once per device; links self-assessment before and after. */
    pairingId: uuidSchema,
    /** Every answered survey, oldest first. */
    responses: z.array(storedResponseSchema).meta({ description: 'Answered surveys, oldest first' }),
  })
  .strict();

export type StoredResponse = z.infer<typeof storedResponseSchema>;
export type SurveyStoreV1 = z.infer<typeof surveyStoreV1Schema>;
/** The store in its current format. */
export type SurveyStore = SurveyStoreV1;
export type SurveyPhase = 'before' | 'after';

/** The `localStorage` key of a site's survey store. One store per site, next to its progress. */
export function surveyStorageKey(siteId: string): string {
  return `orienta:${siteId}:surveys`;
}

/** A new, empty store with a fresh pairing id. */
export function emptyStore(randomId: RandomId = randomUuid): SurveyStoreV1 {
  const pairingId = randomId();
  if (!isUuid(pairingId)) throw new TypeError(`randomId must return a lower-case UUID, got "${pairingId}"`);
  return { version: SURVEY_STORE_VERSION, pairingId, responses: [] };
}

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
  if (moduleId !== undefined && !slug.safeParse(moduleId).success) throw new TypeError(`module id must be an ASCII slug, got "${moduleId}"`);
  if (!/^[a-z]{2,3}$/.test(locale)) throw new TypeError(`locale must be a locale code, got "${locale}"`);
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

/** Why a stored value cannot be read: from a newer (or unknown) format, or damaged. */
export interface StoreProblem {
  code: 'unknown-version' | 'invalid';
  message: string;
}

/** The result of `migrateSurveyStore()`: data in the current format, not yet validated. */
export type MigrationResult = { ok: true; value: unknown } | ({ ok: false } & StoreProblem);

/**
 * Steps that upgrade an envelope: `MIGRATIONS[n]` takes version n to version n + 1. Add one here
 * (and never edit an old one) when the format changes.
 */
const MIGRATIONS: Readonly<Record<number, (old: Record<string, unknown>) => Record<string, unknown>>> = {};

/**
 * Upgrades a stored envelope of any known version to the current one, step by step. Refuses a
 * version it does not know (including newer ones) with `unknown-version`.
 */
export function migrateSurveyStore(raw: unknown): MigrationResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, code: 'invalid', message: 'not a survey store object' };
  let value = raw as Record<string, unknown>;
  let version = value.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return { ok: false, code: 'invalid', message: 'no valid "version"' };
  while (version < SURVEY_STORE_VERSION) {
    const step = MIGRATIONS[version];
    if (!step) return { ok: false, code: 'unknown-version', message: `no migration from survey store version ${version}` };
    value = step(value);
    version = value.version;
    if (typeof version !== 'number') return { ok: false, code: 'invalid', message: 'a migration lost the version' };
  }
  if (version !== SURVEY_STORE_VERSION) return { ok: false, code: 'unknown-version', message: `survey store version ${version} is newer than this site (${SURVEY_STORE_VERSION})` };
  return { ok: true, value };
}

/** The result of `parseStore()`. On failure, keep the stored value as it is. */
export type ParseStoreResult = { ok: true; store: SurveyStoreV1 } | ({ ok: false } & StoreProblem);

/**
 * Reads a stored store: the JSON text from `localStorage` or an already parsed value. Nothing
 * stored yet (`null`, `undefined`, empty text) gives a new empty store. Older versions are
 * migrated; a newer or damaged value gives `ok: false`.
 */
export function parseStore(raw: unknown, randomId: RandomId = randomUuid): ParseStoreResult {
  if (raw === null || raw === undefined || raw === '') return { ok: true, store: emptyStore(randomId) };
  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      return { ok: false, code: 'invalid', message: 'not JSON' };
    }
  }
  const migrated = migrateSurveyStore(value);
  if (!migrated.ok) return migrated;
  const parsed = surveyStoreV1Schema.safeParse(migrated.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, code: 'invalid', message: `${issue.path.join('.') || '(root)'}: ${issue.message}` };
  }
  return { ok: true, store: parsed.data };
}

/** The store as JSON text for `localStorage`. */
export function serializeStore(store: SurveyStoreV1): string {
  return JSON.stringify(store);
}
