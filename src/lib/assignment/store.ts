/**
 * The assignments kept on the participant's device.
 *
 * Lifecycle
 * - The course home reads `location.hash` with `decodeAssignment()`. On success the page reads the
 *   stored envelope with `parseAssignments()`, calls `addAssignment()` and writes
 *   `serializeAssignments()` back, then removes the fragment (`withoutAssignment()`). On a decode
 *   error it shows the message and changes nothing.
 * - Opening the same link again is harmless: `addAssignment()` is idempotent by `id`, a hash of the
 *   canonical encoding, and keeps the first `receivedAt`.
 * - The participant removes an assignment with `removeAssignment()`. When more than
 *   `MAX_STORED_ASSIGNMENTS` are held, adding one drops the one received first.
 *
 * Storage format
 * - One JSON envelope per site in `localStorage`, under `assignmentsKey(siteId)`
 *   (`orienta:<site-id>:assignments`): `{ version: 1, assignments: StoredAssignment[] }`, oldest
 *   first (`assignmentStoreV1Schema`). Each entry is the assignment plus `id` and `receivedAt`.
 * - These functions are pure: they never mutate a store and never touch storage. When nothing
 *   changes they return the same object, so `next === store` means "nothing to write".
 *
 * Migrations
 * - `MIGRATIONS[n]` lifts version n to n + 1; `parseAssignments()` applies them before validation.
 *   Only version 1 exists, so the table is empty, but every read goes through it.
 * - An envelope from a newer version is reported as `unknown-version`: the page must then leave the
 *   stored value alone (and not save new assignments over it) rather than overwrite what it cannot read.
 * - Ids are derived from the link encoding. A new link format must keep producing the same ids for
 *   the same assignment, or add a migration that recomputes them, or re-opened links will duplicate.
 */
import { ASSIGNMENT_STORE_VERSION, MAX_STORED_ASSIGNMENTS, assignmentStoreV1Schema, type Assignment, type AssignmentStore, type StoredAssignment } from '../../schemas/assignment.ts';
import { assignmentId, canonicalAssignment } from './encode.ts';

export type { AssignmentStore, StoredAssignment };

/** The localStorage key of a site's assignments, next to its progress. */
export function assignmentsKey(siteId: string): string {
  return `orienta:${siteId}:assignments`;
}

/** Why a stored value could not be read. */
export type AssignmentStoreError = 'not-json' | 'invalid' | 'unknown-version';

/** Lifts an envelope from version n to n + 1. */
export type AssignmentMigration = (old: Record<string, unknown>) => Record<string, unknown>;

/** Migrations keyed by the version they upgrade from. Empty: version 1 is the first. */
export const MIGRATIONS: Readonly<Record<number, AssignmentMigration>> = {};

/** A new, empty envelope. */
export function emptyAssignments(): AssignmentStore {
  return { version: ASSIGNMENT_STORE_VERSION, assignments: [] };
}

/**
 * Reads a raw localStorage value. Nothing stored (`null` or `''`) is an empty envelope. Never throws.
 *
 * @returns the envelope, or `not-json`, `invalid` (damaged, or a version with no migration) or
 *   `unknown-version` (written by a newer site: keep it, do not overwrite it).
 */
export function parseAssignments(
  raw: string | null | undefined,
  migrations: Readonly<Record<number, AssignmentMigration>> = MIGRATIONS,
  target: number = ASSIGNMENT_STORE_VERSION,
): { ok: true; store: AssignmentStore } | { ok: false; error: AssignmentStoreError } {
  if (raw === null || raw === undefined || raw === '') return { ok: true, store: emptyAssignments() };
  if (typeof raw !== 'string') return { ok: false, error: 'invalid' };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { ok: false, error: 'not-json' };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { ok: false, error: 'invalid' };
  let current = value as Record<string, unknown>;
  const from = current.version;
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 0) return { ok: false, error: 'invalid' };
  if (from > target) return { ok: false, error: 'unknown-version' };
  try {
    for (let version = from; version < target; version++) {
      const step = migrations[version];
      if (!step) return { ok: false, error: 'invalid' };
      current = { ...step(current), version: version + 1 };
    }
  } catch {
    return { ok: false, error: 'invalid' };
  }
  const parsed = assignmentStoreV1Schema.safeParse(current);
  return parsed.success ? { ok: true, store: parsed.data } : { ok: false, error: 'invalid' };
}

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

/** The JSON written to localStorage. */
export function serializeAssignments(store: AssignmentStore): string {
  return JSON.stringify(store);
}
