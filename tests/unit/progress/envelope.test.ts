import { describe, expect, it } from 'vitest';
import {
  emptyProgress, isBetterScore, migrateProgress, readStoredProgress, recordSelfCheck, setCompleted, setLastLesson, setParticipantName, type Migration,
} from '../../../src/lib/progress/envelope.ts';

const t0 = new Date('2026-11-01T10:00:00.000Z');
const t1 = new Date('2026-11-02T10:00:00.000Z');
const t2 = new Date('2026-11-03T10:00:00.000Z');
const ID = 'forsorja-sig/a-kassa';

describe('progress envelope', () => {
  it('marks a lesson completed, and a second press undoes it', () => {
    const done = setCompleted(emptyProgress('demo', t0), ID, true, t1);
    expect(done.lessons[ID]?.completedAt).toBe(t1.toISOString());
    expect(setCompleted(done, ID, true, t2).lessons[ID]?.completedAt).toBe(t1.toISOString());
    const undone = setCompleted(done, ID, false, t2);
    expect(undone.lessons[ID]).toBeUndefined();
    expect(undone.updatedAt).toBe(t2.toISOString());
  });

  it('keeps the latest and the best self-check score', () => {
    let store = recordSelfCheck(emptyProgress('demo', t0), ID, 2, 3, t0);
    store = recordSelfCheck(store, ID, 3, 3, t1);
    store = recordSelfCheck(store, ID, 1, 3, t2);
    expect(store.lessons[ID]?.selfCheck).toEqual({
      latest: { score: 1, total: 3, at: t2.toISOString() },
      best: { score: 3, total: 3, at: t1.toISOString() },
    });
  });

  it('undoing completion keeps the self-check results', () => {
    let store = recordSelfCheck(emptyProgress('demo', t0), ID, 2, 3, t0);
    store = setCompleted(setCompleted(store, ID, true, t1), ID, false, t2);
    expect(store.lessons[ID]).toEqual({ selfCheck: expect.any(Object) });
  });

  it('compares scores by share right, then by number of questions', () => {
    expect(isBetterScore({ score: 3, total: 4, at: '' }, { score: 2, total: 3, at: '' })).toBe(true);
    expect(isBetterScore({ score: 2, total: 3, at: '' }, { score: 3, total: 4, at: '' })).toBe(false);
    expect(isBetterScore({ score: 4, total: 4, at: '' }, { score: 3, total: 3, at: '' })).toBe(true);
    expect(isBetterScore({ score: 0, total: 3, at: '' }, undefined)).toBe(true);
  });

  it('remembers the last lesson and a cleaned-up name', () => {
    const store = setParticipantName(setLastLesson(emptyProgress('demo', t0), ID, 'ar', t1), '  Amal <b> ', t2);
    expect(store.lastLesson).toEqual({ id: ID, locale: 'ar', at: t1.toISOString() });
    expect(store.participantName).toBe('Amal b');
    expect(setParticipantName(store, '   ', t2).participantName).toBeUndefined();
  });
});

describe('reading stored progress', () => {
  const valid = JSON.stringify(setCompleted(emptyProgress('demo', t0), ID, true, t1));

  it('reads a valid envelope, and treats nothing as empty', () => {
    expect(readStoredProgress(valid, 'demo')).toMatchObject({ status: 'ok', store: { lessons: { [ID]: { completedAt: t1.toISOString() } } } });
    expect(readStoredProgress(null, 'demo')).toEqual({ status: 'empty' });
  });

  it('reports each kind of unreadable value instead of throwing', () => {
    expect(readStoredProgress('{"version":1,', 'demo')).toEqual({ status: 'unreadable', reason: 'not-json' });
    expect(readStoredProgress('[1,2]', 'demo')).toEqual({ status: 'unreadable', reason: 'invalid' });
    expect(readStoredProgress(JSON.stringify({ version: 1, siteId: 'demo', lessons: 'x' }), 'demo')).toEqual({ status: 'unreadable', reason: 'invalid' });
    expect(readStoredProgress(JSON.stringify({ ...JSON.parse(valid), version: 7 }), 'demo')).toEqual({ status: 'unreadable', reason: 'newer-version' });
    expect(readStoredProgress(valid, 'other')).toEqual({ status: 'unreadable', reason: 'other-site' });
  });
});

describe('migrations', () => {
  // A fabricated version 0: a flat list of completed lesson ids and no site id.
  const v0 = { version: 0, site: 'demo', done: [ID, 'halsa/varden-i-sverige'], saved: t0.toISOString() };
  const fromV0: Migration = (old) => ({
    siteId: old.site,
    updatedAt: old.saved,
    lessons: Object.fromEntries((old.done as string[]).map((id) => [id, { completedAt: old.saved }])),
  });

  it('lifts an older envelope to the current version and validates it', () => {
    const result = readStoredProgress(JSON.stringify(v0), 'demo', { 0: fromV0 }, 1);
    expect(result).toEqual({
      status: 'ok',
      migratedFrom: 0,
      store: { version: 1, siteId: 'demo', updatedAt: t0.toISOString(), lessons: { [ID]: { completedAt: t0.toISOString() }, 'halsa/varden-i-sverige': { completedAt: t0.toISOString() } } },
    });
  });

  it('refuses a version with no migration path, and one newer than the code', () => {
    expect(migrateProgress(v0, {}, 1)).toEqual({ ok: false, reason: 'invalid' });
    expect(migrateProgress({ version: 2 }, {}, 1)).toEqual({ ok: false, reason: 'newer-version' });
    expect(migrateProgress({ version: '1' }, {}, 1)).toEqual({ ok: false, reason: 'invalid' });
  });
});
