import { z } from 'astro/zod';

/** `<module-id>/<lesson-id>`: the one lesson id used everywhere. */
export const lessonIdSchema = z
  .string()
  .max(120)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a lesson id "<module-id>/<lesson-id>"');

/** An ISO 8601 timestamp, as written by `Date#toISOString()`. */
const isoTime = z.iso.datetime({ offset: true });

/** One self-check attempt. */
export const scoreSchema = z
  .object({
    /** Right answers. */
    score: z.number().int().min(0).max(100).meta({ description: 'Right answers' }),
    /** Questions in the self-check. */
    total: z.number().int().min(1).max(100).meta({ description: 'Number of questions' }),
    /** When it was answered. */
    at: isoTime.meta({ description: 'When it was answered' }),
  })
  .strict()
  .refine((s) => s.score <= s.total, { message: 'score cannot exceed total', path: ['score'] });

/** A lesson's progress. */
export const lessonProgressSchema = z
  .object({
    /** When the participant marked it completed; absent when not completed. */
    completedAt: isoTime.optional().meta({ description: 'When it was marked completed' }),
    /** Self-check results: the latest and the best attempt. */
    selfCheck: z.object({ latest: scoreSchema, best: scoreSchema }).strict().optional().meta({ description: 'Latest and best self-check' }),
  })
  .strict();

/** The last lesson opened, for "Continue where you left off". */
export const lastLessonSchema = z
  .object({
    /** Lesson id. */
    id: lessonIdSchema,
    /** The locale it was read in. */
    locale: z.string().regex(/^[a-z]{2,3}$/),
    /** When it was opened. */
    at: isoTime,
  })
  .strict();

/** The version of the stored envelope this code writes (kept zod-free for the browser). */
export { PROGRESS_STORE_VERSION } from '../lib/progress/guard.ts';

/**
 * Version 1 of the progress envelope kept in localStorage under `orienta:<site-id>:progress`.
 * Keyed by lesson id, never by URL or language, so sub-paths and language switches keep it.
 */
export const progressStoreV1Schema = z
  .object({
    /** Envelope version; see `migrations.ts`. */
    version: z.literal(1),
    /** The municipality site that wrote it. */
    siteId: z.string().min(1).max(64),
    /** When anything last changed. */
    updatedAt: isoTime,
    /** Progress per lesson id. */
    lessons: z.record(lessonIdSchema, lessonProgressSchema),
    /** The last lesson opened. */
    lastLesson: lastLessonSchema.optional(),
    /** A name the participant typed, for the certificate and the export to the teacher. Only on this device. */
    participantName: z.string().max(80).optional(),
  })
  .strict();

export type ProgressStore = z.infer<typeof progressStoreV1Schema>;
export type LessonProgress = z.infer<typeof lessonProgressSchema>;
export type Score = z.infer<typeof scoreSchema>;

/** The version of the export file this code writes and reads. */
export const PROGRESS_EXPORT_VERSION = 1;

/**
 * The file a participant exports with "Export progress" (`public/schemas/progress.v1.json`).
 * It moves progress to another device, and can be handed to a teacher.
 */
export const progressExportV1Schema = z
  .object({
    /** URL of the JSON Schema this file follows. */
    $schema: z.string().max(500).meta({ description: 'URL of /schemas/progress.v1.json' }),
    /** File format version. */
    schemaVersion: z.literal(1).meta({ description: 'File format version' }),
    /** Marks the file type. */
    kind: z.literal('orienta.progress').meta({ description: 'File type marker' }),
    /** The municipality site it was exported from. */
    siteId: z.string().min(1).max(64).meta({ description: 'Site id' }),
    /** When it was exported. */
    exportedAt: isoTime.meta({ description: 'Export time' }),
    /** Optional name the participant typed, for the teacher's group overview. */
    participantName: z.string().max(80).optional().meta({ description: 'Name typed by the participant (optional)' }),
    /** Progress per lesson. */
    lessons: z
      .array(
        z
          .object({
            /** Lesson id `<module-id>/<lesson-id>`. */
            id: lessonIdSchema,
            /** Whether it is completed. */
            completed: z.boolean(),
            /** When it was completed. */
            completedAt: isoTime.optional(),
            /** Latest and best self-check. */
            selfCheck: z.object({ latest: scoreSchema, best: scoreSchema }).strict().optional(),
          })
          .strict(),
      )
      .max(5000)
      .meta({ description: 'Progress per lesson' }),
    /** The last lesson opened. */
    lastLesson: lastLessonSchema.optional().meta({ description: 'Last lesson opened' }),
  })
  .strict();

export type ProgressExport = z.infer<typeof progressExportV1Schema>;
