import { z } from 'astro/zod';
import { translationStatusSchema } from './lesson.ts';

/**
 * A module's structure, `content/modules/<module-id>.yaml`. Language-neutral.
 * The module id is the file name.
 */
export const moduleSchema = z
  .object({
    /** Position in the course, starting at 1 (the ordinance's order). */
    order: z.number().int().positive().meta({ description: 'Position in the course' }),
    /** Planned teaching hours, including group dialogue. The course must total at least 100. */
    plannedHours: z.number().positive().max(100).meta({ description: 'Planned teaching hours' }),
    /** Which of the ordinance's (2010:1138) eight mandatory areas the module covers, 1–8. */
    area: z.number().int().min(1).max(8).meta({ description: 'Mandatory area 1–8 in ordinance 2010:1138' }),
  })
  .strict();

/** A module's texts in one language, `content/modules/<locale>/<module-id>.yaml`. */
export const moduleTextSchema = z
  .object({
    /** Module title in this language. */
    title: z.string().min(3).meta({ description: 'Module title' }),
    /** Two or three sentences on what the module covers. */
    summary: z.string().min(10).meta({ description: 'What the module covers' }),
    /** Translation status of this file. */
    translation: translationStatusSchema,
  })
  .strict();

export type ModuleData = z.infer<typeof moduleSchema>;
export type ModuleText = z.infer<typeof moduleTextSchema>;
