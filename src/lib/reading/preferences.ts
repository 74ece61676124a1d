/**
 * A participant's reading and listening preferences as device data (`orienta:<site-id>:preferences`):
 * side by side with easy Swedish, listening speed. Lifecycle: read when a lesson page offers the
 * choice, written when the participant makes it. Version 1 is the first; no migrations yet.
 */
import type { Preferences } from '../../schemas/preferences.ts';
import { PREFERENCES_STORE_VERSION } from '../../schemas/formats.ts';
import type { StoreDefinition } from '../device-data/store.ts';
import { isPreferencesStoreV1 } from '../device-data/validators/preferences-store-v1.generated.ts';

export const preferencesStore: StoreDefinition<Preferences> = {
  name: 'preferences',
  version: PREFERENCES_STORE_VERSION,
  validate: isPreferencesStoreV1,
  migrations: {},
  empty: () => ({ version: PREFERENCES_STORE_VERSION }),
};

/** Sets one preference; the same object when it does not change. */
export function setPreference<K extends Exclude<keyof Preferences, 'version'>>(prefs: Preferences, key: K, value: Preferences[K]): Preferences {
  return prefs[key] === value ? prefs : { ...prefs, [key]: value };
}
