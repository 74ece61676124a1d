import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { exportFileName, writeSurveyFile } from '../../../src/lib/survey/export.ts';
import { addResponse, emptyStore, markExported, pendingExport, type SurveyStoreV1 } from '../../../src/lib/survey/store.ts';
import { readVersionedFile } from '../../../src/lib/device-data/file.ts';
import { surveyFile } from '../../../src/lib/survey/file.ts';
import { exportFile, root, sequentialIds, survey, uuid } from './fixtures.ts';

const jsonSchema = JSON.parse(readFileSync(join(root, 'public', 'schemas', 'survey-response.v1.json'), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validateWithAjv = ajv.compile(jsonSchema);

const base = exportFile([]);
const answered = {
  responseId: uuid(1),
  surveyId: 'course',
  surveyVersion: 1,
  locale: 'ar',
  date: '2026-03-01',
  answers: { overall: 5, recommend: 'yes', 'helpful-parts': ['lessons', 'employers'], improve: 'أريد المزيد من الزيارات الدراسية' },
};
const paired = { ...answered, surveyId: 'self-assessment', phase: 'before', pairingId: uuid(2), answers: { 'find-work': 2 } };
const withResponse = (fields: Record<string, unknown>) => ({ ...base, responses: [{ ...answered, ...fields }] });
const withAnswer = (value: unknown) => withResponse({ answers: { q: value } });
const without = <T extends Record<string, unknown>>(object: T, key: keyof T) => Object.fromEntries(Object.entries(object).filter(([k]) => k !== key));

const valid: [string, unknown][] = [
  ['a file with no responses', base],
  ['every kind of answer, in Arabic', { ...base, responses: [answered] }],
  ['a self-assessment answer with its pairing id', { ...base, responses: [paired] }],
  ['a module answer', withResponse({ surveyId: 'module', moduleId: 'forsorja-sig' })],
  ['an absolute $schema under a sub-path', { ...base, $schema: 'https://kommun.example/so/schemas/survey-response.v1.json' }],
  ['text of 2000 emoji (4000 UTF-16 units)', withAnswer('😀'.repeat(2000))],
  ['"<" that opens no tag: "a < b", "<3", "< img"', withAnswer('a < b, <3 och < img')],
  ['a leap day', withResponse({ date: '2024-02-29' })],
  ['Persian text with a zero-width non-joiner', withAnswer('کلاس‌ها طولانی بودند')],
];

const invalid: [string, unknown][] = [
  ['schemaVersion 2', { ...base, schemaVersion: 2 }],
  ['another kind of file', { ...base, kind: 'orienta.progress' }],
  ['no $schema', without(base, '$schema')],
  ['another schema', { ...base, $schema: '/schemas/progress.v1.json' }],
  ['a name at the top level', { ...base, participantName: 'Amina' }],
  ['a user agent on a response', withResponse({ userAgent: 'Mozilla/5.0' })],
  ['an upper-case response id', withResponse({ responseId: uuid(1).toUpperCase().replace('0000-4000', 'ABCD-4000') })],
  ['a response id that is no UUID', withResponse({ responseId: 'response-1' })],
  ['a time of day', withResponse({ date: '2026-03-01T10:15:00Z' })],
  ['a date that does not exist', withResponse({ date: '2025-02-29' })],
  ['an export time of day', { ...base, exportedAt: '2026-05-01T08:00:00Z' }],
  ['a point of 0', withAnswer(0)],
  ['a point of 6', withAnswer(6)],
  ['a point of 2.5', withAnswer(2.5)],
  ['text of 2001 characters', withAnswer('a'.repeat(2001))],
  ['an <img> tag', withAnswer('<img src=x onerror=alert(1)>')],
  ['a closing tag', withAnswer('bra</b>')],
  ['a comment', withAnswer('<!-- x -->')],
  ['a processing instruction', withAnswer('<?xml version="1.0"?>')],
  ['markup in an option id list', withAnswer(['lessons', '<b>'])],
  ['an empty option list', withAnswer([])],
  ['an option chosen twice', withAnswer(['lessons', 'lessons'])],
  ['null as an answer', withAnswer(null)],
  ['true as an answer', withAnswer(true)],
  ['an object as an answer', withAnswer({ value: 3 })],
  ['an upper-case question id', withResponse({ answers: { Overall: 3 } })],
  ['101 answers', withResponse({ answers: Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`q${i}`, 3])) })],
  ['a phase without pairing id', { ...base, responses: [without(paired, 'pairingId')] }],
  ['a pairing id without phase', { ...base, responses: [without(paired, 'phase')] }],
  ['an unknown phase', { ...base, responses: [{ ...paired, phase: 'during' }] }],
  ['an upper-case locale', withResponse({ locale: 'SV' })],
  ['a site id with spaces', { ...base, siteId: 'Min kommun' }],
  ['survey version 0', withResponse({ surveyVersion: 0 })],
  ['a module id with markup', withResponse({ moduleId: '<script>' })],
  ['responses that are not a list', { ...base, responses: {} }],
];

/** The site's own reader: the validator generated from the zod schema, plus the rules across fields. */
const readsOk = (file: unknown) => readVersionedFile(JSON.stringify(file), surveyFile, { now: new Date('2026-12-01T00:00:00Z') }).ok;

describe('the export file: the published JSON Schema and the site’s reader agree', () => {
  it('compiles as JSON Schema 2020-12 with a site-relative $id', () => {
    expect(jsonSchema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(jsonSchema.$id).toBe('/schemas/survey-response.v1.json');
  });

  it.each(valid)('both accept %s', (_, file) => {
    expect(validateWithAjv(file), JSON.stringify(validateWithAjv.errors)).toBe(true);
    expect(readsOk(file)).toBe(true);
  });

  it.each(invalid)('both reject %s', (_, file) => {
    expect(validateWithAjv(file)).toBe(false);
    expect(readsOk(file)).toBe(false);
  });
});

const SCHEMA_URL = 'https://kommun.example/so/schemas/survey-response.v1.json';
const build = (store: SurveyStoreV1, now: Date | string, schemaUrl = SCHEMA_URL) => JSON.parse(writeSurveyFile(store, pendingExport(store), { siteId: 'demo', now, schemaUrl }).text);

describe('writing the export', () => {
  function storeWithAnswers(): SurveyStoreV1 {
    const ids = sequentialIds();
    let store = emptyStore(ids);
    const inputs = [
      { definition: survey('module'), locale: 'so', moduleId: 'halsa', answers: { satisfaction: 4 }, answeredAt: '2026-02-01' },
      { definition: survey('self-assessment'), locale: 'ti', phase: 'before' as const, answers: { 'find-work': 2, healthcare: 1 }, answeredAt: '2026-02-02' },
      { definition: survey('course'), locale: 'uk', answers: { overall: 5, improve: 'Більше практики <script>' }, answeredAt: new Date(2026, 2, 3, 14, 5, 9) },
    ];
    for (const input of inputs) {
      const result = addResponse(store, input, ids);
      if (!result.ok) throw new Error(JSON.stringify(result.errors));
      store = result.store;
    }
    return store;
  }

  it('writes a valid, anonymous file: day-only dates, pairing id only on the self-assessment', () => {
    const store = storeWithAnswers();
    const file = build(store, new Date(2026, 2, 4, 9, 30));
    expect(validateWithAjv(file), JSON.stringify(validateWithAjv.errors)).toBe(true);
    expect(file).toEqual({
      $schema: SCHEMA_URL,
      schemaVersion: 1,
      kind: 'orienta.survey-responses',
      siteId: 'demo',
      exportedAt: '2026-03-04',
      responses: [
        { responseId: uuid(2, 'aaaaaaaa'), surveyId: 'module', surveyVersion: 1, locale: 'so', moduleId: 'halsa', date: '2026-02-01', answers: { satisfaction: 4 } },
        { responseId: uuid(3, 'aaaaaaaa'), surveyId: 'self-assessment', surveyVersion: 1, locale: 'ti', phase: 'before', pairingId: store.pairingId, date: '2026-02-02', answers: { 'find-work': 2, healthcare: 1 } },
        { responseId: uuid(4, 'aaaaaaaa'), surveyId: 'course', surveyVersion: 1, locale: 'uk', date: '2026-03-03', answers: { overall: 5, improve: 'Більше практики ＜script>' } },
      ],
    });
    const text = JSON.stringify(file);
    expect(text).not.toMatch(/T\d\d:\d\d|Mozilla|userAgent|name"/);
    expect(exportFileName('demo', '2026-03-04')).toBe('survey-answers-demo-2026-03-04.json');
  });

  it('holds only answers not exported before', () => {
    const store = storeWithAnswers();
    const first = build(store, '2026-03-04');
    const after = markExported(store, first.responses.map((r: { responseId: string }) => r.responseId), '2026-03-04');
    expect(build(after, '2026-03-05').responses).toEqual([]);
    expect(after.responses).toHaveLength(3);
  });

  it('takes the absolute schema address the page gives, and a site-relative one', () => {
    expect(validateWithAjv(build(storeWithAnswers(), '2026-03-04'))).toBe(true);
    expect(validateWithAjv(build(storeWithAnswers(), '2026-03-04', '/schemas/survey-response.v1.json'))).toBe(true);
  });
});
