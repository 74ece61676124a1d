import { z } from 'astro/zod';
import { LESSON_ID_PATTERN, VISITS_STORE_VERSION } from './formats.ts';


/**
 * When this device last opened each lesson, `orienta:<site-id>:visits`: only the day, only on the
 * device, never exported. It lets a lesson say "changed since you last looked" when the course's
 * change log has an entry for it after that day.
 */
export const visitsStoreV1Schema = z
  .object({
    /** Envelope version. */
    version: z.literal(VISITS_STORE_VERSION),
    /** Lesson id → the day it was last opened here, YYYY-MM-DD. */
    lessons: z.record(z.string().max(120).regex(LESSON_ID_PATTERN), z.iso.date()).meta({ description: 'Lesson id to the day it was last opened' }),
  })
  .strict();

export type VisitsStore = z.infer<typeof visitsStoreV1Schema>;
