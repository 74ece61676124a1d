import { describe, expect, it } from 'vitest';
import { createAggregator, type SurveyReport, type SurveySummary } from '../../../src/lib/survey/aggregate.ts';
import { surveyFile } from '../../../src/lib/survey/file.ts';
import type { ExportedResponse } from '../../../src/schemas/survey-response.ts';
import { exportFile, response, surveys, uuid } from './fixtures.ts';

const json = (value: unknown) => JSON.stringify(value);
const bySurvey = (report: SurveyReport, id: string) => report.surveys.find((s) => s.surveyId === id)!;
const question = (summary: SurveySummary, id: string) => summary.questions.find((q) => q.questionId === id)!;

/*
 * Eight course answers, written out by hand.
 *
 *  #  locale  date        overall  job  language  helpful-parts           recommend  improve
 *  1  sv      2026-03-10  5        5    4         lessons                 yes        –
 *  2  sv      2026-03-12  5        4    5         lessons, discussions    yes        "Mer studiebesök, tack!"
 *  3  sv      2026-03-20  4        3    5         –                       maybe      –
 *  4  ar      2026-03-21  5        5    2         employers               yes        Arabic text
 *  5  ar      2026-04-02  3        4    5         –                       no         –
 *  6  ar      2026-04-03  5        –    4         lessons                 yes        –
 *  7  fa      2026-04-05  2        2    1         –                       no         Persian text
 *  8  sv      2026-04-06  5        4    5         –                       –          –
 */
const ARABIC = 'أريد المزيد من الزيارات الدراسية، شكرًا!';
const PERSIAN = 'کلاس‌ها طولانی بودند؛ لطفاً زمان استراحت بیشتری بدهید.';
const courseRows: [string, string, number, number | undefined, number, string[] | undefined, string | undefined, string | undefined][] = [
  ['sv', '2026-03-10', 5, 5, 4, ['lessons'], 'yes', undefined],
  ['sv', '2026-03-12', 5, 4, 5, ['lessons', 'discussions'], 'yes', 'Mer studiebesök, tack!'],
  ['sv', '2026-03-20', 4, 3, 5, undefined, 'maybe', undefined],
  ['ar', '2026-03-21', 5, 5, 2, ['employers'], 'yes', ARABIC],
  ['ar', '2026-04-02', 3, 4, 5, undefined, 'no', undefined],
  ['ar', '2026-04-03', 5, undefined, 4, ['lessons'], 'yes', undefined],
  ['fa', '2026-04-05', 2, 2, 1, undefined, 'no', PERSIAN],
  ['sv', '2026-04-06', 5, 4, 5, undefined, undefined, undefined],
];
const courseResponses: ExportedResponse[] = courseRows.map(([locale, date, overall, job, language, helpful, recommend, improve], index) => {
  const answers: ExportedResponse['answers'] = { overall, language };
  if (job !== undefined) answers['job-knowledge'] = job;
  if (helpful) answers['helpful-parts'] = helpful;
  if (recommend) answers.recommend = recommend;
  if (improve) answers.improve = improve;
  return { responseId: uuid(index + 1, 'c0c0c0c0'), surveyId: 'course', surveyVersion: 1, locale, date, answers };
});

/*
 * Self-assessment, four pairing ids (P1–P4). P2 answered "after" twice; the later one (2026-04-12) counts.
 *
 *        phase   date        find-work  rights-at-work  healthcare  influence  help-from-authorities
 *  P1    before  2026-01-10  2          1               3           2          2
 *  P1    after   2026-04-10  4          3               4           3          4
 *  P2    before  2026-01-11  1          2               2           –          –
 *  P2    after   2026-03-01  1          1               1           1          –     (older, ignored)
 *  P2    after   2026-04-12  3          2               5           4          –
 *  P3    before  2026-01-12  3          –               –           –          –     (never linked)
 *  P4    after   2026-04-13  5          –               –           –          –     (never linked)
 *
 * Linked pairs: P1 and P2 → 2; before only: P3; after only: P4.
 *  find-work:   P1 2→4, P2 1→3      → 2 pairs, before 1.5, after 3.5, change +2
 *  rights:      P1 1→3, P2 2→2      → 2 pairs, before 1.5, after 2.5, change +1
 *  healthcare:  P1 3→4, P2 2→5      → 2 pairs, before 2.5, after 4.5, change +2
 *  influence:   P1 2→3 (P2 no before) → 1 pair, before 2, after 3, change +1
 *  help:        P1 2→4              → 1 pair, before 2, after 4, change +2
 */
const P = [uuid(1, 'babababa'), uuid(2, 'babababa'), uuid(3, 'babababa'), uuid(4, 'babababa')];
let selfCounter = 0;
const selfAnswer = (pairingId: string, phase: 'before' | 'after', date: string, points: (number | undefined)[]): ExportedResponse => {
  const ids = ['find-work', 'rights-at-work', 'healthcare', 'influence', 'help-from-authorities'];
  const answers = Object.fromEntries(ids.flatMap((id, i) => (points[i] === undefined ? [] : [[id, points[i]!]])));
  return { responseId: uuid(++selfCounter, '5e1f5e1f'), surveyId: 'self-assessment', surveyVersion: 1, locale: 'sv', phase, pairingId, date, answers };
};
const selfResponses = [
  selfAnswer(P[0]!, 'before', '2026-01-10', [2, 1, 3, 2, 2]),
  selfAnswer(P[0]!, 'after', '2026-04-10', [4, 3, 4, 3, 4]),
  selfAnswer(P[1]!, 'before', '2026-01-11', [1, 2, 2]),
  selfAnswer(P[1]!, 'after', '2026-03-01', [1, 1, 1, 1]),
  selfAnswer(P[1]!, 'after', '2026-04-12', [3, 2, 5, 4]),
  selfAnswer(P[2]!, 'before', '2026-01-12', [3]),
  selfAnswer(P[3]!, 'after', '2026-04-13', [5]),
];

/*
 * Module answers: "forsorja-sig" 5 answers with satisfaction 5, 4, 4, 3, 5 (very satisfied 2/5,
 * satisfied 4/5); "halsa" 2 answers (5, 5): fewer than 5, so hidden in the breakdown.
 */
const moduleResponses = [
  ...[5, 4, 4, 3, 5].map((satisfaction, i) => response({ surveyId: 'module', moduleId: 'forsorja-sig', date: '2026-02-0' + (i + 1), answers: { satisfaction } })),
  ...[5, 5].map((satisfaction) => response({ surveyId: 'module', moduleId: 'halsa', date: '2026-02-10', answers: { satisfaction } })),
];

describe('aggregation with hand-computed numbers', () => {
  const aggregator = createAggregator({ surveys });
  // Each participant hands in one file; the first three course answers come in one file together.
  aggregator.addFile('course-a.json', json(exportFile(courseResponses.slice(0, 3))));
  courseResponses.slice(3).forEach((r, i) => aggregator.addFile(`course-${i}.json`, json(exportFile([r], { siteId: i % 2 ? 'svedala' : 'demo' }))));
  aggregator.addFile('self.json', json(exportFile(selfResponses)));
  aggregator.addFile('modules.json', json(exportFile(moduleResponses)));
  const report = aggregator.result();
  const course = bySurvey(report, 'course');

  it('counts files and responses', () => {
    expect(report.files).toEqual({ read: 8, valid: 8, invalid: [] });
    expect(report.responses).toEqual({ read: 22, counted: 22, duplicates: 0, skipped: 0, skippedByReason: {} });
    // demo: 3 + 3 of the single files (#4, #6, #8) + 7 self + 7 module = 20; svedala: #5 and #7.
    expect(report.sites).toEqual([{ siteId: 'demo', responses: 20 }, { siteId: 'svedala', responses: 2 }]);
  });

  it('computes the course indicators, each with its n', () => {
    // overall 5,5,4,5,3,5,2,5: five 5s of 8 → 0.625; 4–5 six of 8 → 0.75.
    // job 5,4,3,5,4,–,2,4: 4–5 five of 7. language 4,5,5,2,5,4,1,5: 4–5 six of 8.
    const expected = {
      verySatisfied: { n: 8, count: 5, share: 0.625 },
      satisfied: { n: 8, count: 6, share: 0.75 },
      jobKnowledge: { n: 7, count: 5, share: 5 / 7 },
      languageUnderstood: { n: 8, count: 6, share: 0.75 },
    };
    expect(course.indicators).toEqual(expected);
    expect(report.headline).toEqual(expected);
    expect(course.responses).toBe(8);
    expect(course.versions).toEqual([{ version: 1, responses: 8 }]);
  });

  it('gives per-question distributions', () => {
    // overall: one 2, one 3, one 4, five 5s; mean (2 + 3 + 4 + 25) / 8 = 4.25.
    expect(question(course, 'overall')).toEqual({ questionId: 'overall', type: 'likert5', indicator: 'overall-satisfaction', n: 8, counts: [0, 1, 1, 1, 5], mean: 4.25 });
    expect(question(course, 'helpful-parts')).toEqual({
      questionId: 'helpful-parts',
      type: 'multiple',
      n: 4,
      options: [
        { optionId: 'lessons', count: 3 },
        { optionId: 'discussions', count: 1 },
        { optionId: 'study-visits', count: 0 },
        { optionId: 'employers', count: 1 },
        { optionId: 'key-words', count: 0 },
      ],
    });
    expect(question(course, 'recommend')).toMatchObject({ n: 7, options: [{ optionId: 'yes', count: 4 }, { optionId: 'maybe', count: 1 }, { optionId: 'no', count: 2 }] });
  });

  it('passes Arabic and Persian free text through unchanged, as plain strings', () => {
    expect(question(course, 'improve')).toEqual({ questionId: 'improve', type: 'text', indicator: 'improve', n: 3, texts: ['Mer studiebesök, tack!', ARABIC, PERSIAN], textsOmitted: 0 });
    const persian = (question(course, 'improve') as { texts: string[] }).texts[2]!;
    expect(persian).toContain('\u200c'); // the zero-width non-joiner in "کلاس‌ها" survives
  });

  it('computes the mean change before → after over linked pairs, using the latest answer of each phase', () => {
    expect(bySurvey(report, 'self-assessment').selfAssessment).toEqual({
      linkedPairs: 2,
      beforeOnly: 1,
      afterOnly: 1,
      questions: [
        { questionId: 'find-work', pairs: 2, meanBefore: 1.5, meanAfter: 3.5, meanChange: 2 },
        { questionId: 'rights-at-work', pairs: 2, meanBefore: 1.5, meanAfter: 2.5, meanChange: 1 },
        { questionId: 'healthcare', pairs: 2, meanBefore: 2.5, meanAfter: 4.5, meanChange: 2 },
        { questionId: 'influence', pairs: 1, meanBefore: 2, meanAfter: 3, meanChange: 1 },
        { questionId: 'help-from-authorities', pairs: 1, meanBefore: 2, meanAfter: 4, meanChange: 2 },
      ],
    });
  });

  it('hides breakdown cells under 5 responses, leaving out their values', () => {
    // Course by locale: sv 4, ar 3, fa 1 → all hidden; by month: March 4, April 4 → hidden.
    expect(course.breakdowns.locale).toEqual([
      { key: 'ar', suppressed: true },
      { key: 'fa', suppressed: true },
      { key: 'sv', suppressed: true },
    ]);
    expect(course.breakdowns.month.every((row) => row.suppressed)).toBe(true);
    expect(course.breakdowns.module).toEqual([]);
    expect(bySurvey(report, 'module').breakdowns.module).toEqual([
      { key: 'forsorja-sig', suppressed: false, n: 5, indicators: { verySatisfied: { n: 5, count: 2, share: 0.4 }, satisfied: { n: 5, count: 4, share: 0.8 } } },
      { key: 'halsa', suppressed: true },
    ]);
    // The module survey's own satisfaction: 5,4,4,3,5,5,5 → very 4/7, satisfied 6/7. Not in the headline.
    expect(bySurvey(report, 'module').indicators).toEqual({ verySatisfied: { n: 7, count: 4, share: 4 / 7 }, satisfied: { n: 7, count: 6, share: 6 / 7 } });
  });

  it('uses the configured smallest group, hiding single cells whose n is too small', () => {
    const small = createAggregator({ surveys, minGroupSize: 3 });
    small.addFile('course.json', json(exportFile(courseResponses)));
    const locale = bySurvey(small.result(), 'course').breakdowns.locale;
    // ar (#4–6): overall 5,3,5 → very 2/3, satisfied 2/3; job 5,4 → n 2 < 3, hidden; language 2,5,4 → 2/3.
    // sv (#1–3, #8): overall 5,5,4,5 → 3/4 and 4/4; job 5,4,3,4 → 3/4; language 4,5,5,5 → 4/4.
    expect(locale).toEqual([
      {
        key: 'ar',
        suppressed: false,
        n: 3,
        indicators: { verySatisfied: { n: 3, count: 2, share: 2 / 3 }, satisfied: { n: 3, count: 2, share: 2 / 3 }, jobKnowledge: { suppressed: true }, languageUnderstood: { n: 3, count: 2, share: 2 / 3 } },
      },
      { key: 'fa', suppressed: true },
      {
        key: 'sv',
        suppressed: false,
        n: 4,
        indicators: { verySatisfied: { n: 4, count: 3, share: 0.75 }, satisfied: { n: 4, count: 4, share: 1 }, jobKnowledge: { n: 4, count: 3, share: 0.75 }, languageUnderstood: { n: 4, count: 4, share: 1 } },
      },
    ]);
    expect(bySurvey(small.result(), 'course').breakdowns.month.map((row) => [row.key, row.suppressed])).toEqual([['2026-03', false], ['2026-04', false]]);
  });

  it('gives the same numbers whatever order the files come in', () => {
    const reversed = createAggregator({ surveys });
    reversed.addFile('modules.json', json(exportFile([...moduleResponses].reverse())));
    reversed.addFile('self.json', json(exportFile([...selfResponses].reverse())));
    [...courseResponses].reverse().forEach((r, i) => reversed.addFile(`c${i}.json`, json(exportFile([r]))));
    const again = reversed.result();
    for (const id of ['course', 'module', 'self-assessment']) {
      const { questions: a, ...restA } = bySurvey(again, id);
      const { questions: b, ...restB } = bySurvey(report, id);
      expect(restA).toEqual(restB);
      expect(a.filter((q) => q.type !== 'text')).toEqual(b.filter((q) => q.type !== 'text'));
    }
  });
});

describe('duplicates', () => {
  it('counts a response handed in twice once, and reports the copies', () => {
    const aggregator = createAggregator({ surveys });
    const file = json(exportFile(courseResponses.slice(0, 3)));
    expect(aggregator.addFile('first.json', file)).toEqual({ ok: true, responses: 3, counted: 3, duplicates: 0, skipped: 0 });
    expect(aggregator.addFile('copy.json', file)).toEqual({ ok: true, responses: 3, counted: 0, duplicates: 3, skipped: 0 });
    // A later export from the same device repeats one old answer next to a new one.
    aggregator.addFile('later.json', json(exportFile([courseResponses[0]!, courseResponses[3]!])));
    const report = aggregator.result();
    expect(report.responses).toMatchObject({ read: 8, counted: 4, duplicates: 4 });
    expect(bySurvey(report, 'course').indicators.verySatisfied).toEqual({ n: 4, count: 3, share: 0.75 });
  });
});

describe('invalid files and skipped responses', () => {
  const hostile = exportFile([response({ answers: { overall: 5, improve: '<img src=x onerror=alert(1)>' } })]);

  it('records each invalid file with its reason and carries on with the others', () => {
    const aggregator = createAggregator({ surveys });
    aggregator.addFile('broken.json', '{"schemaVersion": 1, "kind": ');
    aggregator.addFile('future.json', json({ ...exportFile([]), schemaVersion: 2 }));
    aggregator.addFile('hostile.json', json(hostile));
    aggregator.addFile('progress.json', json({ $schema: '/schemas/progress.v1.json', schemaVersion: 1, kind: 'orienta.progress' }));
    aggregator.addFile('huge.json', json(exportFile([])) + ' '.repeat(surveyFile.maxBytes));
    aggregator.addRejectedFile('locked.json', { code: 'file-unreadable', message: 'EACCES' });
    aggregator.addFile('good.json', json(exportFile([courseResponses[0]!])));
    const report = aggregator.result();
    expect(report.files.read).toBe(7);
    expect(report.files.valid).toBe(1);
    expect(report.files.invalid.map((f) => [f.name, f.reason.code])).toEqual([
      ['broken.json', 'not-json'],
      ['future.json', 'newer-version'],
      ['hostile.json', 'markup'],
      ['progress.json', 'wrong-kind'],
      ['huge.json', 'file-too-large'],
      ['locked.json', 'file-unreadable'],
    ]);
    expect(report.responses.counted).toBe(1);
  });

  it('skips responses to unknown surveys and versions, and answers that do not fit the survey, with reasons', () => {
    const aggregator = createAggregator({ surveys });
    aggregator.addFile('mixed.json', json(exportFile([
      response({ surveyId: 'unknown-survey', answers: { q: 3 } }),
      response({ surveyVersion: 9, answers: { overall: 3 } }),
      response({ answers: { overall: 3, recommend: 'never' } }),
      response({ answers: { overall: 'yes' } }),
      response({ surveyId: 'self-assessment', answers: { 'find-work': 3 } }),
      response({ answers: { overall: 4 } }),
    ])));
    const report = aggregator.result();
    expect(report.files.invalid).toEqual([]);
    expect(report.responses).toEqual({ read: 6, counted: 1, duplicates: 0, skipped: 5, skippedByReason: { 'unknown-survey': 1, 'unknown-version': 1, 'answers-mismatch': 2, 'phase-mismatch': 1 } });
  });

  it('keeps free text up to the cap and counts the rest', () => {
    const aggregator = createAggregator({ surveys, maxTextAnswers: 2 });
    aggregator.addFile('a.json', json(exportFile(['ett', 'två', 'tre'].map((improve) => response({ answers: { overall: 4, improve } })))));
    expect(question(bySurvey(aggregator.result(), 'course'), 'improve')).toMatchObject({ n: 3, texts: ['ett', 'två'], textsOmitted: 1 });
  });

  it('refuses a bad minimum group size', () => {
    expect(() => createAggregator({ surveys, minGroupSize: 0 })).toThrow(RangeError);
  });
});
