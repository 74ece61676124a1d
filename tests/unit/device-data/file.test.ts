import { describe, expect, it } from 'vitest';
import { readVersionedFile, utf8ByteLength, writeVersionedFile, type FileDefinition } from '../../../src/lib/device-data/file.ts';
import { progressFile } from '../../../src/lib/progress/file.ts';
import { surveyFile } from '../../../src/lib/survey/file.ts';
import type { ProgressExport } from '../../../src/schemas/progress.ts';

const now = new Date('2026-11-05T08:00:00.000Z');
const SCHEMA = 'https://kommun.example/schemas/progress.v1.json';
const A = 'forsorja-sig/a-kassa';
const body = { siteId: 'demo', exportedAt: '2026-11-04T10:00:00.000Z', lessons: [{ id: A, completed: true, completedAt: '2026-11-01T10:00:00.000Z' }] };
const good = JSON.parse(writeVersionedFile(progressFile, body, SCHEMA)) as ProgressExport;
const read = (value: unknown, options: { requireSite?: string } = {}) => readVersionedFile(typeof value === 'string' ? value : JSON.stringify(value), progressFile, { now, ...options });

describe('reading a versioned file', () => {
  it('reads a good file, with or without a byte-order mark', () => {
    expect(read(good)).toEqual({ ok: true, file: good });
    expect(read(`\uFEFF${JSON.stringify(good)}`)).toEqual({ ok: true, file: good });
  });

  const refused: Array<[string, unknown, string]> = [
    ['text that is not JSON', 'this is not json {', 'not-json'],
    ['a JSON array', '[]', 'wrong-kind'],
    ['another kind of file', { ...good, kind: 'orienta.survey-responses' }, 'wrong-kind'],
    ['a file with no kind', { ...good, kind: undefined }, 'wrong-kind'],
    ['a newer schemaVersion', { ...good, schemaVersion: 3 }, 'newer-version'],
    ['an older schemaVersion with no migration', { ...good, schemaVersion: 0 }, 'unknown-version'],
    ['no schemaVersion', { ...good, schemaVersion: undefined }, 'unknown-version'],
    ['a missing field', { ...good, siteId: undefined }, 'invalid'],
    ['an extra field', { ...good, evil: true }, 'invalid'],
    ['a score above its total', { ...good, lessons: [{ id: A, completed: false, selfCheck: { latest: { score: 5, total: 3, at: body.exportedAt }, best: { score: 5, total: 3, at: body.exportedAt } } }] }, 'invalid'],
    ['markup in a name', { ...good, participantName: '<img src=x onerror=alert(1)>' }, 'markup'],
    ['markup in a key', { ...good, ['<b>']: 1 }, 'markup'],
    ['an export dated next week', { ...good, exportedAt: '2026-11-12T08:00:00.000Z' }, 'future-date'],
    ['a completion dated next year', { ...good, lessons: [{ id: A, completed: true, completedAt: '2027-11-01T10:00:00.000Z' }] }, 'future-date'],
  ];
  for (const [name, value, error] of refused) {
    it(`refuses ${name} (${error})`, () => expect(read(value)).toMatchObject({ ok: false, error }));
  }

  it('accepts a date a few hours ahead: a participant’s clock or time zone may be off', () => {
    expect(read({ ...good, exportedAt: '2026-11-05T20:00:00.000Z' })).toMatchObject({ ok: true });
  });

  it('refuses deeply nested JSON as such, not as "invalid" or "contains code"', () => {
    const bomb = `{"kind":"orienta.progress","schemaVersion":${progressFile.version},"x":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    expect(read(bomb)).toEqual({ ok: false, error: 'too-deep' });
    // Brackets inside strings are text, not nesting.
    expect(read(`{"kind":"orienta.progress","schemaVersion":${progressFile.version},"x":"${'['.repeat(1000)}"}`)).toMatchObject({ ok: false, error: 'invalid' });
  });

  it('refuses a file over the size limit before parsing it, counting UTF-8 bytes', () => {
    expect(utf8ByteLength('aé€😀')).toBe(1 + 2 + 3 + 4);
    expect(read(`{"x":"${'a'.repeat(2_000_000)}"}`)).toEqual({ ok: false, error: 'file-too-large' });
    const arabic = 'ع'.repeat(surveyFile.maxBytes / 2 + 1);
    expect(readVersionedFile(arabic, surveyFile, { now })).toEqual({ ok: false, error: 'file-too-large' });
  });

  it('refuses a file from another site only where the caller asks', () => {
    expect(read({ ...good, siteId: 'svedala' }, { requireSite: 'demo' })).toMatchObject({ ok: false, error: 'other-site' });
    expect(read({ ...good, siteId: 'svedala' })).toMatchObject({ ok: true });
  });

  it('names the first problem of an invalid file, for reports', () => {
    expect(read({ ...good, lessons: [{ id: 'Not An Id', completed: true }] })).toMatchObject({ ok: false, error: 'invalid', detail: expect.stringContaining('/lessons/0/id') });
  });

  it('lifts an older file through its migrations', () => {
    const withMigration: FileDefinition<ProgressExport> = {
      ...progressFile,
      migrations: { ...progressFile.migrations, 0: ({ done, ...old }) => ({ ...old, lessons: (done as string[]).map((id) => ({ id, completed: true })) }) },
    };
    const old = { $schema: SCHEMA, schemaVersion: 0, kind: 'orienta.progress', siteId: 'demo', exportedAt: body.exportedAt, done: [A] };
    expect(readVersionedFile(JSON.stringify(old), withMigration, { now })).toEqual({
      ok: true,
      file: { $schema: SCHEMA, schemaVersion: 2, kind: 'orienta.progress', siteId: 'demo', exportedAt: body.exportedAt, lessons: [{ id: A, completed: true }] },
    });
  });

  it('reads a version 1 progress file as version 2 without a passport id', () => {
    const v1 = { ...good, schemaVersion: 1 };
    expect(read(v1)).toMatchObject({ ok: true, file: { schemaVersion: 2, siteId: good.siteId } });
    expect(read(v1)).not.toHaveProperty('file.passportId');
  });
});

describe('writing a versioned file', () => {
  it('puts $schema, schemaVersion and kind first, pretty-printed with a final newline', () => {
    const text = writeVersionedFile(progressFile, body, SCHEMA);
    expect(text.startsWith('{\n  "$schema": ')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('refuses to write a file that would not validate', () => {
    expect(() => writeVersionedFile(progressFile, { ...body, siteId: '' }, SCHEMA)).toThrow(/invalid orienta.progress/);
  });
});
