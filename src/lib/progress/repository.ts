/**
 * The progress envelope in Web Storage: `orienta:<site-id>:progress`, namespaced so two
 * municipality sites on one origin never overwrite each other. Storage handling (blocked
 * storage, quota, unreadable values kept aside) is shared in `../storage/local.ts`.
 */
import type { ProgressStore } from '../../schemas/progress.ts';
import { openEnvelope, saveEnvelope, type KeyValueStorage, type StorageProblem } from '../storage/local.ts';
import { emptyProgress, readStoredProgress, type Migration, MIGRATIONS } from './envelope.ts';

export type { KeyValueStorage, StorageProblem };

/** The localStorage key of a site's progress. */
export const progressKey = (siteId: string) => `orienta:${siteId}:progress`;

export interface OpenedProgress {
  store: ProgressStore;
  problem?: StorageProblem;
  backupKey?: string;
  preserve: boolean;
}

/** Opens the site's progress from `storage` (null when the browser refuses storage). */
export function openProgress(storage: KeyValueStorage | null, siteId: string, now: Date, migrations: Record<number, Migration> = MIGRATIONS): OpenedProgress {
  const { value, ...rest } = openEnvelope<ProgressStore>(
    storage,
    progressKey(siteId),
    now,
    (raw) => {
      const read = readStoredProgress(raw, siteId, migrations);
      return read.status === 'ok' ? { ok: true as const, value: read.store } : { ok: false as const };
    },
    () => emptyProgress(siteId, now),
  );
  return { store: value, ...rest };
}

/** Writes the progress envelope. */
export function saveProgress(storage: KeyValueStorage | null, store: ProgressStore) {
  return saveEnvelope(storage, progressKey(store.siteId), store);
}
