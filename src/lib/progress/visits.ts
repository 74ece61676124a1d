/**
 * The days lessons were last opened on this device, so a lesson can say "changed since you last
 * looked". A device-data store (`orienta:<site-id>:visits`): only days, never exported.
 *
 * Lifecycle: a lesson page reads it when idle, compares the lesson's change-log entries
 * (`/<locale>/changes.json`) with the day it was last opened, then records today. Migrations: version 1 is the first; none yet.
 */
import type { VisitsStore } from '../../schemas/visits.ts';
import { VISITS_STORE_VERSION } from '../../schemas/formats.ts';
import type { StoreDefinition } from '../device-data/store.ts';
import { isVisitsStoreV1 } from '../device-data/validators/visits-store-v1.generated.ts';

/** A change-log entry about one lesson, as `/<locale>/changes.json` lists it. */
export interface LessonChange {
  /** YYYY-MM-DD */
  date: string;
  /** The date as the reader writes it. */
  shown: string;
  summary: string;
  /** Set when the summary is in another language than the page. */
  lang?: string;
}

/** Most lessons remembered; the oldest visits are forgotten first. */
export const MAX_VISITS = 2000;

/** The visits kept on a device. */
export const visitsStore: StoreDefinition<VisitsStore> = {
  name: 'visits',
  version: VISITS_STORE_VERSION,
  validate: isVisitsStoreV1,
  migrations: {},
  empty: () => ({ version: VISITS_STORE_VERSION, lessons: {} }),
};

/** Records that a lesson was opened on `day` (YYYY-MM-DD). Returns the same object when nothing changes. */
export function recordVisit(store: VisitsStore, lessonId: string, day: string): VisitsStore {
  if (store.lessons[lessonId] === day) return store;
  const lessons = { ...store.lessons, [lessonId]: day };
  const ids = Object.keys(lessons);
  if (ids.length > MAX_VISITS) {
    for (const id of ids.sort((a, b) => lessons[a]!.localeCompare(lessons[b]!)).slice(0, ids.length - MAX_VISITS)) delete lessons[id];
  }
  return { ...store, lessons };
}

/**
 * The change-log entries a returning reader has not seen: those dated after the day they last
 * opened the lesson. A first visit has seen nothing to compare with, so it gets none.
 */
export function changedSince<T extends { date: string }>(changes: readonly T[], lastVisit: string | undefined): T[] {
  return lastVisit ? changes.filter((change) => change.date > lastVisit) : [];
}
