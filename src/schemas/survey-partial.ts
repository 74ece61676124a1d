import { z } from 'astro/zod';
import { SURVEY_PARTIAL_FILE } from './formats.ts';

/*
 * A partial survey summary: the exact counts of one municipality's (or one teacher's) survey
 * answers, with no suppression applied, so that a county or a group of municipalities can merge
 * several into one report and suppress small groups in the merged figures. Never published as it
 * is: `notForPublication` is always true. It holds counts per group and per question and month,
 * and sums of before/after pairs; no response, no free text, no file name, nothing finer than a month.
 */

const count = z.int().min(0);
const label = z.string().max(64);
const month = z.string().regex(/^\d{4}-\d{2}$/);

/** One group: language, module, month, gender, setting, form, phase; then n and, per likert role (satisfaction, job, language), answers, 4–5, 5. */
const cellSchema = z.tuple([label, label, month, label, label, label, label, count, count, count, count, count, count, count, count, count, count]);

/** One survey's counts. */
export const partialSurveySchema = z
  .object({
    /** Survey id. */
    surveyId: label,
    /** Survey kind. */
    kind: z.enum(['module', 'course', 'self-assessment']),
    /** Responses per survey version. */
    versions: z.record(z.string().regex(/^\d+$/), count),
    /** Question id of each indicator role. */
    roles: z.record(label, label),
    /** Counts per group. */
    cells: z.array(cellSchema).max(200_000),
    /** Answers per question and month: likert n then points 1–5; choice n then per option; text n. */
    questions: z
      .array(
        z
          .object({
            /** Question id. */
            id: label,
            /** Question type. */
            type: z.enum(['likert5', 'single', 'multiple', 'text']),
            /** Indicator role, if any. */
            indicator: label.optional(),
            /** Option ids, in the order of the counts. */
            options: z.array(label).max(40).optional(),
            /** Month → counts. */
            byMonth: z.record(month, z.array(count).max(41)),
          })
          .strict(),
      )
      .max(200),
    /** Self-assessment question ids, in the order of the pair sums. */
    selfQuestions: z.array(label).max(40),
    /** Month of the "after" answer → linked pairs, unlinked halves, and per question: pairs, sum before, sum after, sum of squared change. */
    pairs: z.record(month, z.object({ linked: count, beforeOnly: count, afterOnly: count, questions: z.array(z.tuple([count, count, count, count])).max(40) }).strict()),
  })
  .strict();

/** The partial summary file. */
export const surveyPartialFileSchema = z
  .object({
    /** Address of this file's JSON Schema. */
    $schema: z.string().max(500).optional(),
    /** Always "orienta.survey-partial". */
    kind: z.literal(SURVEY_PARTIAL_FILE.kind),
    /** Format version. */
    schemaVersion: z.literal(SURVEY_PARTIAL_FILE.version),
    /** Always true: these counts are not suppressed. */
    notForPublication: z.literal(true),
    /** Files read, valid, and invalid by reason (never by name). */
    files: z.object({ read: count, valid: count, invalid: z.record(label, count) }).strict(),
    /** Responses read, counted, duplicates, skipped by reason. */
    responses: z.object({ read: count, counted: count, duplicates: count, skipped: count, skippedByReason: z.record(label, count) }).strict(),
    /** Counted responses per site id. */
    sites: z.record(label, count),
    /** Per survey. */
    surveys: z.array(partialSurveySchema).max(50),
  })
  .strict();

export type SurveyPartialFile = z.infer<typeof surveyPartialFileSchema>;
