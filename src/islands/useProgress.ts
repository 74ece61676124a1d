/**
 * Preact hooks over the page's stores. They return null until mounted, so the server render and
 * the first client render are the same placeholder and nothing jumps on hydration.
 */
import { useEffect, useState } from 'preact/hooks';
import type { EnvelopeClient, Snapshot } from '../lib/storage/client.ts';
import { progressClient } from '../lib/progress/client.ts';
import type { ProgressStore } from '../schemas/progress.ts';
import type { StorageProblem } from '../lib/storage/local.ts';

/** Subscribes to an envelope client created on mount. */
export function useEnvelope<T>(create: () => EnvelopeClient<T>, deps: unknown[]): [Snapshot<T> | null, EnvelopeClient<T> | null] {
  const [snapshot, setSnapshot] = useState<Snapshot<T> | null>(null);
  const [client, setClient] = useState<EnvelopeClient<T> | null>(null);
  useEffect(() => {
    const c = create();
    setClient(c);
    setSnapshot(c.snapshot());
    return c.subscribe(setSnapshot);
  }, deps);
  return [snapshot, client];
}

/** The progress snapshot as `{ store, problem }`. */
export interface ProgressSnapshot {
  store: ProgressStore;
  problem?: StorageProblem;
}

export function useProgress(siteId: string): [ProgressSnapshot | null, EnvelopeClient<ProgressStore> | null] {
  const [snapshot, client] = useEnvelope(() => progressClient(siteId), [siteId]);
  return [snapshot ? { store: snapshot.value, ...(snapshot.problem ? { problem: snapshot.problem } : {}) } : null, client];
}
