/** The browser's zod-free guard must agree with the zod schema, the source of truth. */
import { describe, expect, it } from 'vitest';
import { isProgressStore } from '../../../src/lib/progress/guard.ts';
import { progressStoreV1Schema } from '../../../src/schemas/progress.ts';

const at = '2026-11-20T10:00:00.000Z';
const valid = {
  version: 1,
  siteId: 'demo',
  updatedAt: at,
  lessons: { 'forsorja-sig/a-kassa': { completedAt: at, selfCheck: { latest: { score: 2, total: 3, at }, best: { score: 3, total: 3, at } } }, 'halsa/x': {} },
  lastLesson: { id: 'forsorja-sig/a-kassa', locale: 'ar', at },
  participantName: 'Amal',
};
const variants: Array<[string, (v: Record<string, any>) => void]> = [
  ['as is', () => {}],
  ['minimal', (v) => { delete v.lastLesson; delete v.participantName; v.lessons = {}; }],
  ['offset time', (v) => { v.updatedAt = '2026-11-20T10:00:00+01:00'; }],
  ['version 2', (v) => { v.version = 2; }],
  ['version as string', (v) => { v.version = '1'; }],
  ['empty site', (v) => { v.siteId = ''; }],
  ['long site', (v) => { v.siteId = 'x'.repeat(65); }],
  ['no time', (v) => { delete v.updatedAt; }],
  ['date only', (v) => { v.updatedAt = '2026-11-20'; }],
  ['bad month', (v) => { v.updatedAt = '2026-13-20T10:00:00Z'; }],
  ['extra key', (v) => { v.evil = 1; }],
  ['lessons array', (v) => { v.lessons = []; }],
  ['bad lesson id', (v) => { v.lessons = { 'Bad Id': {} }; }],
  ['lesson id without module', (v) => { v.lessons = { 'a-kassa': {} }; }],
  ['extra lesson key', (v) => { v.lessons['halsa/x'].x = 1; }],
  ['score above total', (v) => { v.lessons['forsorja-sig/a-kassa'].selfCheck.best.score = 4; }],
  ['score not integer', (v) => { v.lessons['forsorja-sig/a-kassa'].selfCheck.best.score = 1.5; }],
  ['total zero', (v) => { v.lessons['forsorja-sig/a-kassa'].selfCheck.best = { score: 0, total: 0, at }; }],
  ['selfCheck without best', (v) => { delete v.lessons['forsorja-sig/a-kassa'].selfCheck.best; }],
  ['completedAt not time', (v) => { v.lessons['halsa/x'].completedAt = 'yesterday'; }],
  ['lastLesson bad locale', (v) => { v.lastLesson.locale = 'AR'; }],
  ['lastLesson extra', (v) => { v.lastLesson.x = 1; }],
  ['long name', (v) => { v.participantName = 'x'.repeat(81); }],
  ['name number', (v) => { v.participantName = 5; }],
  ['null', () => {}],
];

describe('isProgressStore agrees with progressStoreV1Schema', () => {
  for (const [name, change] of variants) {
    it(name, () => {
      const value = name === 'null' ? null : structuredClone(valid);
      if (value) change(value);
      expect(isProgressStore(value)).toBe(progressStoreV1Schema.safeParse(value).success);
    });
  }
  it('the samples include both valid and invalid envelopes', () => {
    const results = variants.map(([name, change]) => {
      const value = name === 'null' ? null : structuredClone(valid);
      if (value) change(value);
      return isProgressStore(value);
    });
    expect(results.filter(Boolean).length).toBeGreaterThanOrEqual(3);
    expect(results.filter((r) => !r).length).toBeGreaterThanOrEqual(15);
  });
});
