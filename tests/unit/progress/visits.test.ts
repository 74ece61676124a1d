import { describe, expect, it } from 'vitest';
import { changedSince, MAX_VISITS, recordVisit, visitsStore } from '../../../src/lib/progress/visits.ts';
import { readStored } from '../../../src/lib/device-data/store.ts';

const empty = visitsStore.empty({ siteId: 'demo', now: new Date() });

describe('lesson visits', () => {
  it('remember the day a lesson was last opened, and nothing when it is the same day', () => {
    const once = recordVisit(empty, 'a/b', '2026-12-01');
    expect(once.lessons).toEqual({ 'a/b': '2026-12-01' });
    expect(recordVisit(once, 'a/b', '2026-12-01')).toBe(once);
    expect(recordVisit(once, 'a/b', '2026-12-07').lessons['a/b']).toBe('2026-12-07');
    expect(readStored(JSON.stringify(once), visitsStore, { siteId: 'demo', now: new Date() })).toEqual({ status: 'ok', value: once });
  });

  it(`forget the oldest visits beyond ${MAX_VISITS} lessons`, () => {
    let store = empty;
    for (let i = 0; i <= MAX_VISITS; i++) store = recordVisit(store, `m/l${i}`, `2026-01-${String((i % 28) + 1).padStart(2, '0')}`);
    expect(Object.keys(store.lessons)).toHaveLength(MAX_VISITS);
  });

  it('tell a returning reader what changed after their last visit, and a first-time reader nothing', () => {
    const changes = [{ date: '2026-12-07', what: 'new a-kassa rules' }, { date: '2026-06-01', what: 'older' }];
    expect(changedSince(changes, '2026-11-20')).toEqual([changes[0]]);
    expect(changedSince(changes, '2026-12-07')).toEqual([]);
    expect(changedSince(changes, undefined)).toEqual([]);
  });
});
