/**
 * The device-data engine: one way to keep a participant's or teacher's data in the browser.
 *
 * A store is a *definition* (name, version, validator, migrations, empty value), not code. This
 * module holds the pure rules for reading and writing one; `browser-store.ts` runs them against
 * `localStorage` on a page.
 *
 * Storage format: one JSON envelope per store and site under `orienta:<site-id>:<name>`, with a
 * `version` field. Namespacing by site keeps two municipalities on one origin apart; keying by
 * content id (never by URL) keeps data across sub-paths and languages.
 *
 * Migrations: `migrations[n]` lifts version n to n + 1; every read goes through them before the
 * value is validated. A value written by a *newer* version is never overwritten: the store reports
 * `stored-newer` and keeps changes in memory only.
 *
 * Damaged values: a value that is not JSON or does not validate is copied aside once, to
 * `<key>:unreadable:<hash of the value>`, and the store starts fresh. Re-opening finds the copy
 * and does not copy again. If the copy cannot be written (storage full), the damaged value is left
 * untouched and changes stay in memory, and the problem says so truthfully.
 */
import { textHash } from '../text/hash.ts';
import type { StorageProblem } from './errors.ts';
import type { Validator } from './validate.ts';

/** Lifts a stored value from version n to n + 1. */
export type Migration = (old: Record<string, unknown>) => Record<string, unknown>;

/** What a store's rules may depend on. */
export interface StoreContext {
  /** The municipality site the page belongs to. */
  siteId: string;
  now: Date;
}

/** A kind of data kept on the device. */
export interface StoreDefinition<T> {
  /** The store's name within the site's namespace, e.g. `progress`. Never changes. */
  name: string;
  /** The version this code writes. */
  version: number;
  /** Validates a value of `version` (generated from its zod schema). */
  validate: Validator<T>;
  /** `migrations[n]` lifts version n to n + 1. */
  migrations: Readonly<Record<number, Migration>>;
  /** A new, empty value. */
  empty(context: StoreContext): T;
  /** Rules the schema cannot say (e.g. the value belongs to this site); false makes it unreadable. */
  accepts?(value: T, context: StoreContext): boolean;
}

/** The part of Web Storage the engine uses; tests pass a fake. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** The storage key of a store for a site: `orienta:<site-id>:<name>`. */
export function storeKey(definition: Pick<StoreDefinition<unknown>, 'name'>, siteId: string): string {
  return `orienta:${siteId}:${definition.name}`;
}

/** A stored value as read. */
export type StoredValue<T> =
  | { status: 'empty' }
  | { status: 'ok'; value: T; migratedFrom?: number }
  | { status: 'newer'; version: number }
  | { status: 'unreadable' };

/**
 * Lifts a parsed value of any earlier version to `target` through `migrations`.
 *
 * @returns the value in the current version, `newer` for a version above `target`, or
 *   `unreadable` for a value with no usable version or a gap in the migrations.
 */
export function migrate(
  value: unknown,
  migrations: Readonly<Record<number, Migration>>,
  target: number,
): { status: 'ok'; value: unknown; from: number } | { status: 'newer'; version: number } | { status: 'unreadable' } {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { status: 'unreadable' };
  let current = value as Record<string, unknown>;
  const from = current.version;
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 0) return { status: 'unreadable' };
  if (from > target) return { status: 'newer', version: from };
  try {
    for (let version = from; version < target; version++) {
      const step = migrations[version];
      if (!step) return { status: 'unreadable' };
      current = { ...step(current), version: version + 1 };
    }
  } catch {
    return { status: 'unreadable' };
  }
  return { status: 'ok', value: current, from };
}

/** Reads a raw stored string with a definition: parse, migrate, validate. Never throws. */
export function readStored<T>(raw: string | null, definition: StoreDefinition<T>, context: StoreContext): StoredValue<T> {
  if (raw === null || raw === '') return { status: 'empty' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { status: 'unreadable' };
  }
  const migrated = migrate(parsed, definition.migrations, definition.version);
  if (migrated.status !== 'ok') return migrated;
  const value = migrated.value;
  if (!definition.validate(value) || (definition.accepts && !definition.accepts(value, context))) return { status: 'unreadable' };
  return migrated.from === definition.version ? { status: 'ok', value } : { status: 'ok', value, migratedFrom: migrated.from };
}

/** A store opened from storage. */
export interface OpenedStore<T> {
  value: T;
  problem?: StorageProblem;
  /** False when the stored value must not be overwritten (or storage cannot be written). */
  writable: boolean;
  /** Where a damaged value was kept, if it was. */
  backupKey?: string;
}

/**
 * Opens a store: reads, migrates and validates it, and keeps a damaged value aside (once).
 *
 * @param storage the browser's storage, or null when the browser refuses it
 */
export function openStore<T>(storage: KeyValueStorage | null, definition: StoreDefinition<T>, context: StoreContext): OpenedStore<T> {
  const fresh = () => definition.empty(context);
  if (!storage) return { value: fresh(), problem: 'storage-unavailable', writable: false };
  const key = storeKey(definition, context.siteId);
  let raw: string | null;
  try {
    raw = storage.getItem(key);
  } catch {
    return { value: fresh(), problem: 'storage-unavailable', writable: false };
  }
  const read = readStored(raw, definition, context);
  if (read.status === 'empty') return { value: fresh(), writable: true };
  if (read.status === 'ok') return { value: read.value, writable: true };
  if (read.status === 'newer') return { value: fresh(), problem: 'stored-newer', writable: false };
  const backupKey = `${key}:unreadable:${textHash(raw!)}`;
  try {
    if (storage.getItem(backupKey) !== raw) storage.setItem(backupKey, raw!);
    return { value: fresh(), problem: 'stored-unreadable-kept', writable: true, backupKey };
  } catch {
    return { value: fresh(), problem: 'stored-unreadable-not-kept', writable: false };
  }
}

/** Writes a store's value. Returns the problem instead of throwing. */
export function writeStore<T>(storage: KeyValueStorage | null, definition: StoreDefinition<T>, siteId: string, value: T): { ok: true } | { ok: false; problem: 'storage-full' | 'storage-unavailable' } {
  if (!storage) return { ok: false, problem: 'storage-unavailable' };
  try {
    storage.setItem(storeKey(definition, siteId), JSON.stringify(value));
    return { ok: true };
  } catch (error) {
    return { ok: false, problem: isQuotaError(error) ? 'storage-full' : 'storage-unavailable' };
  }
}

/** True for the errors browsers throw when storage is full. */
export function isQuotaError(error: unknown): boolean {
  const { name = '', code } = (error ?? {}) as { name?: string; code?: number };
  return /quota/i.test(name) || code === 22 || code === 1014;
}
