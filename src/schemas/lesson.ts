import { z } from 'astro/zod';

/** ASCII slug used for module and lesson ids. The same in every locale and stable forever. */
export const slugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'an ASCII slug: lower-case letters, digits and single hyphens');

/** Whether a person wrote, machine-translated, or reviewed this text. */
export const translationStatusSchema = z
  .enum(['original', 'machine', 'reviewed'])
  .meta({ description: '"original" for Swedish source text, "machine" until a person reviews a translation, then "reviewed"' });

/** Who reviewed a lesson or a translation, by role (never by name). */
export const reviewerRoleSchema = z.enum(['content-editor', 'subject-expert', 'samhallskommunikator', 'translator']);

/** One cited source. Public Swedish authorities first. */
export const sourceSchema = z
  .object({
    /** Title of the page as the publisher names it. */
    title: z.string().min(3).meta({ description: 'Page title as published' }),
    /** Publisher, e.g. "Arbetsförmedlingen". */
    publisher: z.string().min(2).meta({ description: 'The authority or body that publishes it' }),
    /** Absolute https URL. */
    url: z
      .url({ protocol: /^https$/, error: 'an absolute https:// URL' })
      .meta({ description: 'Absolute https URL' }),
  })
  .strict();

/**
 * Lesson frontmatter, `content/lessons/<locale>/<module-id>/<lesson-id>.mdx`.
 *
 * Structural fields (`order`, `minutes`, `sources`) are required in the Swedish original and
 * optional in translations, which inherit them: a translator never has to keep them in sync.
 */
export const lessonSchema = z
  .object({
    /** Lesson title in the file's language. */
    title: z.string().min(3).meta({ description: 'Lesson title in this language' }),
    /** One or two sentences shown in lists and search results. */
    summary: z.string().min(10).meta({ description: 'One or two sentences for lists and search' }),
    /** Position within the module, starting at 1. Required in the Swedish original. */
    order: z.number().int().positive().optional().meta({ description: 'Position in the module (Swedish original only)' }),
    /** Estimated time to read and work through the lesson, in minutes. Required in the Swedish original. */
    minutes: z.number().int().min(5).max(600).optional().meta({ description: 'Estimated study time in minutes (Swedish original only)' }),
    /**
     * In the source lesson: the day a person reviewed its facts against the cited pages. In a
     * translation: the day a person reviewed the translation (only with `translation: reviewed`).
     * Set by a review that happened, never stamped on many files at once.
     */
    lastReviewed: z.coerce.date().optional().meta({ description: 'Day of the last review (facts in the source; the translation in a reviewed translation)' }),
    /**
     * The role of who did that review: `content-editor` (facts against the cited pages),
     * `subject-expert`, `samhallskommunikator` (a civic orientation teacher who teaches in the
     * translation's language) or `translator`. Shown translated on the page.
     */
    reviewer: reviewerRoleSchema.optional().meta({ description: 'Role of the reviewer' }),
    /** Translation status of this file. */
    translation: translationStatusSchema,
    /**
     * In a translation: the revision of the source text it was made from (`npm run i18n:stamp`
     * writes it). When the source changes, the page says the translation is outdated.
     */
    sourceRevision: z
      .string()
      .regex(/^[0-9a-f]{8}$/, '8 hex digits, as npm run i18n:stamp writes them')
      .optional()
      .meta({ description: 'Revision of the source text this translation was made from' }),
    /** Cited sources. Required (at least one) in the Swedish original; translations inherit them. */
    sources: z.array(sourceSchema).min(1).optional().meta({ description: 'Cited sources (Swedish original only)' }),
  })
  .strict();

export type LessonFrontmatter = z.infer<typeof lessonSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type TranslationStatus = z.infer<typeof translationStatusSchema>;
