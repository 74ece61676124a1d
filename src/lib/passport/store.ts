/**
 * The passport id kept on the participant's device (`orienta:<site-id>:passport`).
 *
 * Lifecycle: the store opens with a fresh random id when the device has none; the id is written
 * the first time the participant shows their passport or exports progress (`keepPassport`), and
 * from then on stays the same on the device. Moving progress to a new phone by scanning the old
 * phone's passport takes the old id over (`adoptPassport`) when the new phone has no progress of
 * its own, so the teacher's group still sees one participant. Version 1 is the first; no migrations.
 */
import type { PassportStore } from '../../schemas/passport.ts';
import { PASSPORT_STORE_VERSION } from '../../schemas/formats.ts';
import type { StoreDefinition } from '../device-data/store.ts';
import { isPassportStoreV1 } from '../device-data/validators/passport-store-v1.generated.ts';
import { toIsoDay } from '../device-data/ids.ts';

/** 8 random bytes as 16 hex digits, from the browser's (or Node's) cryptographic random source. */
export function randomPassportId(): string {
  return Array.from(globalThis.crypto.getRandomValues(new Uint8Array(8)), (b) => b.toString(16).padStart(2, '0')).join('');
}

export const passportStore: StoreDefinition<PassportStore> = {
  name: 'passport',
  version: PASSPORT_STORE_VERSION,
  validate: isPassportStoreV1,
  migrations: {},
  empty: ({ now }) => ({ version: PASSPORT_STORE_VERSION, id: randomPassportId(), since: toIsoDay(now) }),
};

/** A copy of the store, so the engine writes it: the id is kept from now on. */
export function keepPassport(store: PassportStore): PassportStore {
  return { ...store };
}

/** Takes over the id of a passport moved from another device. */
export function adoptPassport(store: PassportStore, id: string, now: Date): PassportStore {
  return store.id === id ? store : { ...store, id, since: toIsoDay(now) };
}
