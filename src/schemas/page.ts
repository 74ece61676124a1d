import { z } from 'astro/zod';
import { translationStatusSchema } from './lesson.ts';

/** Frontmatter of a static page, `content/pages/<locale>/<page-id>.mdx`. */
export const pageSchema = z
  .object({
    /** Page title in the file's language. */
    title: z.string().min(3).meta({ description: 'Page title' }),
    /** Translation status of this file. */
    translation: translationStatusSchema,
  })
  .strict();

export type PageFrontmatter = z.infer<typeof pageSchema>;

/** Frontmatter of a teacher guide, `content/guides/<locale>/<module-id>.mdx`. */
export const guideSchema = z
  .object({
    /** Guide title in the file's language. */
    title: z.string().min(3).meta({ description: 'Guide title' }),
    /** One or two sentences on what the guide offers. */
    summary: z.string().min(10).meta({ description: 'Summary' }),
    /** Date a person last checked it (YYYY-MM-DD). */
    lastReviewed: z.coerce.date().meta({ description: 'Date last reviewed' }),
    /** Translation status of this file. */
    translation: translationStatusSchema,
  })
  .strict();
