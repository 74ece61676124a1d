import { z } from 'astro/zod';
import { LESSON_ID_PATTERN, LOCALE_CODE_PATTERN, MAX_PARTICIPANT_NAME, PASSPORT_ID_PATTERN, PROGRESS_FILE, PROGRESS_STORE_VERSION } from './formats.ts';

/*
 * A participant's progress: the envelope kept on the device and the "Export progress" file. Both
 * are validated in the browser by code generated from these schemas (`npm run schemas`), so every
 * rule here must be one JSON Schema can say; rules across fields live in `src/lib/progress/`.
 */

/** `<module-id>/<lesson-id>`: the one lesson id used everywhere. */
export const lessonIdSchema = z.string().max(120).regex(LESSON_ID_PATTERN, 'a lesson id "<module-id>/<lesson-id>"');

/** An ISO 8601 timestamp, as written by `Date#toISOString()`. */
const isoTime = z.iso.datetime({ offset: true });

/** One self-check attempt. `score ≤ total` is checked in `src/lib/progress/definitions.ts`. */
export const scoreSchema = z
  .object({
    /** Right answers. */
    score: z.int().min(0).max(100).meta({ description: 'Right answers' }),
    /** Questions in the self-check. */
    total: z.int().min(1).max(100).meta({ description: 'Number of questions' }),
    /** When it was answered. */
    at: isoTime.meta({ description: 'When it was answered' }),
  })
  .strict();

/** Latest and best self-check attempt. */
const selfCheckResultSchema = z.object({ latest: scoreSchema, best: scoreSchema }).strict();

/** A lesson's progress. */
export const lessonProgressSchema = z
  .object({
    /** When the participant marked it completed; absent when not completed. */
    completedAt: isoTime.optional().meta({ description: 'When it was marked completed' }),
    /** Self-check results: the latest and the best attempt. */
    selfCheck: selfCheckResultSchema.optional().meta({ description: 'Latest and best self-check' }),
  })
  .strict();

/** The last lesson opened, for "Continue where you left off". */
export const lastLessonSchema = z
  .object({
    /** Lesson id. */
    id: lessonIdSchema,
    /** The locale it was read in. */
    locale: z.string().regex(LOCALE_CODE_PATTERN),
    /** When it was opened. */
    at: isoTime,
  })
  .strict();

/**
 * A name the participant typed. Lenient on purpose, so data written by earlier versions stays
 * readable: names are cleaned when typed and imported (`cleanName`) and always shown isolated.
 */
const participantNameSchema = z.string().max(MAX_PARTICIPANT_NAME);

/**
 * Version 1 of the progress envelope kept in localStorage under `orienta:<site-id>:progress`.
 * Keyed by lesson id, never by URL or language, so sub-paths and language switches keep it.
 */
export const progressStoreV1Schema = z
  .object({
    /** Envelope version; older versions are lifted by the migrations in `src/lib/progress/definitions.ts`. */
    version: z.literal(PROGRESS_STORE_VERSION),
    /** The municipality site that wrote it. */
    siteId: z.string().min(1).max(64),
    /** When anything last changed. */
    updatedAt: isoTime,
    /** Progress per lesson id. */
    lessons: z.record(lessonIdSchema, lessonProgressSchema),
    /** The last lesson opened. */
    lastLesson: lastLessonSchema.optional(),
    /** A name the participant typed, for the certificate and the export to the teacher. Only on this device. */
    participantName: participantNameSchema.optional(),
  })
  .strict();

export type ProgressStore = z.infer<typeof progressStoreV1Schema>;
export type LessonProgress = z.infer<typeof lessonProgressSchema>;
export type Score = z.infer<typeof scoreSchema>;

/**
 * Version 1 of the "Export progress" file (`public/schemas/progress.v1.json`), still read: its
 * files are lifted to version 2 unchanged (they have no passport id).
 */
export const progressExportV1Schema = z
  .object({
    /** URL of the JSON Schema this file follows. */
    $schema: z.string().max(500).meta({ description: 'URL of /schemas/progress.v1.json' }),
    /** File format version. */
    schemaVersion: z.literal(1).meta({ description: 'File format version' }),
    /** Marks the file type. */
    kind: z.literal(PROGRESS_FILE.kind).meta({ description: 'File type marker' }),
    /** The municipality site it was exported from. */
    siteId: z.string().min(1).max(64).meta({ description: 'Site id' }),
    /** When it was exported. */
    exportedAt: isoTime.meta({ description: 'Export time' }),
    /** Optional name the participant typed, for the teacher's group overview. */
    participantName: participantNameSchema.optional().meta({ description: 'Name typed by the participant (optional)' }),
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
            selfCheck: selfCheckResultSchema.optional(),
          })
          .strict(),
      )
      .max(5000)
      .meta({ description: 'Progress per lesson' }),
    /** The last lesson opened. */
    lastLesson: lastLessonSchema.optional().meta({ description: 'Last lesson opened' }),
  })
  .strict();

/**
 * The file a participant exports with "Export progress" (`public/schemas/progress.v2.json`). It
 * moves progress to another device, and can be handed to a teacher.
 */
export const progressExportV2Schema = progressExportV1Schema.extend({
  /** URL of the JSON Schema this file follows. */
  $schema: z.string().max(500).meta({ description: 'URL of /schemas/progress.v2.json' }),
  /** File format version. */
  schemaVersion: z.literal(PROGRESS_FILE.version).meta({ description: 'File format version' }),
  /** The device's random passport id: one participant in a teacher's group, however their progress arrives. */
  passportId: z.string().regex(PASSPORT_ID_PATTERN).optional().meta({ description: 'Random passport id of the device (optional)' }),
});

export type ProgressExport = z.infer<typeof progressExportV2Schema>;
