import { z } from 'astro/zod';
import { GROUP_STORE_VERSION, LESSON_ID_PATTERN, MAX_GROUP_PARTICIPANTS, MAX_PARTICIPANT_NAME, PARTICIPANT_KEY_PATTERN } from './formats.ts';

/**
 * The teacher's group on the teacher's device (`orienta:<site-id>:group`): one row per
 * participant, keyed by their passport id, so a participant counts once whether their progress
 * came as a scanned passport or a file, and a second scan updates their row.
 */

/** A lesson as the teacher sees it. */
const lessonStateSchema = z
  .object({
    /** The participant marked it completed. */
    completed: z.boolean(),
    /** Their best self-check. */
    best: z
      .object({
        /** Right answers. */
        score: z.int().min(0).max(255),
        /** Questions. */
        total: z.int().min(1).max(255),
      })
      .strict()
      .optional(),
  })
  .strict();

/** One participant of the group. */
export const groupParticipantSchema = z
  .object({
    /** Passport id, or `file-<hash>` for a version 1 progress file without one. */
    key: z.string().regex(PARTICIPANT_KEY_PATTERN).meta({ description: 'Passport id or file key' }),
    /** The name the participant chose to show (cleaned), if any. */
    name: z.string().max(MAX_PARTICIPANT_NAME).optional().meta({ description: 'Name the participant chose to show' }),
    /** The day of the latest progress received, YYYY-MM-DD. */
    asOf: z.iso.date().meta({ description: 'Day of the latest progress received' }),
    /** How it last arrived. */
    via: z.enum(['passport', 'file']).meta({ description: 'passport or file' }),
    /** Progress per lesson id. */
    lessons: z.record(z.string().max(120).regex(LESSON_ID_PATTERN), lessonStateSchema).meta({ description: 'Progress per lesson' }),
  })
  .strict();

/** Version 1 of the group store. */
export const groupStoreV1Schema = z
  .object({
    /** Envelope version. */
    version: z.literal(GROUP_STORE_VERSION),
    /** The site the group belongs to. */
    siteId: z.string().min(1).max(64),
    /** Participants, in the order they were added. */
    participants: z.array(groupParticipantSchema).max(MAX_GROUP_PARTICIPANTS),
  })
  .strict();

export type GroupStore = z.infer<typeof groupStoreV1Schema>;
export type GroupParticipant = z.infer<typeof groupParticipantSchema>;
export type LessonState = z.infer<typeof lessonStateSchema>;
