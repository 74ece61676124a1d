/**
 * The page's survey-answer store for a site: the shared envelope client over
 * `orienta:<site-id>:surveys`. Reads go through `parseStore` (validation and migrations); an
 * unreadable or newer envelope is kept aside, never overwritten silently.
 */
import { envelopeClient, type EnvelopeClient } from '../storage/client.ts';
import { emptyStore, parseStore, surveyStorageKey, type SurveyStoreV1 } from './store.ts';

export type SurveyClient = EnvelopeClient<SurveyStoreV1>;

/** Returns the page's survey client for a site. */
export function surveyClient(siteId: string): SurveyClient {
  return envelopeClient<SurveyStoreV1>(
    surveyStorageKey(siteId),
    (raw) => {
      const parsed = parseStore(raw);
      return parsed.ok ? { ok: true as const, value: parsed.store } : { ok: false as const };
    },
    () => emptyStore(),
  );
}
