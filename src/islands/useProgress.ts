/**
 * Preact hook over the page's progress client. Returns null until mounted, so the server render
 * and the first client render are the same placeholder and nothing jumps on hydration.
 */
import { useEffect, useState } from 'preact/hooks';
import { progressClient, type ProgressClient, type ProgressSnapshot } from '../lib/progress/client.ts';

export function useProgress(siteId: string): [ProgressSnapshot | null, ProgressClient | null] {
  const [snapshot, setSnapshot] = useState<ProgressSnapshot | null>(null);
  const [client, setClient] = useState<ProgressClient | null>(null);
  useEffect(() => {
    const c = progressClient(siteId);
    setClient(c);
    setSnapshot(c.snapshot());
    return c.subscribe(setSnapshot);
  }, [siteId]);
  return [snapshot, client];
}
