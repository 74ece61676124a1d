import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { emptyProgress, recordSelfCheck, setCompleted, setLastLesson, setParticipantName } from '../../../src/lib/progress/envelope.ts';
import { mergeProgress, parseProgressFile, previewImport, toExportFile } from '../../../src/lib/progress/transfer.ts';
import { jsonSchemaFor } from '../../../scripts/write-schemas.ts';

const t0 = new Date('2026-11-01T10:00:00.000Z');
const t1 = new Date('2026-11-02T10:00:00.000Z');
const t2 = new Date('2026-11-03T10:00:00.000Z');
const A = 'forsorja-sig/a-kassa';
const B = 'halsa/varden-i-sverige';
const C = 'aldras/pension';
const SCHEMA_URL = 'https://exempelby.example/schemas/progress.v1.json';

const phone = setParticipantName(setLastLesson(recordSelfCheck(setCompleted(emptyProgress('demo', t0), A, true, t0), A, 2, 3, t0), A, 'ar', t0), 'Amal', t0);
const laptop = recordSelfCheck(setCompleted(recordSelfCheck(emptyProgress('demo', t0), A, 3, 3, t1), B, true, t1), C, 1, 4, t1);

describe('export file', () => {
  const file = toExportFile(phone, SCHEMA_URL, t2);

  it('holds $schema, schemaVersion, the site, exportedAt and the lessons', () => {
    expect(file).toEqual({
      $schema: SCHEMA_URL,
      schemaVersion: 1,
      kind: 'orienta.progress',
      siteId: 'demo',
      exportedAt: t2.toISOString(),
      participantName: 'Amal',
      lessons: [{ id: A, completed: true, completedAt: t0.toISOString(), selfCheck: { latest: expect.any(Object), best: expect.any(Object) } }],
      lastLesson: { id: A, locale: 'ar', at: t0.toISOString() },
    });
  });

  it('validates against the published JSON Schema (ajv, 2020-12)', () => {
    const published = JSON.parse(readFileSync('public/schemas/progress.v1.json', 'utf8'));
    const ajv = new Ajv2020({ strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(published);
    expect(validate(JSON.parse(JSON.stringify(file))), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...file, schemaVersion: 2 })).toBe(false);
    expect(validate({ ...file, lessons: [{ id: 'Not An Id', completed: true }] })).toBe(false);
  });

  it('the committed JSON Schema is the one generated from the zod schema', () => {
    expect(JSON.parse(readFileSync('public/schemas/progress.v1.json', 'utf8'))).toEqual(jsonSchemaFor('progress.v1.json'));
  });

  it('round-trips through parseProgressFile', () => {
    expect(parseProgressFile(JSON.stringify(file))).toEqual({ ok: true, file });
  });
});

describe('import validation', () => {
  const good = toExportFile(phone, SCHEMA_URL, t2);
  const cases: Array<[string, string, string]> = [
    ['not JSON', 'this is not json {', 'not-json'],
    ['a JSON array', '[]', 'not-json'],
    ['another kind of file', JSON.stringify({ ...good, kind: 'orienta.survey-responses' }), 'wrong-kind'],
    ['an unknown schemaVersion', JSON.stringify({ ...good, schemaVersion: 2 }), 'unknown-version'],
    ['a missing field', JSON.stringify({ ...good, siteId: undefined }), 'invalid'],
    ['an extra field', JSON.stringify({ ...good, evil: true }), 'invalid'],
    ['a score above its total', JSON.stringify({ ...good, lessons: [{ id: A, completed: false, selfCheck: { latest: { score: 5, total: 3, at: t0.toISOString() }, best: { score: 5, total: 3, at: t0.toISOString() } } }] }), 'invalid'],
    ['markup in a name', JSON.stringify({ ...good, participantName: '<img src=x onerror=alert(1)>' }), 'markup'],
    ['markup in a lesson id', JSON.stringify({ ...good, lessons: [{ id: '<script>x</script>', completed: true }] }), 'markup'],
  ];
  for (const [name, text, error] of cases) {
    it(`refuses ${name} (${error})`, () => expect(parseProgressFile(text)).toEqual({ ok: false, error }));
  }

  it('refuses a file over the size limit before parsing it', () => {
    expect(parseProgressFile(`{"x":"${'a'.repeat(2_000_000)}"}`)).toEqual({ ok: false, error: 'too-large' });
    expect(parseProgressFile(JSON.stringify(good), 100)).toEqual({ ok: false, error: 'too-large' });
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
