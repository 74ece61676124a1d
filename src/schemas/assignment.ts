import { z } from 'astro/zod';
import { localeCodeSchema } from './locale.ts';
import { slugSchema } from './lesson.ts';
import { lessonIdSchema } from './progress.ts';

/*
 * A teacher's assignment: what a group should read before the next session. It travels in a link's
 * fragment (`src/lib/assignment/encode.ts`) and is kept on the participant's device
 * (`src/lib/assignment/store.ts`). Every decoded or stored value goes through these schemas.
 */

/** The assignment format version this code writes and reads (the `1` in `#a=1.…`). */
export const ASSIGNMENT_VERSION = 1;
/** Most modules plus single lessons in one assignment. Keeps links short enough for a QR code. */
export const MAX_ASSIGNMENT_ITEMS = 60;
/** Longest group name, in Unicode code points. */
export const MAX_GROUP_NAME_LENGTH = 60;
/** Most assignments kept on one device; adding another drops the one received first. */
export const MAX_STORED_ASSIGNMENTS = 50;
/** The version of the stored envelope this code writes. */
export const ASSIGNMENT_STORE_VERSION = 1;

/** Length in Unicode code points (an emoji or a supplementary character counts once). */
export const codePoints = (text: string) => [...text].length;

/**
 * The group's name as the teacher typed it, e.g. "SFI B tisdagar" or "مجموعة الصباح". Any script;
 * no angle brackets (so never markup), no control characters, no leading or trailing space.
 */
export const groupNameSchema = z
  .string()
  .refine((text) => codePoints(text) >= 1 && codePoints(text) <= MAX_GROUP_NAME_LENGTH, { message: `1–${MAX_GROUP_NAME_LENGTH} characters` })
  .refine((text) => !/[<>]/.test(text), { message: 'must not contain "<" or ">"' })
  // eslint-disable-next-line no-control-regex
  .refine((text) => !/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(text), { message: 'must not contain control characters or line breaks' })
  .refine((text) => text.trim() === text && text.length > 0, { message: 'must not start or end with a space' });

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

interface AssignmentLists {
  modules: string[];
  lessons: string[];
}

/** Rules across fields: something assigned, not too much, and nothing twice. */
function checkLists(value: AssignmentLists, ctx: z.RefinementCtx): void {
  const count = value.modules.length + value.lessons.length;
  if (count === 0) ctx.addIssue({ code: 'custom', path: ['modules'], message: 'assign at least one module or lesson' });
  if (count > MAX_ASSIGNMENT_ITEMS) ctx.addIssue({ code: 'custom', path: ['lessons'], message: `at most ${MAX_ASSIGNMENT_ITEMS} modules and lessons together` });
  for (const key of ['modules', 'lessons'] as const) {
    if (new Set(value[key]).size !== value[key].length) ctx.addIssue({ code: 'custom', path: [key], message: `${key} must not repeat` });
  }
}

/**
 * One assignment: a group, the language its participants read in, an optional due date, and the
 * whole modules and single lessons to read. Ids are checked for shape only; whether this site has
 * them is decided later (`resolve.ts`), so unknown items can be named rather than dropped.
 */
export const assignmentSchema = z.object(assignmentFields).strict().superRefine(checkLists);

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
  .strict()
  .superRefine(checkLists);

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
      .refine((list) => new Set(list.map((a) => a.id)).size === list.length, { message: 'assignment ids must not repeat' })
      .meta({ description: 'Assignments, oldest first' }),
  })
  .strict();

export type AssignmentStore = z.infer<typeof assignmentStoreV1Schema>;
