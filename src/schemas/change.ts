import { z } from 'astro/zod';
import { lessonIdSchema } from './progress.ts';
import { factIdSchema } from './fact.ts';
import { localizedTextSchema } from './site.ts';
import { CARD_STEP_ID_PATTERN } from './formats.ts';

/**
 * One entry of the course's change log, `content/changes/<date>-<slug>.yaml`: what changed in the
 * course and why, dated. Written whenever a fact or a lesson's meaning changes. Teachers see
 * "changed since you last looked" on the lessons concerned; participants see the log on one page.
 */
export const changeSchema = z
  .object({
    /** The day the change was made in the course. */
    date: z.coerce.date().meta({ description: 'Day of the change' }),
    /** A rule changed in society; the course was wrong; the text says more precisely what it meant; a lesson was added. */
    kind: z.enum(['rule-change', 'correction', 'clarification', 'new-content']).meta({ description: 'rule-change, correction, clarification or new-content' }),
    /** The lessons whose meaning changed. */
    lessons: z.array(lessonIdSchema).min(1).meta({ description: 'Lesson ids concerned' }),
    /** Facts this change introduced or changed. */
    facts: z.array(factIdSchema).default([]).meta({ description: 'Fact ids introduced or changed' }),
    /** What changed and why, per locale (the source language required; others fall back to it). */
    summary: localizedTextSchema.meta({ description: 'What changed and why, per locale' }),
  })
  .strict();

export type Change = z.infer<typeof changeSchema>;

/**
 * Steps a lesson suggests for the participant's competence card (`<CardStep id="…" />`),
 * `content/card-steps.yaml`: id to text per locale. The card prints the Swedish text for employers.
 */
export const cardStepsSchema = z.record(
  z.string().regex(CARD_STEP_ID_PATTERN, 'a step id "<topic>.<action>" in lower-case ASCII'),
  localizedTextSchema.refine((texts) => Object.values(texts).every((text) => text.length <= 100), { message: 'at most 100 characters per text' }),
);

export type CardSteps = z.infer<typeof cardStepsSchema>;
