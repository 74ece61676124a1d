/**
 * Versioned envelopes in Web Storage, for every store kept on the participant's device
 * (progress, survey answers, assignments). Never throws: blocked storage (private mode), a full
 * quota and unreadable data each come back as a `problem` that the UI explains.
 *
 * Unreadable data is never silently dropped: the raw value is first copied to
 * `<key>:unreadable:<time>`. If even that copy fails, `preserve` is set and callers must not
 * overwrite the key for the rest of the session; changes then stay in memory.
 */

/** The part of `Storage` we use; tests pass a fake. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** What went wrong with storage, for the notice shown to the participant. */
export type StorageProblem = 'unreadable' | 'unavailable' | 'quota';

export interface OpenedEnvelope<T> {
  value: T;
  problem?: StorageProblem;
  /** Where an unreadable value was kept, if it was. */
  backupKey?: string;
  /** When true, the stored value must not be overwritten. */
  preserve: boolean;
}

/**
 * Opens the envelope under `key`. `read` turns the raw string into a value or says it cannot;
 * `fresh` makes an empty one.
 */
export function openEnvelope<T>(
  storage: KeyValueStorage | null,
  key: string,
  now: Date,
  read: (raw: string) => { ok: true; value: T } | { ok: false },
  fresh: () => T,
): OpenedEnvelope<T> {
  if (!storage) return { value: fresh(), problem: 'unavailable', preserve: true };
  let raw: string | null;
  try {
    raw = storage.getItem(key);
  } catch {
    return { value: fresh(), problem: 'unavailable', preserve: true };
  }
  if (raw === null || raw === '') return { value: fresh(), preserve: false };
  const result = read(raw);
  if (result.ok) return { value: result.value, preserve: false };
  const backupKey = `${key}:unreadable:${now.getTime()}`;
  try {
    storage.setItem(backupKey, raw);
    return { value: fresh(), problem: 'unreadable', backupKey, preserve: false };
  } catch {
    return { value: fresh(), problem: 'unreadable', preserve: true };
  }
}

/** Writes an envelope. Returns the problem instead of throwing. */
export function saveEnvelope(storage: KeyValueStorage | null, key: string, value: unknown): { ok: true } | { ok: false; problem: 'quota' | 'unavailable' } {
  if (!storage) return { ok: false, problem: 'unavailable' };
  try {
    storage.setItem(key, JSON.stringify(value));
    return { ok: true };
  } catch (error) {
    const name = (error as { name?: string })?.name ?? '';
    return { ok: false, problem: /quota/i.test(name) || (error as { code?: number })?.code === 22 ? 'quota' : 'unavailable' };
  }
}

/** The browser's localStorage, or null when the browser refuses it (private mode, blocked). */
export function browserStorage(): KeyValueStorage | null {
  try {
    const storage = window.localStorage;
    const probe = '__orienta_probe__';
    storage.setItem(probe, '1');
    storage.removeItem(probe);
    return storage;
  } catch (error) {
    // A full quota still lets us read; anything else does not.
    try {
      return /quota/i.test((error as Error)?.name ?? '') ? window.localStorage : null;
    } catch {
      return null;
    }
  }
}
