/**
 * A participant's progress as device data: the store kept in the browser, a definition for the
 * device-data engine (`../device-data/`). The "Export progress" file is in `file.ts`, so that a
 * lesson page does not load the file's validator.
 *
 * Store lifecycle: read once per page (and on every `storage` event from another tab), changed by
 * the pure functions in `changes.ts`, written whole after each change. Format: one envelope per
 * site under `orienta:<site-id>:progress` (`progressStoreV1Schema`). Migrations: version 1 is the
 * first shipped version, so the table is empty; the next format change adds `1: (v1) => v2`.
 */
import type { ProgressStore, Score } from '../../schemas/progress.ts';
import { PROGRESS_STORE_VERSION } from '../../schemas/formats.ts';
import type { StoreDefinition, Migration } from '../device-data/store.ts';
import { isProgressStoreV1 } from '../device-data/validators/progress-store-v1.generated.ts';

/** Lifts stored progress from version n to n + 1. Empty: version 1 is the first. */
export const PROGRESS_MIGRATIONS: Readonly<Record<number, Migration>> = {};

/** Whether a lesson's self-check scores are within their totals (a rule JSON Schema cannot say). */
export const scoresHold = (selfCheck: { latest: Score; best: Score } | undefined) => !selfCheck || (selfCheck.latest.score <= selfCheck.latest.total && selfCheck.best.score <= selfCheck.best.total);

/** A new, empty progress envelope. */
export function emptyProgress(siteId: string, now: Date): ProgressStore {
  return { version: PROGRESS_STORE_VERSION, siteId, updatedAt: now.toISOString(), lessons: {} };
}

/** Progress kept on the participant's device. */
export const progressStore: StoreDefinition<ProgressStore> = {
  name: 'progress',
  version: PROGRESS_STORE_VERSION,
  validate: isProgressStoreV1,
  migrations: PROGRESS_MIGRATIONS,
  empty: ({ siteId, now }) => emptyProgress(siteId, now),
  accepts: (store, { siteId }) => store.siteId === siteId && Object.values(store.lessons).every((lesson) => scoresHold(lesson.selfCheck)),
};
