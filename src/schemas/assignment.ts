import { z } from 'astro/zod';
import { ASSIGNMENT_STORE_VERSION, ASSIGNMENT_VERSION, GROUP_NAME_PATTERN, MAX_GROUP_NAME_LENGTH, MAX_STORED_ASSIGNMENTS } from './formats.ts';
import { localeCodeSchema } from './locale.ts';
import { slugSchema } from './lesson.ts';
import { lessonIdSchema } from './progress.ts';

/*
 * A teacher's assignment: what a group should read before the next session. It travels in a link's
 * fragment (`src/lib/assignment/encode.ts`) and is kept on the participant's device
 * (`src/lib/assignment/store.ts`). Every decoded or stored value goes through these schemas.
 */


/**
 * The group's name as the teacher typed it, e.g. "SFI B tisdagar" or "مجموعة الصباح". Any script;
 * 1–60 characters; no angle brackets (so never markup), no control characters, no leading or
 * trailing space.
 */
export const groupNameSchema = z.string().min(1).max(MAX_GROUP_NAME_LENGTH).regex(GROUP_NAME_PATTERN, 'no "<", ">", control characters or outer spaces');

/** A calendar date, YYYY-MM-DD. */
export const dueDateSchema = z.iso.date();

/** The fields of an assignment, without the cross-field rules (see `assignmentSchema`). */
const assignmentFields = {
  /** Format version. */
  v: z.literal(ASSIGNMENT_VERSION).meta({ description: 'Assignment format version' }),
  /** The group's name, typed by the teacher. */
  group: groupNameSchema.meta({ description: 'Group name typed by the teacher (1–60 characters, no markup)' }),
  /** The language the participants read in; the link opens the course home in it. */
  locale: localeCodeSchema.meta({ description: 'Locale the participants read in' }),
  /** Optional due date. */
  due: dueDateSchema.optional().meta({ description: 'Due date YYYY-MM-DD (optional)' }),
  /** Whole modules, by module id. */
  modules: z.array(slugSchema.max(64)).meta({ description: 'Whole modules, by module id' }),
  /** Single lessons, `<module-id>/<lesson-id>`. */
  lessons: z.array(lessonIdSchema).meta({ description: 'Single lessons, by lesson id' }),
  /** The municipality site the teacher made it on (optional). */
  site: slugSchema.max(64).optional().meta({ description: 'Site id the assignment was made on (optional)' }),
};

/**
 * One assignment: a group, the language its participants read in, an optional due date, and the
 * whole modules and single lessons to read. Ids are checked for shape only; whether this site has
 * them is decided later (`resolve.ts`), so unknown items can be named rather than dropped. The
 * rules across fields (something assigned, at most 60 items, nothing twice) are
 * `checkAssignmentLists` in `src/lib/assignment/encode.ts`.
 */
export const assignmentSchema = z.object(assignmentFields).strict();

export type Assignment = z.infer<typeof assignmentSchema>;

/** An assignment as kept on the participant's device. */
export const storedAssignmentSchema = z
  .object({
    ...assignmentFields,
    /** Stable id: a hash of the assignment's canonical encoding (`assignmentId()`). */
    id: z.string().regex(/^[0-9a-f]{8}$/, '8 lower-case hex digits').meta({ description: 'Hash of the canonical encoding' }),
    /** When this device first opened the link. */
    receivedAt: z.iso.datetime({ offset: true }).meta({ description: 'When the link was first opened here' }),
  })
  .strict();

export type StoredAssignment = z.infer<typeof storedAssignmentSchema>;

/**
 * Version 1 of the assignments envelope kept in localStorage under `orienta:<site-id>:assignments`.
 */
export const assignmentStoreV1Schema = z
  .object({
    /** Envelope version; see `src/lib/assignment/store.ts`. */
    version: z.literal(ASSIGNMENT_STORE_VERSION).meta({ description: 'Envelope version' }),
    /** The assignments held, in the order they were received. */
    assignments: z
      .array(storedAssignmentSchema)
      .max(MAX_STORED_ASSIGNMENTS)
      .meta({ description: 'Assignments, oldest first' }),
  })
  .strict();

export type AssignmentStore = z.infer<typeof assignmentStoreV1Schema>;
