/**
 * The page's assignment store for a site: the shared envelope client over
 * `orienta:<site-id>:assignments`; reads are validated (and migrated) by `parseAssignments`.
 */
import { envelopeClient, type EnvelopeClient } from '../storage/client.ts';
import { assignmentsKey, emptyAssignments, parseAssignments, type AssignmentStore } from './store.ts';

/** Returns the page's assignment client for a site. */
export function assignmentClient(siteId: string): EnvelopeClient<AssignmentStore> {
  return envelopeClient<AssignmentStore>(
    assignmentsKey(siteId),
    (raw) => {
      const parsed = parseAssignments(raw);
      return parsed.ok ? { ok: true as const, value: parsed.store } : { ok: false as const };
    },
    () => emptyAssignments(),
  );
}
