/**
 * A browser-side store for one envelope in localStorage, shared by every island on a page.
 *
 * Lifecycle: created lazily by the first island that asks for its key; opens storage once and
 * keeps the value in memory. Every change writes the whole envelope back and notifies
 * subscribers. A `storage` event for the key (another tab changed it) re-opens it, so tabs stay in
 * step. Storage problems stay in `problem` for the notice; reading the course always works.
 */
import { browserStorage, openEnvelope, saveEnvelope, type OpenedEnvelope, type StorageProblem } from './local.ts';

export interface Snapshot<T> {
  value: T;
  problem?: StorageProblem;
}

export interface EnvelopeClient<T> {
  snapshot(): Snapshot<T>;
  subscribe(listener: (snapshot: Snapshot<T>) => void): () => void;
  /** Applies a pure change and saves it. */
  update(change: (value: T, now: Date) => T): Snapshot<T>;
}

const clients = new Map<string, EnvelopeClient<unknown>>();

/** Returns the page's client for `key`, creating it on first use. */
export function envelopeClient<T>(key: string, read: (raw: string) => { ok: true; value: T } | { ok: false }, fresh: (now: Date) => T): EnvelopeClient<T> {
  const existing = clients.get(key);
  if (existing) return existing as EnvelopeClient<T>;
  const storage = browserStorage();
  const open = (): OpenedEnvelope<T> => {
    const now = new Date();
    return openEnvelope(storage, key, now, read, () => fresh(now));
  };
  let opened = open();
  let preserve = opened.preserve;
  let snapshot: Snapshot<T> = { value: opened.value, ...(opened.problem ? { problem: opened.problem } : {}) };
  const listeners = new Set<(s: Snapshot<T>) => void>();
  const notify = () => listeners.forEach((l) => l(snapshot));

  window.addEventListener('storage', (event) => {
    if (event.key !== key) return;
    opened = open();
    preserve = opened.preserve;
    snapshot = { value: opened.value, ...(opened.problem ? { problem: opened.problem } : {}) };
    notify();
  });

  const client: EnvelopeClient<T> = {
    snapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    update(change) {
      const value = change(snapshot.value, new Date());
      if (preserve) {
        snapshot = { value, problem: snapshot.problem ?? 'unavailable' };
      } else {
        const saved = saveEnvelope(storage, key, value);
        // An "unreadable" notice stays for the session; it was told once and the copy is kept.
        snapshot = saved.ok ? { value, ...(snapshot.problem === 'unreadable' ? { problem: 'unreadable' as const } : {}) } : { value, problem: saved.problem };
      }
      notify();
      return snapshot;
    },
  };
  clients.set(key, client as EnvelopeClient<unknown>);
  return client;
}
