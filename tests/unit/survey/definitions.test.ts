import { describe, expect, it } from 'vitest';
import { checkSurveySet, findSurvey, SurveyDefinitionError } from '../../../src/lib/survey/definitions.ts';
import { checkSurveyDefinition } from '../../../src/lib/survey/check-definition.ts';
import { localize, localizeSurvey, missingTexts, surveyForLocale, surveyTextEntries, surveyTranslationStatus } from '../../../src/lib/survey/localize.ts';
import { NAMED_SCALES } from '../../../src/lib/survey/scales.ts';
import { surveyDefinitionSchema, type SurveyDefinitionInput } from '../../../src/schemas/survey.ts';
import { survey, surveys } from './fixtures.ts';

const COURSE_LOCALES = ['sv', 'sv-easy', 'en', 'ar', 'fa', 'prs', 'so', 'ti', 'uk'];

const minimal = (extra: Partial<SurveyDefinitionInput> = {}): SurveyDefinitionInput => ({
  id: 'test',
  version: 1,
  kind: 'course',
  title: { sv: 'Titel' },
  intro: { sv: 'Intro' },
  questions: [{ id: 'q', type: 'likert5', scale: 'agreement', text: { sv: 'Fråga?' } }],
  ...extra,
});
const issues = (input: unknown) => surveyDefinitionSchema.safeParse(input).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

describe('the shipped surveys', () => {
  it('are the three surveys, each valid, with the kinds the issue asks for, and the archived versions answers may name', () => {
    expect(surveys.map((s) => [s.id, s.kind, s.version])).toEqual([
      ['course', 'course', 1],
      ['course', 'course', 2],
      ['module', 'module', 1],
      ['self-assessment', 'self-assessment', 1],
      ['self-assessment', 'self-assessment', 2],
    ]);
  });

  it('ask, optionally, the gender, setting and form the follow-up report groups by, at the start and the end', () => {
    for (const id of ['course', 'self-assessment']) {
      const latest = surveys.filter((s) => s.id === id).sort((a, b) => b.version - a.version)[0]!;
      for (const role of ['gender', 'setting', 'form'] as const) {
        const question = latest.questions.find((q) => q.indicator === role);
        expect(question, `${id} ${role}`).toMatchObject({ type: 'single', required: false });
      }
    }
    expect(issues(minimal({ questions: [{ id: 'g', type: 'single', text: { sv: 'Kön' }, indicator: 'gender', options: [{ id: 'woman', label: { sv: 'K' } }, { id: 'man', label: { sv: 'M' } }] }] }))).toEqual([
      'questions.0.indicator: indicator "gender" needs a single-choice question with the options woman, man, another, no-answer',
    ]);
  });

  it('have every text, including every scale label, in all eight course locales, marked machine-translated', () => {
    for (const definition of surveys) {
      for (const locale of COURSE_LOCALES) expect(missingTexts(definition, locale), `${definition.id} in ${locale}`).toEqual([]);
      expect(definition.translations).toEqual(Object.fromEntries(COURSE_LOCALES.slice(1).map((l) => [l, 'machine'])));
    }
    for (const [name, labels] of Object.entries(NAMED_SCALES)) {
      expect(labels, name).toHaveLength(5);
      for (const label of labels) expect(Object.keys(label).sort(), name).toEqual([...COURSE_LOCALES].sort());
    }
  });

  it('give the module survey 2–3 questions, one feeding the satisfaction indicator', () => {
    const module = survey('module');
    expect(module.questions.length).toBeGreaterThanOrEqual(2);
    expect(module.questions.length).toBeLessThanOrEqual(3);
    expect(module.questions.some((q) => q.indicator === 'overall-satisfaction')).toBe(true);
  });

  it('give the course survey the four report questions plus a single and a multiple choice', () => {
    const course = survey('course');
    const byRole = Object.fromEntries(course.questions.filter((q) => q.indicator).map((q) => [q.indicator, q.type]));
    expect(byRole).toEqual({ 'overall-satisfaction': 'likert5', 'job-knowledge': 'likert5', 'language-understood': 'likert5', improve: 'text' });
    expect(course.questions.map((q) => q.type)).toEqual(expect.arrayContaining(['single', 'multiple']));
    expect(localize(course.questions.find((q) => q.indicator === 'job-knowledge')!.text, 'en').text).toBe('I know better what it takes to get a job in Sweden.');
  });

  it('give the self-assessment 4–6 "How well do you know" questions on the knowledge scale', () => {
    const self = survey('self-assessment');
    expect(self.questions.length).toBeGreaterThanOrEqual(4);
    expect(self.questions.length).toBeLessThanOrEqual(6);
    for (const q of self.questions) {
      expect([q.type, q.scale, q.indicator]).toEqual(['likert5', 'knowledge', 'self-assessment']);
      expect(localize(q.text, 'en').text).toMatch(/^How well do you know /);
    }
  });
});

describe('localize', () => {
  it('picks the locale and falls back to Swedish, saying which locale the text is in', () => {
    expect(localize({ sv: 'Hej', en: 'Hello' }, 'en')).toEqual({ text: 'Hello', locale: 'en' });
    expect(localize({ sv: 'Hej', en: 'Hello' }, 'ti')).toEqual({ text: 'Hej', locale: 'sv' });
  });

  it('resolves a whole survey, scale labels included, and reports the translation status', () => {
    const definition = checkSurveyDefinition('test.yaml', minimal({ translations: { en: 'reviewed' } }));
    const view = localizeSurvey(definition, 'ar');
    expect(view.translation).toBe('missing');
    expect(view.title).toEqual({ text: 'Titel', locale: 'sv' });
    expect(view.questions[0]!.scale.map((p) => p.label.locale)).toEqual(['ar', 'ar', 'ar', 'ar', 'ar']);
    expect(view.questions[0]!.scale.map((p) => p.value)).toEqual([1, 2, 3, 4, 5]);
    expect(surveyTranslationStatus(definition, 'en')).toBe('reviewed');
    expect(surveyTranslationStatus(definition, 'sv')).toBe('original');
    expect(localizeSurvey(survey('course'), 'fa').questions[0]!.scale[4]!.label).toEqual({ text: 'خیلی راضی', locale: 'fa' });
  });
});

describe('surveyDefinitionSchema', () => {
  it('accepts inline scale labels and defaults required to false', () => {
    const labels = [1, 2, 3, 4, 5].map((n) => ({ sv: `Punkt ${n}` }));
    const parsed = surveyDefinitionSchema.parse(minimal({ questions: [{ id: 'q', type: 'likert5', scale: labels, text: { sv: 'Fråga?' } }] }));
    expect(parsed.questions[0]!.required).toBe(false);
  });

  it('requires a labelled scale on likert5, and options on choices only', () => {
    expect(issues(minimal({ questions: [{ id: 'q', type: 'likert5', text: { sv: 'F' } }] }))).toEqual(['questions.0.scale: a likert5 question needs a scale: a shared scale name or five labels']);
    expect(issues(minimal({ questions: [{ id: 'q', type: 'likert5', scale: [{ sv: 'a' }, { sv: 'b' }], text: { sv: 'F' } }] }))[0]).toMatch(/^questions\.0\.scale/);
    expect(issues(minimal({ questions: [{ id: 'q', type: 'single', text: { sv: 'F' } }] }))).toEqual(['questions.0.options: a "single" question needs options']);
    expect(issues(minimal({ questions: [{ id: 'q', type: 'text', text: { sv: 'F' }, options: [{ id: 'a', label: { sv: 'A' } }, { id: 'b', label: { sv: 'B' } }] }] }))).toEqual(['questions.0.options: only single and multiple questions have options']);
  });

  it('rejects duplicate ids, a missing Swedish text and an unknown field', () => {
    const q = { id: 'q', type: 'text' as const, text: { sv: 'F' } };
    expect(issues(minimal({ questions: [q, q] }))).toEqual(['questions.1.id: duplicate question id "q"']);
    expect(issues(minimal({ title: { en: 'Title' } as never }))).toEqual(['title: needs at least a text in the source language ("sv")']);
    expect(surveyDefinitionSchema.safeParse({ ...minimal(), tilte: 'x' }).error?.issues[0]?.code).toBe('unrecognized_keys');
  });

  it('ties indicators to the right question types and survey kinds', () => {
    expect(issues(minimal({ questions: [{ id: 'q', type: 'text', text: { sv: 'F' }, indicator: 'overall-satisfaction' }] }))).toEqual(['questions.0.indicator: indicator "overall-satisfaction" needs a likert5 question']);
    expect(issues(minimal({ kind: 'self-assessment' }))).toEqual(['questions.0: every question of a self-assessment is likert5 with indicator "self-assessment", or a gender, setting or form question']);
    const twice = { id: 'a', type: 'likert5' as const, scale: 'satisfaction' as const, text: { sv: 'F' }, indicator: 'overall-satisfaction' as const };
    expect(issues(minimal({ questions: [twice, { ...twice, id: 'b' }] }))).toEqual(['questions.1.indicator: only one question per survey can have indicator "overall-satisfaction"']);
    expect(issues(minimal({ translations: { sv: 'machine' } }))).toEqual(['translations.sv: the source language is the original; list only translations']);
  });
});

describe('checkSurveyDefinition and checkSurveySet', () => {
  it('requires the id to be the file name; an archived version names its version', () => {
    expect(() => checkSurveyDefinition('content/surveys/other.yaml', minimal())).toThrow('content/surveys/other.yaml: id: must equal the file name "other", found "test"');
    expect(checkSurveyDefinition('content/surveys/test.v1.yaml', minimal()).version).toBe(1);
    expect(() => checkSurveyDefinition('content/surveys/test.v2.yaml', minimal())).toThrow(/version: must be 2/);
  });

  it('refuses a question that changes type between versions, and finds the latest version', () => {
    const v1 = checkSurveyDefinition('test.v1.yaml', minimal());
    const v2 = checkSurveyDefinition('test.yaml', minimal({ version: 2, questions: [{ id: 'q', type: 'text', text: { sv: 'F' } }] }));
    expect(() => checkSurveySet([v1, v2])).toThrow(SurveyDefinitionError);
    const v2ok = checkSurveyDefinition('test.yaml', minimal({ version: 2 }));
    expect(() => checkSurveySet([v1, v2ok])).not.toThrow();
    expect(findSurvey([v1, v2ok], 'test')?.version).toBe(2);
    expect(findSurvey([v1, v2ok], 'test', 1)).toBe(v1);
  });
});

describe('the answer shape the survey form receives', () => {
  it('holds no text in any language, and judges every answer exactly as the full definition does', async () => {
    const { answerShape, prepareAnswers } = await import('../../../src/lib/survey/answers.ts');
    for (const definition of surveys) {
      const shape = answerShape(definition);
      const json = JSON.stringify(shape);
      expect(json).not.toMatch(/"(sv|en|ar|text|label|title|intro)":/);
      expect(json.length, definition.id).toBeLessThan(JSON.stringify(definition).length / 3);
      // Each question answered with its first option / 3 / a text, with an unknown option, and left empty.
      const attempts: Array<Record<string, unknown>> = [
        Object.fromEntries(definition.questions.map((q) => [q.id, q.type === 'likert5' ? 3 : q.type === 'single' ? q.options![0]!.id : q.type === 'multiple' ? [q.options![0]!.id] : 'Bra kurs'])),
        Object.fromEntries(definition.questions.map((q) => [q.id, q.type === 'likert5' ? 9 : q.type === 'text' ? 42 : 'no-such-option'])),
        {},
      ];
      for (const raw of attempts) expect(prepareAnswers(shape, raw)).toEqual(prepareAnswers(definition, raw));
    }
  });
});

describe('a survey for one locale', () => {
  it('localizes every text as the full definition does, in every locale, and carries only that language and the source', () => {
    for (const definition of surveys) {
      for (const locale of COURSE_LOCALES) {
        const narrow = surveyForLocale(definition, locale);
        expect(localizeSurvey(narrow, locale)).toEqual(localizeSurvey(definition, locale));
        // Shared scales are named in a definition, their labels live in code: not carried.
        const carried = surveyTextEntries(narrow).filter((entry) => !/^questions\.(\d+)\.scale\./.test(entry.path) || Array.isArray(narrow.questions[Number(entry.path.split('.')[1])]!.scale));
        const languages = new Set(carried.flatMap((entry) => Object.keys(entry.text)));
        expect([...languages].every((l) => l === 'sv' || l === locale), `${definition.id} ${locale}: ${[...languages]}`).toBe(true);
      }
    }
  });
});
