/**
 * The page's progress store for a site: the shared envelope client (see `../storage/client.ts`)
 * over `orienta:<site-id>:progress`, with reads validated and migrated by `envelope.ts`.
 */
import type { ProgressStore } from '../../schemas/progress.ts';
import { envelopeClient, type EnvelopeClient } from '../storage/client.ts';
import { progressEnvelope } from './repository.ts';

export type ProgressClient = EnvelopeClient<ProgressStore>;

/** Returns the page's progress client for a site. */
export function progressClient(siteId: string): ProgressClient {
  const { key, read, fresh } = progressEnvelope(siteId);
  return envelopeClient<ProgressStore>(key, read, fresh);
}
