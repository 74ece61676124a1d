/**
 * The browser-side progress store: one per page and site, shared by every island on the page.
 *
 * Lifecycle: created lazily by the first island that asks; opens localStorage once, then keeps the
 * envelope in memory. Every change writes the whole envelope back and notifies subscribers. A
 * `storage` event (another tab changed it) re-opens it, so tabs stay in step. Storage problems are
 * kept in `problem` for the notice; reading the course always keeps working.
 */
import type { ProgressStore } from '../../schemas/progress.ts';
import { openProgress, progressKey, saveProgress, type KeyValueStorage, type StorageProblem } from './repository.ts';

export interface ProgressSnapshot {
  store: ProgressStore;
  problem?: StorageProblem;
}

export interface ProgressClient {
  snapshot(): ProgressSnapshot;
  subscribe(listener: (snapshot: ProgressSnapshot) => void): () => void;
  /** Applies a pure change to the envelope and saves it. */
  update(change: (store: ProgressStore, now: Date) => ProgressStore): ProgressSnapshot;
}

const clients = new Map<string, ProgressClient>();

function browserStorage(): KeyValueStorage | null {
  try {
    const storage = window.localStorage;
    const probe = '__orienta_probe__';
    storage.setItem(probe, '1');
    storage.removeItem(probe);
    return storage;
  } catch (error) {
    // A full quota still lets us read; anything else (private mode, blocked) does not.
    try {
      return /quota/i.test((error as Error)?.name ?? '') ? window.localStorage : null;
    } catch {
      return null;
    }
  }
}

/** Returns the page's progress client for a site. */
export function progressClient(siteId: string): ProgressClient {
  const existing = clients.get(siteId);
  if (existing) return existing;
  const storage = browserStorage();
  const opened = openProgress(storage, siteId, new Date());
  let preserve = opened.preserve;
  let snapshot: ProgressSnapshot = { store: opened.store, ...(opened.problem ? { problem: opened.problem } : {}) };
  const listeners = new Set<(s: ProgressSnapshot) => void>();
  const notify = () => listeners.forEach((l) => l(snapshot));

  window.addEventListener('storage', (event) => {
    if (event.key !== progressKey(siteId)) return;
    const reopened = openProgress(storage, siteId, new Date());
    preserve = reopened.preserve;
    snapshot = { store: reopened.store, ...(reopened.problem ? { problem: reopened.problem } : {}) };
    notify();
  });

  const client: ProgressClient = {
    snapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    update(change) {
      const store = change(snapshot.store, new Date());
      if (preserve) {
        snapshot = { store, problem: snapshot.problem ?? 'unavailable' };
      } else {
        const saved = saveProgress(storage, store);
        snapshot = saved.ok ? { store, ...(snapshot.problem === 'unreadable' ? { problem: 'unreadable' as const } : {}) } : { store, problem: saved.problem };
      }
      notify();
      return snapshot;
    },
  };
  clients.set(siteId, client);
  return client;
}
