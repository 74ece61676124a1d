import { z } from 'astro/zod';

/*
 * The exported survey file, "Export survey answers". Mirrors `public/schemas/survey-response.v1.json`
 * (JSON Schema 2020-12) rule for rule; tests/unit/survey/export-schema.test.ts runs both on the same
 * fixtures. Change them together, and bump `schemaVersion` for anything that is not backwards compatible.
 */

/** The `schemaVersion` this code writes and reads. */
export const SURVEY_EXPORT_SCHEMA_VERSION = 1;
/** The `kind` of every survey export file. */
export const SURVEY_EXPORT_KIND = 'orienta.survey-responses';
/** Site-relative address of the JSON Schema; the page makes it absolute. */
export const SURVEY_EXPORT_SCHEMA_PATH = '/schemas/survey-response.v1.json';
/** Longest free-text answer, in Unicode code points (as JSON Schema's `maxLength` counts). */
export const MAX_TEXT_ANSWER_LENGTH = 2000;
/** Most answers in one response. */
export const MAX_ANSWERS_PER_RESPONSE = 100;
/** Most options chosen in one multiple-choice answer. */
export const MAX_CHOSEN_OPTIONS = 50;

/**
 * Start of an HTML tag, comment, doctype or processing instruction: `<` followed by a letter, `/`, `!`
 * or `?`. No string in an export may contain one, so a hostile file is rejected as a whole.
 */
export const MARKUP_PATTERN = /<[A-Za-z/!?]/;

/** Length in Unicode code points, as JSON Schema counts `maxLength` (an emoji counts once). */
export function codePointLength(text: string): number {
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // A low surrogate that follows a high surrogate completes a pair already counted.
    if (unit >= 0xdc00 && unit <= 0xdfff && i > 0) {
      const previous = text.charCodeAt(i - 1);
      if (previous >= 0xd800 && previous <= 0xdbff) continue;
    }
    length++;
  }
  return length;
}

const slug = (max: number) => z.string().max(max).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'an ASCII slug');

/** A random UUID in lower case, as `crypto.randomUUID()` writes it. */
export const uuidSchema = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'a lower-case UUID')
  .meta({ description: 'Random lower-case UUID' });

/** A calendar date, YYYY-MM-DD. Nothing finer than a day is ever exported. */
export const isoDaySchema = z.iso.date().meta({ description: 'Calendar date YYYY-MM-DD' });

/** A string without markup, at most `max` code points. */
export function plainTextSchema(max: number) {
  return z
    .string()
    .refine((text) => codePointLength(text) <= max, { message: `at most ${max} characters` })
    .refine((text) => !MARKUP_PATTERN.test(text), { message: 'must not contain markup ("<" followed by a letter, "/", "!" or "?")' });
}

/** One answer: a point 1–5, an option id or free text, or the option ids chosen. */
export const exportedAnswerSchema = z
  .union([
    z.number().int().min(1).max(5),
    plainTextSchema(MAX_TEXT_ANSWER_LENGTH),
    z
      .array(slug(64))
      .min(1)
      .max(MAX_CHOSEN_OPTIONS)
      .refine((ids) => new Set(ids).size === ids.length, { message: 'option ids must be unique' }),
  ])
  .meta({ description: 'likert5: 1–5; single: option id; text: free text; multiple: option ids' });

/** One answered survey, anonymous. */
export const exportedResponseSchema = z
  .object({
    /** Random id per answered survey, so that a file handed in twice is counted once. */
    responseId: uuidSchema,
    /** Survey id (the survey file name). */
    surveyId: slug(64).meta({ description: 'Survey id' }),
    /** Version of the survey that was answered. */
    surveyVersion: z.number().int().min(1).meta({ description: 'Survey version answered' }),
    /** Locale the survey was answered in. */
    locale: z.string().regex(/^[a-z]{2,3}$/, 'a locale code').meta({ description: 'Locale code answered in' }),
    /** Module the survey was about, for module surveys. */
    moduleId: slug(64).optional().meta({ description: 'Module id, for module surveys' }),
    /** Self-assessment only: answered at the start (`before`) or at the end (`after`). */
    phase: z.enum(['before', 'after']).optional().meta({ description: 'Self-assessment phase' }),
    /** Self-assessment only: random id linking one participant's before and after answers. */
    pairingId: uuidSchema.optional().meta({ description: 'Random id linking before and after' }),
    /** Day the survey was answered. */
    date: isoDaySchema,
    /** Answers by question id; unanswered questions are left out. */
    answers: z
      .record(slug(64), exportedAnswerSchema)
      .refine((answers) => Object.keys(answers).length <= MAX_ANSWERS_PER_RESPONSE, { message: `at most ${MAX_ANSWERS_PER_RESPONSE} answers` })
      .meta({ description: 'Answers by question id' }),
  })
  .strict()
  .superRefine((response, ctx) => {
    if ((response.phase === undefined) !== (response.pairingId === undefined)) {
      ctx.addIssue({ code: 'custom', path: [response.phase === undefined ? 'phase' : 'pairingId'], message: 'phase and pairingId go together (self-assessment only)' });
    }
  });

/** The file "Export survey answers" downloads: every answer not exported before. */
export const surveyExportFileSchema = z
  .object({
    /** Address of this file's JSON Schema, site-relative or absolute. */
    $schema: z
      .string()
      .regex(/^[^\s<>"]*\/schemas\/survey-response\.v1\.json$/, 'the address of survey-response.v1.json')
      .meta({ description: 'Address of the JSON Schema' }),
    /** Always 1 for this schema. */
    schemaVersion: z.literal(SURVEY_EXPORT_SCHEMA_VERSION).meta({ description: 'Schema version, 1' }),
    /** Always "orienta.survey-responses". */
    kind: z.literal(SURVEY_EXPORT_KIND).meta({ description: 'File kind' }),
    /** Id of the municipality's site the answers were given on. */
    siteId: slug(64).meta({ description: 'Site id' }),
    /** Day of the export. */
    exportedAt: isoDaySchema,
    /** The answered surveys. */
    responses: z.array(exportedResponseSchema).meta({ description: 'Answered surveys' }),
  })
  .strict();

export type SurveyExportFile = z.infer<typeof surveyExportFileSchema>;
export type ExportedResponse = z.infer<typeof exportedResponseSchema>;
export type ExportedAnswer = z.infer<typeof exportedAnswerSchema>;
