import { describe, expect, it } from 'vitest';
import { isBetterScore, recordSelfCheck, setCompleted, setLastLesson, setParticipantName } from '../../../src/lib/progress/changes.ts';
import { emptyProgress } from '../../../src/lib/progress/definitions.ts';

const t0 = new Date('2026-11-01T10:00:00.000Z');
const t1 = new Date('2026-11-02T10:00:00.000Z');
const t2 = new Date('2026-11-03T10:00:00.000Z');
const ID = 'forsorja-sig/a-kassa';

describe('changes to progress', () => {
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

  it('strips bidi controls from a name, so it cannot reverse the certificate sentence around it', () => {
    const store = setParticipantName(emptyProgress('demo', t0), '\u202EAmina\u202C \u2067Ali\u2069', t1);
    expect(store.participantName).toBe('Amina Ali');
  });
});
