import { describe, expect, it } from 'vitest';
import { progressEnvelope, progressKey } from '../../../src/lib/progress/repository.ts';
import { openEnvelope, saveEnvelope, type KeyValueStorage } from '../../../src/lib/storage/local.ts';
import type { ProgressStore } from '../../../src/schemas/progress.ts';

/** Opens a site's progress the way the browser store does. */
function openProgress(storage: KeyValueStorage | null, siteId: string, at: Date) {
  const { key, read, fresh } = progressEnvelope(siteId);
  const { value, ...rest } = openEnvelope<ProgressStore>(storage, key, at, read, () => fresh(at));
  return { store: value, ...rest };
}
const saveProgress = (storage: KeyValueStorage | null, store: ProgressStore) => saveEnvelope(storage, progressKey(store.siteId), store);
import { emptyProgress, setCompleted } from '../../../src/lib/progress/envelope.ts';
import { summarize } from '../../../src/lib/progress/summary.ts';

const now = new Date('2026-11-05T08:00:00.000Z');

class MemoryStorage implements KeyValueStorage {
  data = new Map<string, string>();
  quotaLeft = Infinity;
  getItem(key: string) {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (value.length > this.quotaLeft) throw Object.assign(new Error('full'), { name: 'QuotaExceededError' });
    this.data.set(key, value);
  }
}

describe('progress repository', () => {
  it('namespaces the key by site, so two municipalities on one origin do not collide', () => {
    const storage = new MemoryStorage();
    saveProgress(storage, setCompleted(emptyProgress('trelleborg', now), 'a/b', true, now));
    saveProgress(storage, emptyProgress('svedala', now));
    expect(progressKey('trelleborg')).not.toBe(progressKey('svedala'));
    expect(openProgress(storage, 'trelleborg', now).store.lessons['a/b']).toBeDefined();
    expect(openProgress(storage, 'svedala', now).store.lessons).toEqual({});
  });

  it('keeps an unreadable value aside, starts clean and reports it', () => {
    const storage = new MemoryStorage();
    storage.setItem(progressKey('demo'), '{broken');
    const opened = openProgress(storage, 'demo', now);
    expect(opened.problem).toBe('unreadable');
    expect(opened.store.lessons).toEqual({});
    expect(storage.getItem(opened.backupKey!)).toBe('{broken');
    expect(opened.preserve).toBe(false);
  });

  it('does not overwrite an unreadable value whose backup failed', () => {
    const storage = new MemoryStorage();
    storage.setItem(progressKey('demo'), '{broken');
    storage.quotaLeft = 0;
    expect(openProgress(storage, 'demo', now)).toMatchObject({ problem: 'unreadable', preserve: true });
  });

  it('reports blocked storage and a full quota instead of throwing', () => {
    const blocked: KeyValueStorage = {
      getItem() {
        throw Object.assign(new Error('denied'), { name: 'SecurityError' });
      },
      setItem() {
        throw Object.assign(new Error('denied'), { name: 'SecurityError' });
      },
    };
    expect(openProgress(blocked, 'demo', now)).toMatchObject({ problem: 'unavailable', preserve: true });
    expect(openProgress(null, 'demo', now).problem).toBe('unavailable');
    const full = new MemoryStorage();
    full.quotaLeft = 10;
    expect(saveProgress(full, emptyProgress('demo', now))).toEqual({ ok: false, problem: 'quota' });
    expect(saveProgress(blocked, emptyProgress('demo', now))).toEqual({ ok: false, problem: 'unavailable' });
  });
});

describe('summarize', () => {
  it('counts lessons, prorates planned hours and dates finished modules', () => {
    let store = emptyProgress('demo', now);
    store = setCompleted(store, 'm1/a', true, new Date('2026-11-01T00:00:00Z'));
    store = setCompleted(store, 'm1/b', true, new Date('2026-11-03T00:00:00Z'));
    store = setCompleted(store, 'm2/a', true, now);
    const summary = summarize(store, [
      { id: 'm1', plannedHours: 10, lessonIds: ['m1/a', 'm1/b'] },
      { id: 'm2', plannedHours: 30, lessonIds: ['m2/a', 'm2/b', 'm2/c'] },
    ]);
    expect(summary).toEqual({
      modules: [
        { id: 'm1', completed: 2, total: 2, hoursDone: 10, plannedHours: 10, done: true, doneAt: '2026-11-03T00:00:00.000Z' },
        { id: 'm2', completed: 1, total: 3, hoursDone: 10, plannedHours: 30, done: false },
      ],
      completed: 3,
      total: 5,
      hoursDone: 20,
      plannedHours: 40,
      done: false,
    });
  });
});
