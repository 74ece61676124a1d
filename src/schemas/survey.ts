import { z } from 'astro/zod';
import { localeCodeSchema } from './locale.ts';
import { slugSchema } from './lesson.ts';
import { localizedTextSchema } from './site.ts';
import { GROUPING_ROLE_OPTIONS, SOURCE_LOCALE } from './formats.ts';

/** Re-exported: zod-free code imports it from `formats.ts`. */
export { GROUPING_ROLE_OPTIONS };

/** Where a survey is offered: after a module, at the end of the course, or at the start and end (before/after). */
export const surveyKindSchema = z
  .enum(['module', 'course', 'self-assessment'])
  .meta({ description: '"module" after a module, "course" at the end, "self-assessment" before and after' });

/** How a question is answered. */
export const questionTypeSchema = z
  .enum(['likert5', 'single', 'multiple', 'text'])
  .meta({ description: 'likert5: a 5-point scale; single or multiple choice; text: free text' });

/**
 * The role a question plays in the municipality's report. The aggregation finds the indicators
 * by role, never by question id, so texts and ids can change between survey versions.
 */
export const indicatorRoleSchema = z
  .enum(['overall-satisfaction', 'job-knowledge', 'language-understood', 'improve', 'self-assessment', 'gender', 'setting', 'form'])
  .meta({ description: 'Which report indicator or breakdown this question feeds' });


/** Shared 5-point scales whose labels live in `src/lib/survey/scales.ts`, translated into every locale. */
export const namedScaleSchema = z
  .enum(['agreement', 'satisfaction', 'knowledge'])
  .meta({ description: 'A shared, translated 5-point scale' });

/** A 5-point scale: a shared scale by name, or five labels from 1 (lowest) to 5 (highest). */
export const likertScaleSchema = z
  .union([namedScaleSchema, z.array(localizedTextSchema).length(5)])
  .meta({ description: 'A shared scale name, or five labels from 1 (lowest) to 5 (highest)' });

/** One choice in a single- or multiple-choice question. */
export const surveyOptionSchema = z
  .object({
    /** Stable id stored in the answers, e.g. `study-visits`. */
    id: slugSchema.max(64).meta({ description: 'Stable option id stored in the answers' }),
    /** What the participant reads, per locale. */
    label: localizedTextSchema.meta({ description: 'Option label per locale' }),
  })
  .strict();

/** Translation status of a survey's texts in one non-Swedish locale. */
export const surveyTranslationStatusSchema = z
  .enum(['machine', 'reviewed'])
  .meta({ description: '"machine" until a person has reviewed the translation, then "reviewed"' });

const likertOnlyRoles = new Set(['overall-satisfaction', 'job-knowledge', 'language-understood', 'self-assessment']);

/** One question of a survey. */
export const surveyQuestionSchema = z
  .object({
    /** Stable id, the key of the answer in exported files. Never reuse an id for a different question. */
    id: slugSchema.max(64).meta({ description: 'Stable question id, the key in exported answers' }),
    /** How the question is answered. */
    type: questionTypeSchema,
    /** Whether the survey cannot be sent without an answer. Questions are optional unless marked. */
    required: z.boolean().default(false).meta({ description: 'Must be answered (default false)' }),
    /** The question, per locale. */
    text: localizedTextSchema.meta({ description: 'The question per locale' }),
    /** Choices, for `single` and `multiple` only. */
    options: z.array(surveyOptionSchema).min(2).max(20).optional().meta({ description: 'Choices (single and multiple only)' }),
    /** Labels of the five points, for `likert5` only. */
    scale: likertScaleSchema.optional(),
    /** The report indicator this question feeds, if any. */
    indicator: indicatorRoleSchema.optional(),
  })
  .strict()
  .superRefine((question, ctx) => {
    const choice = question.type === 'single' || question.type === 'multiple';
    if (choice && !question.options) ctx.addIssue({ code: 'custom', path: ['options'], message: `a "${question.type}" question needs options` });
    if (!choice && question.options) ctx.addIssue({ code: 'custom', path: ['options'], message: 'only single and multiple questions have options' });
    if (question.type === 'likert5' && question.scale === undefined) ctx.addIssue({ code: 'custom', path: ['scale'], message: 'a likert5 question needs a scale: a shared scale name or five labels' });
    if (question.type !== 'likert5' && question.scale !== undefined) ctx.addIssue({ code: 'custom', path: ['scale'], message: 'only likert5 questions have a scale' });
    const seen = new Set<string>();
    question.options?.forEach((option, index) => {
      if (seen.has(option.id)) ctx.addIssue({ code: 'custom', path: ['options', index, 'id'], message: `duplicate option id "${option.id}"` });
      seen.add(option.id);
    });
    if (question.indicator && likertOnlyRoles.has(question.indicator) && question.type !== 'likert5') {
      ctx.addIssue({ code: 'custom', path: ['indicator'], message: `indicator "${question.indicator}" needs a likert5 question` });
    }
    if (question.indicator === 'improve' && question.type !== 'text') {
      ctx.addIssue({ code: 'custom', path: ['indicator'], message: 'indicator "improve" needs a text question' });
    }
    if (question.indicator === 'gender' || question.indicator === 'setting' || question.indicator === 'form') {
      const wanted = GROUPING_ROLE_OPTIONS[question.indicator];
      const ids = question.options?.map((o) => o.id) ?? [];
      if (question.type !== 'single' || ids.length !== wanted.length || !wanted.every((id) => ids.includes(id))) {
        ctx.addIssue({ code: 'custom', path: ['indicator'], message: `indicator "${question.indicator}" needs a single-choice question with the options ${wanted.join(', ')}` });
      }
    }
  });

/**
 * A survey, `content/surveys/<survey-id>.yaml`. Texts are localized maps (`sv` required, other
 * locales fall back to Swedish). Raise `version` whenever questions or options change meaning:
 * exported answers name the version they answered.
 */
export const surveyDefinitionSchema = z
  .object({
    /** Survey id, the same as the file name. Stored in every exported answer. */
    id: slugSchema.max(64).meta({ description: 'Same as the file name' }),
    /** Version of the questions, starting at 1. */
    version: z.number().int().min(1).meta({ description: 'Version of the questions, from 1' }),
    /** Where the survey is offered. */
    kind: surveyKindSchema,
    /** Title per locale. */
    title: localizedTextSchema.meta({ description: 'Title per locale' }),
    /** Short introduction per locale: why we ask, that it is anonymous. */
    intro: localizedTextSchema.meta({ description: 'Introduction per locale' }),
    /** Status of each non-Swedish locale's texts. A locale missing here has no translation and falls back to Swedish. */
    translations: z.record(localeCodeSchema, surveyTranslationStatusSchema).default({}).meta({ description: 'Translation status per non-Swedish locale' }),
    /** The questions, in the order shown. */
    questions: z.array(surveyQuestionSchema).min(1).max(40).meta({ description: 'Questions in the order shown' }),
  })
  .strict()
  .superRefine((survey, ctx) => {
    if (SOURCE_LOCALE in survey.translations) ctx.addIssue({ code: 'custom', path: ['translations', SOURCE_LOCALE], message: 'the source language is the original; list only translations' });
    const seen = new Set<string>();
    const roles = new Set<string>();
    survey.questions.forEach((question, index) => {
      if (question.indicator && question.indicator !== 'self-assessment') {
        if (roles.has(question.indicator)) ctx.addIssue({ code: 'custom', path: ['questions', index, 'indicator'], message: `only one question per survey can have indicator "${question.indicator}"` });
        roles.add(question.indicator);
      }
      if (seen.has(question.id)) ctx.addIssue({ code: 'custom', path: ['questions', index, 'id'], message: `duplicate question id "${question.id}"` });
      seen.add(question.id);
      const grouping = question.indicator === 'gender' || question.indicator === 'setting' || question.indicator === 'form';
      if (survey.kind === 'self-assessment' && !grouping && (question.type !== 'likert5' || question.indicator !== 'self-assessment')) {
        ctx.addIssue({ code: 'custom', path: ['questions', index], message: 'every question of a self-assessment is likert5 with indicator "self-assessment", or a gender, setting or form question' });
      }
      if (survey.kind !== 'self-assessment' && question.indicator === 'self-assessment') {
        ctx.addIssue({ code: 'custom', path: ['questions', index, 'indicator'], message: 'indicator "self-assessment" belongs in a self-assessment survey' });
      }
    });
  });

/** A validated survey definition (defaults applied). */
export type SurveyDefinition = z.infer<typeof surveyDefinitionSchema>;
/** A survey definition as written in YAML (before defaults). */
export type SurveyDefinitionInput = z.input<typeof surveyDefinitionSchema>;
export type SurveyQuestion = z.infer<typeof surveyQuestionSchema>;
export type SurveyOption = z.infer<typeof surveyOptionSchema>;
export type SurveyKind = z.infer<typeof surveyKindSchema>;
export type QuestionType = z.infer<typeof questionTypeSchema>;
export type IndicatorRole = z.infer<typeof indicatorRoleSchema>;
export type NamedScale = z.infer<typeof namedScaleSchema>;
export type LikertScale = z.infer<typeof likertScaleSchema>;
export type LocalizedText = z.infer<typeof localizedTextSchema>;
