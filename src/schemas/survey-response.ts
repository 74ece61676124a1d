import { z } from 'astro/zod';
import { LOCALE_CODE_PATTERN, MAX_ANSWERS_PER_RESPONSE, MAX_CHOSEN_OPTIONS, MAX_TEXT_ANSWER_LENGTH, NO_MARKUP_PATTERN, SLUG_PATTERN, SURVEY_FILE, SURVEY_STORE_VERSION, UUID_PATTERN } from './formats.ts';

/*
 * Survey answers: the envelope kept on the participant's device and the "Export survey answers"
 * file (`public/schemas/survey-response.v1.json`, generated from here by `npm run schemas`). Both
 * are validated by code generated from these schemas, so every rule must be one JSON Schema can
 * say; the one rule across fields (a self-assessment answer carries both `phase` and `pairingId`)
 * is a union of two shapes. Bump `schemaVersion` for anything that is not backwards compatible.
 */

const slug = (max: number) => z.string().max(max).regex(SLUG_PATTERN, 'an ASCII slug');

/** A random id in lower case, as `crypto.randomUUID()` writes it. */
export const uuidSchema = z.string().regex(UUID_PATTERN, 'a lower-case UUID').meta({ description: 'Random lower-case UUID' });

/** A calendar date, YYYY-MM-DD. Nothing finer than a day is ever exported. */
export const isoDaySchema = z.iso.date().meta({ description: 'Calendar date YYYY-MM-DD' });

/** A string without markup, at most `max` characters. */
export function plainTextSchema(max: number) {
  return z.string().max(max).regex(NO_MARKUP_PATTERN, 'must not contain markup ("<" followed by a letter, "/", "!" or "?")');
}

/** One answer: a point 1–5, an option id or free text, or the option ids chosen. */
export const exportedAnswerSchema = z
  .union([
    z.int().min(1).max(5),
    plainTextSchema(MAX_TEXT_ANSWER_LENGTH),
    z.array(slug(64)).min(1).max(MAX_CHOSEN_OPTIONS).meta({ uniqueItems: true }),
  ])
  .meta({ description: 'likert5: 1–5; single: option id; text: free text; multiple: option ids' });

/** Answers by question id; unanswered questions are left out. */
const answersSchema = z.record(slug(64), exportedAnswerSchema).meta({ description: 'Answers by question id', maxProperties: MAX_ANSWERS_PER_RESPONSE });

/** The fields every exported response has. */
const responseFields = {
  /** Random id per answered survey, so that a file handed in twice is counted once. */
  responseId: uuidSchema,
  /** Survey id (the survey file name). */
  surveyId: slug(64).meta({ description: 'Survey id' }),
  /** Version of the survey that was answered. */
  surveyVersion: z.int().min(1).meta({ description: 'Survey version answered' }),
  /** Locale the survey was answered in. */
  locale: z.string().regex(LOCALE_CODE_PATTERN, 'a locale code').meta({ description: 'Locale code answered in' }),
  /** Module the survey was about, for module surveys. */
  moduleId: slug(64).optional().meta({ description: 'Module id, for module surveys' }),
  /** Day the survey was answered. */
  date: isoDaySchema,
  /** Answers by question id. */
  answers: answersSchema,
};

/** A self-assessment answer: with its phase and the random id that pairs before and after. */
const pairedResponseSchema = z
  .object({
    ...responseFields,
    /** Self-assessment only: answered at the start (`before`) or at the end (`after`). */
    phase: z.enum(['before', 'after']).meta({ description: 'Self-assessment phase' }),
    /** Self-assessment only: random id linking one participant's before and after answers. */
    pairingId: uuidSchema.meta({ description: 'Random id linking before and after' }),
  })
  .strict();

/** One answered survey, anonymous: a plain answer, or a self-assessment with its phase and pairing id. */
export const exportedResponseSchema = z.union([pairedResponseSchema, z.object(responseFields).strict()]);

/** The file "Export survey answers" downloads: the answers not exported before. */
export const surveyExportFileSchema = z
  .object({
    /** Address of this file's JSON Schema, site-relative or absolute. */
    $schema: z
      .string()
      .regex(/^[^\s<>"]*\/schemas\/survey-response\.v1\.json$/, 'the address of survey-response.v1.json')
      .meta({ description: 'Address of the JSON Schema' }),
    /** Always 1 for this schema. */
    schemaVersion: z.literal(SURVEY_FILE.version).meta({ description: 'Schema version, 1' }),
    /** Always "orienta.survey-responses". */
    kind: z.literal(SURVEY_FILE.kind).meta({ description: 'File kind' }),
    /** Id of the municipality's site the answers were given on. */
    siteId: slug(64).meta({ description: 'Site id' }),
    /** Day of the export. */
    exportedAt: isoDaySchema,
    /** The answered surveys. */
    responses: z.array(exportedResponseSchema).meta({ description: 'Answered surveys' }),
  })
  .strict();

export type SurveyExportFile = z.infer<typeof surveyExportFileSchema>;
/** One exported response; `phase` and `pairingId` come together (self-assessments) or not at all. */
export type ExportedResponse = z.infer<typeof exportedResponseSchema> & Partial<Pick<z.infer<typeof pairedResponseSchema>, 'phase' | 'pairingId'>>;
export type ExportedAnswer = z.infer<typeof exportedAnswerSchema>;

/** One answered survey as kept on the device. */
export const storedResponseSchema = z
  .object({
    /** Random UUID per answered survey; duplicates are removed by it in the report. */
    responseId: uuidSchema,
    /** Survey id. */
    surveyId: slug(64).meta({ description: 'Survey id' }),
    /** Survey version answered. */
    surveyVersion: z.int().min(1).meta({ description: 'Survey version answered' }),
    /** Locale the survey was answered in. */
    locale: z.string().regex(LOCALE_CODE_PATTERN).meta({ description: 'Locale answered in' }),
    /** Module the survey was about (module surveys). */
    moduleId: slug(64).optional().meta({ description: 'Module id, for module surveys' }),
    /** Self-assessment only: at the start or at the end. */
    phase: z.enum(['before', 'after']).optional().meta({ description: 'Self-assessment phase' }),
    /** Day answered, YYYY-MM-DD. */
    answeredAt: isoDaySchema,
    /** Answers by question id. */
    answers: answersSchema,
    /** Day of the export that included it; absent until exported. */
    exportedAt: isoDaySchema.optional(),
  })
  .strict();

/** Version 1 of the envelope kept in localStorage under `orienta:<site-id>:surveys`. */
export const surveyStoreV1Schema = z
  .object({
    /** Envelope format version. */
    version: z.literal(SURVEY_STORE_VERSION).meta({ description: 'Envelope format version' }),
    /** Random UUID created once per device; links self-assessment before and after. */
    pairingId: uuidSchema,
    /** Every answered survey, oldest first. */
    responses: z.array(storedResponseSchema).meta({ description: 'Answered surveys, oldest first' }),
  })
  .strict();

export type StoredResponse = z.infer<typeof storedResponseSchema>;
export type SurveyStoreV1 = z.infer<typeof surveyStoreV1Schema>;
