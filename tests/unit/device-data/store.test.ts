import { describe, expect, it } from 'vitest';
import { migrate, openStore, readStored, storeKey, writeStore, type StoreDefinition } from '../../../src/lib/device-data/store.ts';
import { emptyProgress, progressStore } from '../../../src/lib/progress/definitions.ts';
import { setCompleted } from '../../../src/lib/progress/changes.ts';
import { assignmentStore } from '../../../src/lib/assignment/store.ts';
import { surveyStore } from '../../../src/lib/survey/store.ts';
import type { ProgressStore } from '../../../src/schemas/progress.ts';
import { MemoryStorage } from './fixtures.ts';

const now = new Date('2026-11-05T08:00:00.000Z');
const ID = 'forsorja-sig/a-kassa';
const context = (siteId = 'demo') => ({ siteId, now });

describe('the device-data engine', () => {
  it('namespaces every store by site, so two municipalities on one origin do not collide', () => {
    const storage = new MemoryStorage();
    writeStore(storage, progressStore, 'trelleborg', setCompleted(emptyProgress('trelleborg', now), ID, true, now));
    writeStore(storage, progressStore, 'svedala', emptyProgress('svedala', now));
    expect([storeKey(progressStore, 'trelleborg'), storeKey(assignmentStore, 'trelleborg'), storeKey(surveyStore, 'trelleborg')]).toEqual([
      'orienta:trelleborg:progress',
      'orienta:trelleborg:assignments',
      'orienta:trelleborg:surveys',
    ]);
    expect(openStore(storage, progressStore, context('trelleborg')).value.lessons[ID]).toBeDefined();
    expect(openStore(storage, progressStore, context('svedala')).value.lessons).toEqual({});
  });

  it('reads nothing as empty, and each kind of damage as unreadable, never throwing', () => {
    const valid = JSON.stringify(setCompleted(emptyProgress('demo', now), ID, true, now));
    expect(readStored(null, progressStore, context())).toEqual({ status: 'empty' });
    expect(readStored(valid, progressStore, context())).toMatchObject({ status: 'ok', value: { lessons: { [ID]: {} } } });
    for (const raw of ['{"version":1,', '[1,2]', '"x"', JSON.stringify({ version: 1, siteId: 'demo', lessons: 'x' })]) {
      expect(readStored(raw, progressStore, context()), raw).toEqual({ status: 'unreadable' });
    }
    // Another site's envelope, and a score above its total, are refused by the definition's own rules.
    expect(readStored(valid, progressStore, context('other'))).toEqual({ status: 'unreadable' });
    const impossible = { ...emptyProgress('demo', now), lessons: { [ID]: { selfCheck: { latest: { score: 5, total: 3, at: now.toISOString() }, best: { score: 5, total: 3, at: now.toISOString() } } } } };
    expect(readStored(JSON.stringify(impossible), progressStore, context())).toEqual({ status: 'unreadable' });
  });

  it('copies a damaged value aside once, however often the page opens it', () => {
    const storage = new MemoryStorage();
    storage.setItem(storeKey(progressStore, 'demo'), '{broken');
    for (let visit = 0; visit < 5; visit++) {
      const opened = openStore(storage, progressStore, context());
      expect(opened.problem).toBe('stored-unreadable-kept');
      expect(opened.writable).toBe(true);
      expect(opened.value.lessons).toEqual({});
      expect(storage.getItem(opened.backupKey!)).toBe('{broken');
    }
    expect(storage.backups()).toHaveLength(1);
    expect(storage.writes).toBe(2); // the damaged value, and its one copy
  });

  it('leaves a damaged value untouched, and says so, when not even a copy fits', () => {
    const storage = new MemoryStorage();
    storage.setItem(storeKey(progressStore, 'demo'), '{broken');
    storage.quotaLeft = 0;
    const opened = openStore(storage, progressStore, context());
    expect(opened).toMatchObject({ problem: 'stored-unreadable-not-kept', writable: false });
    expect(storage.getItem(storeKey(progressStore, 'demo'))).toBe('{broken');
    expect(storage.backups()).toEqual([]);
  });

  it('never overwrites a value written by a newer version', () => {
    const storage = new MemoryStorage();
    const newer = JSON.stringify({ version: 9, assignments: [{ whatever: true }] });
    storage.setItem(storeKey(assignmentStore, 'demo'), newer);
    const opened = openStore(storage, assignmentStore, context());
    expect(opened).toMatchObject({ problem: 'stored-newer', writable: false });
    expect(storage.backups()).toEqual([]);
    expect(storage.getItem(storeKey(assignmentStore, 'demo'))).toBe(newer);
  });

  it('reports blocked and full storage instead of throwing', () => {
    expect(openStore(null, progressStore, context())).toMatchObject({ problem: 'storage-unavailable', writable: false });
    const throwing = { getItem: () => { throw new Error('SecurityError'); }, setItem: () => undefined };
    expect(openStore(throwing, progressStore, context())).toMatchObject({ problem: 'storage-unavailable', writable: false });
    const full = new MemoryStorage();
    full.quotaLeft = 10;
    expect(writeStore(full, progressStore, 'demo', emptyProgress('demo', now))).toEqual({ ok: false, problem: 'storage-full' });
    expect(writeStore(null, progressStore, 'demo', emptyProgress('demo', now))).toEqual({ ok: false, problem: 'storage-unavailable' });
  });

  it('lifts an older value through the migrations before it validates', () => {
    // A fabricated version 0 of progress: a flat list of completed lesson ids.
    const v0 = { version: 0, site: 'demo', done: [ID], saved: now.toISOString() };
    const withMigration: StoreDefinition<ProgressStore> = {
      ...progressStore,
      migrations: { 0: (old) => ({ siteId: old.site, updatedAt: old.saved, lessons: Object.fromEntries((old.done as string[]).map((id) => [id, { completedAt: old.saved }])) }) },
    };
    expect(readStored(JSON.stringify(v0), withMigration, context())).toEqual({
      status: 'ok',
      migratedFrom: 0,
      value: { version: 1, siteId: 'demo', updatedAt: now.toISOString(), lessons: { [ID]: { completedAt: now.toISOString() } } },
    });
    expect(readStored(JSON.stringify(v0), progressStore, context())).toEqual({ status: 'unreadable' });
    expect(migrate({ version: '1' }, {}, 1)).toEqual({ status: 'unreadable' });
    expect(migrate({ version: 0 }, { 0: () => { throw new Error('bug'); } }, 1)).toEqual({ status: 'unreadable' });
    expect(migrate({ version: 3 }, {}, 1)).toEqual({ status: 'newer', version: 3 });
  });
});
