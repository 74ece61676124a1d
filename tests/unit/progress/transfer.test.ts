import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { recordSelfCheck, setCompleted, setLastLesson, setParticipantName } from '../../../src/lib/progress/changes.ts';
import { emptyProgress } from '../../../src/lib/progress/definitions.ts';
import { mergeProgress, previewImport, readProgressFile, writeProgressFile } from '../../../src/lib/progress/transfer.ts';
import type { ProgressExport, ProgressStore } from '../../../src/schemas/progress.ts';

const t0 = new Date('2026-11-01T10:00:00.000Z');
const t1 = new Date('2026-11-02T10:00:00.000Z');
const t2 = new Date('2026-11-03T10:00:00.000Z');
const A = 'forsorja-sig/a-kassa';
const B = 'halsa/varden-i-sverige';
const C = 'aldras/pension';
const SCHEMA_URL = 'https://exempelby.example/schemas/progress.v2.json';

const phone = setParticipantName(setLastLesson(recordSelfCheck(setCompleted(emptyProgress('demo', t0), A, true, t0), A, 2, 3, t0), A, 'ar', t0), 'Amal', t0);
const laptop = recordSelfCheck(setCompleted(recordSelfCheck(emptyProgress('demo', t0), A, 3, 3, t1), B, true, t1), C, 1, 4, t1);
const toExportFile = (store: ProgressStore, _url: string, at: Date): ProgressExport => JSON.parse(writeProgressFile(store, SCHEMA_URL, at));

describe('export file', () => {
  const text = writeProgressFile(phone, SCHEMA_URL, t2);
  const file = JSON.parse(text);

  it('holds $schema, schemaVersion, kind, the site, exportedAt and the lessons', () => {
    expect(file).toEqual({
      $schema: SCHEMA_URL,
      schemaVersion: 2,
      kind: 'orienta.progress',
      siteId: 'demo',
      exportedAt: t2.toISOString(),
      participantName: 'Amal',
      lessons: [{ id: A, completed: true, completedAt: t0.toISOString(), selfCheck: { latest: expect.any(Object), best: expect.any(Object) } }],
      lastLesson: { id: A, locale: 'ar', at: t0.toISOString() },
    });
    expect(Object.keys(file).slice(0, 3)).toEqual(['$schema', 'schemaVersion', 'kind']);
  });

  it('validates against the published JSON Schema (ajv, 2020-12)', () => {
    const published = JSON.parse(readFileSync('public/schemas/progress.v2.json', 'utf8'));
    const ajv = new Ajv2020({ strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(published);
    expect(validate(file), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...file, schemaVersion: 3 })).toBe(false);
    expect(validate({ ...file, passportId: '0123456789abcdef' })).toBe(true);
    expect(validate({ ...file, passportId: 'Amina' })).toBe(false);
    expect(validate({ ...file, lessons: [{ id: 'Not An Id', completed: true }] })).toBe(false);
  });

  it('round-trips through the reader', () => {
    expect(readProgressFile(text, t2)).toEqual({ ok: true, file });
  });

  it('cleans bidi controls out of an imported name', () => {
    const read = readProgressFile(JSON.stringify({ ...file, participantName: 'Amal\u202E ali' }), t2);
    expect(read).toMatchObject({ ok: true, file: { participantName: 'Amal ali' } });
  });

  it('refuses, for the teacher, a file from another municipality', () => {
    expect(readProgressFile(JSON.stringify({ ...file, siteId: 'svedala' }), t2, 'demo')).toMatchObject({ ok: false, error: 'other-site' });
    expect(readProgressFile(JSON.stringify({ ...file, siteId: 'svedala' }), t2)).toMatchObject({ ok: true });
  });
});

describe('merge', () => {
  const file = toExportFile(laptop, SCHEMA_URL, t2);
  const merged = mergeProgress(phone, file, t2);

  it('keeps completed lessons from both sides', () => {
    expect(Object.keys(merged.lessons).filter((id) => merged.lessons[id]?.completedAt).sort()).toEqual([A, B]);
  });

  it('keeps the best score and the most recent latest score', () => {
    expect(merged.lessons[A]?.selfCheck).toEqual({ latest: { score: 3, total: 3, at: t1.toISOString() }, best: { score: 3, total: 3, at: t1.toISOString() } });
    expect(merged.lessons[C]?.selfCheck?.best.score).toBe(1);
  });

  it('never loses data: merging the other way keeps the same lessons and results', () => {
    const other = mergeProgress(laptop, toExportFile(phone, SCHEMA_URL, t2), t2);
    expect(other.lessons).toEqual(merged.lessons);
    expect(merged.participantName).toBe('Amal');
    expect(other.participantName).toBe('Amal');
    expect(merged.lastLesson?.id).toBe(A);
  });

  it('merging a file into itself changes nothing but the time', () => {
    const again = mergeProgress(merged, toExportFile(merged, SCHEMA_URL, t2), t2);
    expect(again.lessons).toEqual(merged.lessons);
  });
});

describe('import preview', () => {
  it('names what would change, lessons the site lacks, and another site', () => {
    const file = { ...toExportFile(laptop, SCHEMA_URL, t2), siteId: 'svedala' };
    const preview = previewImport(phone, file, new Set([A, B]));
    expect(preview).toEqual({ newlyCompleted: [B], betterScores: [C, A], unknownLessons: [C], unchanged: 0, otherSite: 'svedala', nothingNew: false });
  });

  it('says when nothing is new', () => {
    const preview = previewImport(phone, toExportFile(phone, SCHEMA_URL, t2), new Set([A]));
    expect(preview).toMatchObject({ nothingNew: true, unchanged: 1, newlyCompleted: [], betterScores: [] });
  });
});
