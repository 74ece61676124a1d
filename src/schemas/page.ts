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
