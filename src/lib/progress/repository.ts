/**
 * Where and how the progress envelope is stored: `orienta:<site-id>:progress`, namespaced so two
 * municipality sites on one origin never overwrite each other. Blocked storage, a full quota and
 * unreadable values kept aside are handled by the shared `../storage/local.ts`.
 */
import type { ProgressStore } from '../../schemas/progress.ts';
import { emptyProgress, readStoredProgress, type Migration, MIGRATIONS } from './envelope.ts';

/** The localStorage key of a site's progress. */
export const progressKey = (siteId: string) => `orienta:${siteId}:progress`;

/** The key, reader and empty value of a site's progress, for `openEnvelope` and `envelopeClient`. */
export function progressEnvelope(siteId: string, migrations: Record<number, Migration> = MIGRATIONS) {
  return {
    key: progressKey(siteId),
    read: (raw: string) => {
      const read = readStoredProgress(raw, siteId, migrations);
      return read.status === 'ok' ? { ok: true as const, value: read.store } : { ok: false as const };
    },
    fresh: (now: Date): ProgressStore => emptyProgress(siteId, now),
  };
}
