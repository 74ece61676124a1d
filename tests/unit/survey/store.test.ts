import { describe, expect, it } from 'vitest';
import { prepareAnswers, validateAnswers } from '../../../src/lib/survey/answers.ts';
import { defuseMarkup } from '../../../src/lib/text/markup.ts';
import { addResponse, emptyStore, findResponses, markExported, pendingExport, surveyStore, type NewResponse, type SurveyStoreV1 } from '../../../src/lib/survey/store.ts';
import { readStored, storeKey } from '../../../src/lib/device-data/store.ts';
import { randomUuid, toIsoDay } from '../../../src/lib/device-data/ids.ts';
import { sequentialIds, survey } from './fixtures.ts';

const course = survey('course');
const module = survey('module');
const self = survey('self-assessment');

/** Adds a response and fails the test if the answers are refused. */
function add(store: SurveyStoreV1, input: NewResponse, ids: () => string): SurveyStoreV1 {
  const result = addResponse(store, input, ids);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.store;
}

describe('validateAnswers', () => {
  it('names a required question left unanswered, however it is left blank', () => {
    for (const blank of [{}, { overall: undefined }, { overall: null }, { overall: '' }]) {
      expect(validateAnswers(course, { ...blank, improve: 'Mer' })).toEqual([{ questionId: 'overall', code: 'required' }]);
    }
  });

  it('accepts optional questions left out', () => {
    expect(validateAnswers(course, { overall: 4 })).toEqual([]);
  });

  it('refuses points outside 1–5, unknown options and questions, and wrong kinds of value', () => {
    expect(validateAnswers(course, { overall: 6, language: 2.5, recommend: 'perhaps', 'helpful-parts': ['lessons', 'naps'], extra: 3, improve: 42 })).toEqual([
      { questionId: 'extra', code: 'invalid' },
      { questionId: 'overall', code: 'invalid' },
      { questionId: 'language', code: 'invalid' },
      { questionId: 'helpful-parts', code: 'invalid' },
      { questionId: 'recommend', code: 'invalid' },
      { questionId: 'improve', code: 'invalid' },
    ]);
  });

  it('limits free text to 2000 characters, counting an emoji once', () => {
    expect(validateAnswers(course, { overall: 3, improve: 'a'.repeat(2001) })).toEqual([{ questionId: 'improve', code: 'too-long' }]);
    expect(validateAnswers(course, { overall: 3, improve: '😀'.repeat(2000) })).toEqual([]);
  });

  it('refuses an all-empty form', () => {
    expect(validateAnswers(module, { improve: '  ' })).toEqual([{ questionId: null, code: 'empty' }]);
  });

  it('normalises: points from form strings, choices de-duplicated in option order, text trimmed and defused', () => {
    const { answers, errors } = prepareAnswers(course, { overall: '4', 'helpful-parts': ['employers', 'lessons', 'employers'], improve: '  Mer <b>studiebesök</b> ', recommend: '' });
    expect(errors).toEqual([]);
    expect(answers).toEqual({ overall: 4, 'helpful-parts': ['lessons', 'employers'], improve: 'Mer ＜b>studiebesök＜/b>' });
    expect(defuseMarkup('<img src=x onerror=alert(1)> 3 < 4 <3 < script')).toBe('＜img src=x onerror=alert(1)> 3 < 4 <3 ＜ script');
  });
});

describe('the device store', () => {
  it('starts empty with one pairing id, and keeps its key per site', () => {
    expect(emptyStore(sequentialIds('11111111'))).toEqual({ version: 1, pairingId: '11111111-0000-4000-8000-000000000001', responses: [] });
    expect(storeKey(surveyStore, 'demo')).toBe('orienta:demo:surveys');
    expect(() => emptyStore(() => 'not-a-uuid')).toThrow(/UUID/);
  });

  it('adds a response with a random id and the day only, or returns the answer errors', () => {
    const ids = sequentialIds();
    const store = emptyStore(ids);
    const refused = addResponse(store, { definition: course, locale: 'ar', answers: { improve: 'x' }, answeredAt: '2026-05-04' }, ids);
    expect(refused).toEqual({ ok: false, errors: [{ questionId: 'overall', code: 'required' }] });
    const added = addResponse(store, { definition: course, locale: 'ar', answers: { overall: 5 }, answeredAt: new Date(2026, 4, 4, 23, 59) }, ids);
    expect(added.ok && added.response).toEqual({
      responseId: 'aaaaaaaa-0000-4000-8000-000000000002',
      surveyId: 'course',
      surveyVersion: 1,
      locale: 'ar',
      answeredAt: '2026-05-04',
      answers: { overall: 5 },
    });
    expect(store.responses).toEqual([]);
  });

  it('needs a phase for the self-assessment and refuses one elsewhere', () => {
    const ids = sequentialIds();
    const store = emptyStore(ids);
    expect(() => addResponse(store, { definition: self, locale: 'sv', answers: { 'find-work': 2 } }, ids)).toThrow(/needs a phase/);
    expect(() => addResponse(store, { definition: course, locale: 'sv', answers: { overall: 2 }, phase: 'before' }, ids)).toThrow(/no phase/);
    const added = addResponse(store, { definition: self, locale: 'sv', answers: { 'find-work': 2 }, phase: 'before' }, ids);
    expect(added.ok && added.response.phase).toBe('before');
  });

  it('exports only what is pending, marks it exported and keeps it', () => {
    const ids = sequentialIds();
    let store = emptyStore(ids);
    store = add(store, { definition: module, locale: 'sv', moduleId: 'forsorja-sig', answers: { satisfaction: 4 }, answeredAt: '2026-03-01' }, ids);
    store = add(store, { definition: module, locale: 'sv', moduleId: 'halsa', answers: { satisfaction: 5 }, answeredAt: '2026-03-08' }, ids);
    const first = pendingExport(store).map((r) => r.responseId);
    expect(first).toHaveLength(2);

    store = markExported(store, first, '2026-03-10');
    expect(store.responses).toHaveLength(2);
    expect(store.responses.map((r) => r.exportedAt)).toEqual(['2026-03-10', '2026-03-10']);
    expect(pendingExport(store)).toEqual([]);

    store = add(store, { definition: course, locale: 'sv', answers: { overall: 5 }, answeredAt: '2026-04-01' }, ids);
    expect(pendingExport(store).map((r) => r.surveyId)).toEqual(['course']);
    // Marking again never moves the first export day.
    store = markExported(store, [...first, pendingExport(store)[0]!.responseId], '2026-04-02');
    expect(store.responses.map((r) => r.exportedAt)).toEqual(['2026-03-10', '2026-03-10', '2026-04-02']);
    expect(findResponses(store, { surveyId: 'module', moduleId: 'halsa' })).toHaveLength(1);
  });
});

describe('reading the store back', () => {
  const read = (raw: string | null) => readStored(raw, surveyStore, { siteId: 'demo', now: new Date() });

  it('round-trips a stored store, Persian text with a zero-width non-joiner included', () => {
    const ids = sequentialIds();
    let store = emptyStore(ids);
    store = add(store, { definition: course, locale: 'fa', answers: { overall: 3, improve: 'کلاس‌ها طولانی بودند' }, answeredAt: '2026-04-05' }, ids);
    expect(read(JSON.stringify(store))).toEqual({ status: 'ok', value: store });
    expect(read(null)).toEqual({ status: 'empty' });
  });

  it('recognises a newer version (to leave alone) and damaged data', () => {
    const ids = sequentialIds();
    expect(read(JSON.stringify({ ...emptyStore(ids), version: 2 }))).toEqual({ status: 'newer', version: 2 });
    expect(read('{not json')).toEqual({ status: 'unreadable' });
    expect(read(JSON.stringify({ version: 1, pairingId: 'x', responses: [] }))).toEqual({ status: 'unreadable' });
    expect(read('[]')).toEqual({ status: 'unreadable' });
  });
});

describe('ids and days', () => {
  it('makes lower-case v4 UUIDs and local calendar days', () => {
    expect(randomUuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(toIsoDay(new Date(2026, 0, 31, 23, 30))).toBe('2026-01-31');
    expect(() => toIsoDay('2026-02-30')).toThrow(TypeError);
  });
});
