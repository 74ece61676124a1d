/**
 * A device store on a page: the engine's rules (`store.ts`) run against `localStorage`.
 *
 * Lifecycle: created lazily by the first island or script that asks for a store and site, and
 * shared by every island on the page. It opens storage once and keeps the value in memory. Every
 * change is written back whole; `update()` says whether it was saved, so the UI can tell the
 * participant and keep what they typed on screen. A `storage` event for the key (another tab
 * changed it) re-opens the store, so tabs stay in step. Reading always works: with blocked, full
 * or damaged storage the page still shows the course, under a notice.
 */
import type { StorageProblem } from './errors.ts';
import { isQuotaError, openStore, storeKey, writeStore, type KeyValueStorage, type StoreDefinition } from './store.ts';

/** What a page sees of a store. */
export interface StoreSnapshot<T> {
  value: T;
  /** Set while something is wrong with storage; the UI shows `data.error.<problem>`. */
  problem?: StorageProblem;
}

/** The result of a change. */
export type UpdateResult = { saved: true } | { saved: false; problem: StorageProblem };

export interface DeviceStore<T> {
  snapshot(): StoreSnapshot<T>;
  subscribe(listener: (snapshot: StoreSnapshot<T>) => void): () => void;
  /**
   * Applies a pure change and saves it. A change that returns the same object saves nothing. When
   * the value cannot be saved it is still kept in memory for this page, and the result says why.
   */
  update(change: (value: T, now: Date) => T): UpdateResult;
  /** Tries again to save the value held in memory (after a failed save: storage may have room now). */
  retry(): UpdateResult;
}

const stores = new Map<string, DeviceStore<unknown>>();

/** The browser's localStorage, or null when the browser refuses it (private mode, blocked). */
export function browserStorage(): KeyValueStorage | null {
  try {
    const storage = window.localStorage;
    const probe = '__orienta_probe__';
    storage.setItem(probe, '1');
    storage.removeItem(probe);
    return storage;
  } catch (error) {
    // A full storage can still be read.
    try {
      return isQuotaError(error) ? window.localStorage : null;
    } catch {
      return null;
    }
  }
}

/**
 * The page's store for a definition and site, created on first use.
 *
 * @example const progress = deviceStore(progressStore, siteId); progress.update((p, now) => setCompleted(p, id, true, now));
 */
export function deviceStore<T>(definition: StoreDefinition<T>, siteId: string): DeviceStore<T> {
  const key = storeKey(definition, siteId);
  const existing = stores.get(key);
  if (existing) return existing as DeviceStore<T>;
  const storage = browserStorage();
  let opened = openStore(storage, definition, { siteId, now: new Date() });
  let snapshot: StoreSnapshot<T> = withProblem(opened.value, opened.problem);
  const listeners = new Set<(s: StoreSnapshot<T>) => void>();
  const notify = () => listeners.forEach((listener) => listener(snapshot));

  window.addEventListener('storage', (event) => {
    if (event.key !== key) return;
    opened = openStore(storage, definition, { siteId, now: new Date() });
    snapshot = withProblem(opened.value, opened.problem);
    notify();
  });

  const save = (value: T): UpdateResult => {
    let result: UpdateResult;
    if (!opened.writable) {
      result = { saved: false, problem: opened.problem ?? 'storage-unavailable' };
    } else {
      const written = writeStore(storage, definition, siteId, value);
      result = written.ok ? { saved: true } : { saved: false, problem: written.problem };
    }
    // A damaged value that was kept aside stays reported for the page view; a fixed problem clears.
    const problem = result.saved ? (opened.problem === 'stored-unreadable-kept' ? opened.problem : undefined) : result.problem;
    snapshot = withProblem(value, problem);
    notify();
    return result;
  };

  const store: DeviceStore<T> = {
    snapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    update(change) {
      const value = change(snapshot.value, new Date());
      // Nothing changed: nothing to write, but an earlier change that was not saved still is not.
      if (value === snapshot.value) return snapshot.problem && snapshot.problem !== 'stored-unreadable-kept' ? { saved: false, problem: snapshot.problem } : { saved: true };
      return save(value);
    },
    retry: () => save(snapshot.value),
  };
  stores.set(key, store as DeviceStore<unknown>);
  return store;
}

function withProblem<T>(value: T, problem: StorageProblem | undefined): StoreSnapshot<T> {
  return problem ? { value, problem } : { value };
}
