/**
 * The assignments kept on the participant's device.
 *
 * Lifecycle
 * - The course home reads `location.hash` with `decodeAssignment()`. On success it adds the
 *   assignment to the device store with `addAssignment()` and removes the fragment
 *   (`withoutAssignment()`). On a decode error it shows the message and changes nothing.
 * - Opening the same link again is harmless: `addAssignment()` is idempotent by `id`, a hash of the
 *   canonical encoding, and keeps the first `receivedAt`.
 * - The participant removes an assignment with `removeAssignment()`. When more than
 *   `MAX_STORED_ASSIGNMENTS` are held, adding one drops the one received first.
 *
 * Storage format
 * - One JSON envelope per site, `orienta:<site-id>:assignments`: `{ version: 1, assignments }`,
 *   oldest first (`assignmentStoreV1Schema`); each entry is the assignment plus `id` and
 *   `receivedAt`. `assignmentStore` below defines it for the device-data engine.
 * - These functions are pure: they never mutate a store and never touch storage. When nothing
 *   changes they return the same object, so nothing is written.
 *
 * Migrations
 * - `ASSIGNMENT_MIGRATIONS[n]` lifts version n to n + 1. Only version 1 exists, so it is empty.
 * - A store written by a newer version is left untouched: the engine reports `stored-newer` and a
 *   newly opened link is kept in memory for the page only, with a notice that says why.
 * - Ids are derived from the link encoding. A new link format must keep producing the same ids for
 *   the same assignment, or add a migration that recomputes them, or re-opened links will duplicate.
 */
import type { Assignment, AssignmentStore, StoredAssignment } from '../../schemas/assignment.ts';
import { ASSIGNMENT_STORE_VERSION, MAX_STORED_ASSIGNMENTS } from '../../schemas/formats.ts';
import type { Migration, StoreDefinition } from '../device-data/store.ts';
import { isAssignmentStoreV1 } from '../device-data/validators/assignment-store-v1.generated.ts';
import { assignmentId, canonicalAssignment } from './encode.ts';

export type { AssignmentStore, StoredAssignment };

/** Lifts a stored envelope from version n to n + 1. Empty: version 1 is the first. */
export const ASSIGNMENT_MIGRATIONS: Readonly<Record<number, Migration>> = {};

/** A new, empty envelope. */
export function emptyAssignments(): AssignmentStore {
  return { version: ASSIGNMENT_STORE_VERSION, assignments: [] };
}

/** The assignments kept on a participant's device. */
export const assignmentStore: StoreDefinition<AssignmentStore> = {
  name: 'assignments',
  version: ASSIGNMENT_STORE_VERSION,
  validate: isAssignmentStoreV1,
  migrations: ASSIGNMENT_MIGRATIONS,
  empty: () => emptyAssignments(),
  accepts: (store) => new Set(store.assignments.map((a) => a.id)).size === store.assignments.length,
};

/**
 * Adds an assignment received at `now`. Idempotent: when one with the same id is held, the store is
 * returned unchanged (the same object), keeping the first `receivedAt`.
 */
export function addAssignment(store: AssignmentStore, a: Assignment, now: Date): AssignmentStore {
  const id = assignmentId(a);
  if (store.assignments.some((held) => held.id === id)) return store;
  const entry: StoredAssignment = { ...canonicalAssignment(a), id, receivedAt: now.toISOString() };
  const assignments = [...store.assignments, entry];
  return { ...store, assignments: assignments.slice(Math.max(0, assignments.length - MAX_STORED_ASSIGNMENTS)) };
}

/** Removes the assignment with this id. Returns the same object when it is not held. */
export function removeAssignment(store: AssignmentStore, id: string): AssignmentStore {
  if (!store.assignments.some((held) => held.id === id)) return store;
  return { ...store, assignments: store.assignments.filter((held) => held.id !== id) };
}

/** The assignment with this id, if held. */
export function findAssignment(store: AssignmentStore, id: string): StoredAssignment | undefined {
  return store.assignments.find((held) => held.id === id);
}
