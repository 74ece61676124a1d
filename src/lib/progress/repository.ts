/**
 * Reading and writing the progress envelope in a Web Storage area. Never throws: blocked storage
 * (private mode), a full quota and unreadable data each come back as a `problem` the UI explains.
 *
 * Unreadable data is never silently dropped: the raw value is copied to
 * `orienta:<site-id>:progress:unreadable:<time>` first. If even that copy fails, the main key is
 * left untouched for the rest of the session (`preserve`), and changes stay in memory.
 */
import type { ProgressStore } from '../../schemas/progress.ts';
import { emptyProgress, readStoredProgress, type Migration, MIGRATIONS } from './envelope.ts';

/** The part of `Storage` we use; tests pass a fake. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** What went wrong with storage, for the notice shown to the participant. */
export type StorageProblem = 'unreadable' | 'unavailable' | 'quota';

/** The localStorage key of a site's progress. Namespaced so two sites on one origin never collide. */
export const progressKey = (siteId: string) => `orienta:${siteId}:progress`;

export interface OpenedProgress {
  store: ProgressStore;
  problem?: StorageProblem;
  /** Where an unreadable value was kept, if it was. */
  backupKey?: string;
  /** When true, the stored value must not be overwritten (its backup failed). */
  preserve: boolean;
}

/** Opens the site's progress from `storage` (null when the browser refuses storage). */
export function openProgress(storage: KeyValueStorage | null, siteId: string, now: Date, migrations: Record<number, Migration> = MIGRATIONS): OpenedProgress {
  const fresh = emptyProgress(siteId, now);
  if (!storage) return { store: fresh, problem: 'unavailable', preserve: true };
  let raw: string | null;
  try {
    raw = storage.getItem(progressKey(siteId));
  } catch {
    return { store: fresh, problem: 'unavailable', preserve: true };
  }
  const read = readStoredProgress(raw, siteId, migrations);
  if (read.status === 'empty') return { store: fresh, preserve: false };
  if (read.status === 'ok') return { store: read.store, preserve: false };
  const backupKey = `${progressKey(siteId)}:unreadable:${now.getTime()}`;
  try {
    storage.setItem(backupKey, raw!);
    return { store: fresh, problem: 'unreadable', backupKey, preserve: false };
  } catch {
    return { store: fresh, problem: 'unreadable', preserve: true };
  }
}

/** Writes the envelope. Returns the problem instead of throwing. */
export function saveProgress(storage: KeyValueStorage | null, store: ProgressStore): { ok: true } | { ok: false; problem: 'quota' | 'unavailable' } {
  if (!storage) return { ok: false, problem: 'unavailable' };
  try {
    storage.setItem(progressKey(store.siteId), JSON.stringify(store));
    return { ok: true };
  } catch (error) {
    const name = (error as { name?: string })?.name ?? '';
    return { ok: false, problem: /quota/i.test(name) || (error as { code?: number })?.code === 22 ? 'quota' : 'unavailable' };
  }
}
