import { describe, expect, it } from 'vitest';
import { createAggregator } from '../../../src/lib/survey/aggregate.ts';
import { GrowingKeySet } from '../../../src/lib/survey/key-set.ts';
import { mergePartials } from '../../../src/lib/survey/partial.ts';
import { previousPeriod, publish, soPeriodOf, type PublishedReport, type PublishedSurvey } from '../../../src/lib/survey/publish.ts';
import { summaryToCsv } from '../../../src/lib/survey/summary-format.ts';
import type { ExportedResponse } from '../../../src/schemas/survey-response.ts';
import { exportFile, response, surveys, uuid } from './fixtures.ts';

const json = (value: unknown) => JSON.stringify(value);
const bySurvey = (report: PublishedReport, id: string) => report.surveys.find((s) => s.surveyId === id)!;
const question = (summary: PublishedSurvey, id: string) => summary.questions.find((q) => q.id === id)!;
/** Every answer, no suppression: checks the arithmetic. */
const exact = (aggregator: ReturnType<typeof createAggregator>) => publish(aggregator.partial(), { minGroupSize: 1, period: null, texts: aggregator.texts() });

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
  aggregator.addFile(json(exportFile(courseResponses.slice(0, 3))));
  courseResponses.slice(3).forEach((r, i) => aggregator.addFile(json(exportFile([r], { siteId: i % 2 ? 'svedala' : 'demo' }))));
  aggregator.addFile(json(exportFile(selfResponses)));
  aggregator.addFile(json(exportFile(moduleResponses)));
  const summary = aggregator.partial();
  const report = exact(aggregator);
  const course = bySurvey(report, 'course');

  it('counts files, responses and sites', () => {
    expect(summary.files).toEqual({ read: 8, valid: 8, invalid: {} });
    expect(summary.responses).toEqual({ read: 22, counted: 22, duplicates: 0, skipped: 0, skippedByReason: {} });
    expect(summary.sites).toEqual({ demo: 20, svedala: 2 });
  });

  it('computes the course indicators, each with its n', () => {
    // overall 5,5,4,5,3,5,2,5: five 5s of 8; 4–5 six of 8. job: 4–5 five of 7. language: 4–5 six of 8.
    const shown = (count: number, n: number) => ({ hidden: false, n, count, share: count / n });
    expect(report.headline.verySatisfied?.current).toEqual(shown(5, 8));
    expect(report.headline.satisfied?.current).toEqual(shown(6, 8));
    expect(report.headline.jobKnowledge?.current).toEqual(shown(5, 7));
    expect(report.headline.languageUnderstood?.current).toEqual(shown(6, 8));
    expect(course.responses).toBe(8);
  });

  it('breaks indicators down by language and month', () => {
    const locale = course.tables.find((t) => t.dimension === 'locale')!;
    expect(locale.rows.map((r) => (r.hidden ? [r.key] : [r.key, r.n, r.indicators.verySatisfied]))).toEqual([
      ['ar', 3, { hidden: false, n: 3, count: 2, share: 2 / 3 }],
      ['fa', 1, { hidden: false, n: 1, count: 0, share: 0 }],
      ['sv', 4, { hidden: false, n: 4, count: 3, share: 3 / 4 }],
    ]);
    expect(course.tables.find((t) => t.dimension === 'month')!.rows.map((r) => [r.key, !r.hidden && r.n])).toEqual([['2026-03', 4], ['2026-04', 4]]);
  });

  it('counts answer distributions and keeps free text as plain text', () => {
    expect(question(course, 'overall')).toMatchObject({ type: 'likert5', n: 8, counts: [0, 1, 1, 1, 5], mean: 34 / 8 });
    expect(question(course, 'helpful-parts')).toMatchObject({ n: 4, options: expect.arrayContaining([{ id: 'lessons', count: 3 }, { id: 'employers', count: 1 }]) });
    const improve = question(course, 'improve');
    expect(improve.hidden === false && improve.type === 'text' && [...improve.texts].sort()).toEqual(['Mer studiebesök, tack!', ARABIC, PERSIAN].sort());
  });

  it('links before and after answers by pairing id and takes the latest of each', () => {
    const self = bySurvey(report, 'self-assessment');
    const change = (id: string) => self.selfAssessment!.find((c) => c.id === id)!.change;
    expect(change('find-work')).toMatchObject({ hidden: false, pairs: 2, meanBefore: 1.5, meanAfter: 3.5, change: 2 });
    expect(change('rights-at-work')).toMatchObject({ pairs: 2, change: 1 });
    expect(change('healthcare')).toMatchObject({ pairs: 2, meanBefore: 2.5, meanAfter: 4.5 });
    expect(change('influence')).toMatchObject({ pairs: 1, change: 1 });
    const pairs = Object.values(summary.surveys.find((s) => s.surveyId === 'self-assessment')!.pairs);
    expect(pairs.reduce((n, p) => n + p.linked, 0)).toBe(2);
    expect(pairs.reduce((n, p) => n + p.beforeOnly, 0)).toBe(1);
    expect(pairs.reduce((n, p) => n + p.afterOnly, 0)).toBe(1);
    // The headline change pools every question's pairs: 4 + 2 + 4 + 1 + 2 points over 8 question-pairs.
    expect(report.headline.knowledgeChange?.current).toMatchObject({ hidden: false, pairs: 8, change: 13 / 8 });
  });

  it('counts the same answers whatever the order of the files', () => {
    const reversed = createAggregator({ surveys });
    reversed.addFile(json(exportFile(moduleResponses)));
    reversed.addFile(json(exportFile([...selfResponses].reverse())));
    [...courseResponses.slice(3)].reverse().forEach((r, i, all) => reversed.addFile(json(exportFile([r], { siteId: (all.length - 1 - i) % 2 ? 'svedala' : 'demo' }))));
    reversed.addFile(json(exportFile(courseResponses.slice(0, 3))));
    const again = reversed.partial();
    expect(again.surveys.map((s) => ({ ...s, questions: s.questions.map((q) => ({ ...q })) }))).toEqual(summary.surveys);
  });
});

describe('what cannot count', () => {
  it('counts a response handed in twice once, and refuses unknown surveys, versions, modules and answers', () => {
    const aggregator = createAggregator({ surveys, moduleIds: new Set(['forsorja-sig', 'halsa']) });
    const once = response({ answers: { overall: 5 } });
    aggregator.addFile(json(exportFile([once, response({ surveyId: 'nope' }), response({ surveyVersion: 9 }), response({ surveyId: 'module', moduleId: 'okand-modul', answers: { satisfaction: 4 } }), response({ answers: { overall: 'yes' } as never })])));
    aggregator.addFile(json(exportFile([once])));
    aggregator.addFile('not json');
    aggregator.addRejectedFile('file-too-large');
    const summary = aggregator.partial();
    expect(summary.responses).toMatchObject({ counted: 1, duplicates: 1, skipped: 4, skippedByReason: { 'unknown-survey': 1, 'unknown-version': 1, 'unknown-module': 1, 'answers-mismatch': 1 } });
    expect(summary.files).toEqual({ read: 4, valid: 2, invalid: { 'not-json': 1, 'file-too-large': 1 } });
  });
});

/** Answers for a privacy test: `n` course answers in `locale`, each with a comment in that language. */
const answersIn = (locale: string, n: number, date = '2026-11-10', extra: ExportedResponse['answers'] = {}) =>
  Array.from({ length: n }, (_, i) => response({ surveyVersion: 2, locale, date, answers: { overall: 1 + (i % 5), 'job-knowledge': 4, improve: `${locale} kommentar ${i}`, ...extra } }));

describe('privacy of the published report', () => {
  const NOW = new Date('2026-12-07T12:00:00Z');

  it('the issue case: 20 Swedish and 2 Arabic answers; the Arabic pair cannot be recovered by subtraction', () => {
    const aggregator = createAggregator({ surveys });
    aggregator.addFile(json(exportFile([...answersIn('sv', 20), ...answersIn('ar', 2)])));
    const report = publish(aggregator.partial(), { minGroupSize: 5, now: NOW, texts: aggregator.texts() });
    const course = bySurvey(report, 'course');
    // The total is published…
    expect(report.headline.verySatisfied?.current).toMatchObject({ hidden: false, n: 22 });
    // …so the Swedish row must be hidden too, or total − Swedish = the Arabic pair.
    const locale = course.tables.find((t) => t.dimension === 'locale')!;
    expect(locale.rows).toEqual([{ key: 'ar', hidden: true }, { key: 'sv', hidden: true }]);
    expect(report.followUp.answered.byLanguageAndGender.rowTotals).toEqual([null, null]);
    // Free text is shown for the question (22 answers), but not the lone Arabic comments, and not grouped by language.
    const improve = question(course, 'improve');
    expect(improve).toMatchObject({ hidden: false, n: 22, withheld: 2 });
    if (!improve.hidden && improve.type === 'text') {
      expect(improve.texts.some((t) => t.startsWith('ar'))).toBe(false);
      expect(improve.texts).not.toEqual([...improve.texts].sort());
    }
  });

  it('shows no distribution, free text, indicator or change for three answers, and all of them for forty', () => {
    const few = createAggregator({ surveys });
    few.addFile(json(exportFile(answersIn('sv', 3))));
    const small = publish(few.partial(), { minGroupSize: 5, now: NOW, texts: few.texts() });
    expect(small.headline.verySatisfied?.current).toEqual({ hidden: true });
    expect(bySurvey(small, 'course').questions.every((q) => q.hidden)).toBe(true);
    expect(bySurvey(small, 'course').responses).toBeNull();
    expect(summaryToCsv(small)).not.toMatch(/kommentar/);

    const many = createAggregator({ surveys });
    many.addFile(json(exportFile([...answersIn('sv', 20), ...answersIn('ar', 20)])));
    const large = publish(many.partial(), { minGroupSize: 5, now: NOW, texts: many.texts() });
    expect(large.headline.verySatisfied?.current).toMatchObject({ hidden: false, n: 40, interval: expect.any(Array) });
    expect(question(bySurvey(large, 'course'), 'overall')).toMatchObject({ hidden: false, n: 40 });
    expect(question(bySurvey(large, 'course'), 'improve')).toMatchObject({ hidden: false, withheld: 0 });
  });

  it('hides a before/after change with fewer pairs than the minimum', () => {
    const aggregator = createAggregator({ surveys });
    aggregator.addFile(json(exportFile(selfResponses)));
    const report = publish(aggregator.partial(), { minGroupSize: 5, period: null });
    expect(bySurvey(report, 'self-assessment').selfAssessment!.every((c) => c.change.hidden)).toBe(true);
    expect(report.headline.knowledgeChange?.current).toMatchObject({ hidden: false, pairs: 8 });
  });

  it('names no file and no participant in any download', () => {
    const aggregator = createAggregator({ surveys });
    aggregator.addFile(json(exportFile(answersIn('sv', 12))));
    aggregator.addFile('{"kind": "orienta.survey-responses"');
    const csv = summaryToCsv(publish(aggregator.partial(), { minGroupSize: 5, now: NOW }));
    expect(csv).toMatch(/files,,,,not-json,invalid,1/);
    expect(JSON.stringify(aggregator.partial())).not.toMatch(/kommentar|responseId|pairingId|\d{4}-\d{2}-\d{2}/);
  });
});

describe('reporting periods', () => {
  it('follow Länsstyrelsen: 1 October to 30 September, with last period beside this one', () => {
    expect(soPeriodOf(new Date('2026-12-07T00:00:00Z'))).toEqual({ from: '2026-10', to: '2027-09' });
    expect(soPeriodOf(new Date('2026-09-30T00:00:00Z'))).toEqual({ from: '2025-10', to: '2026-09' });
    expect(previousPeriod({ from: '2026-10', to: '2027-09' })).toEqual({ from: '2025-10', to: '2026-09' });
    const aggregator = createAggregator({ surveys });
    aggregator.addFile(json(exportFile([...answersIn('sv', 10, '2025-11-02'), ...answersIn('sv', 6, '2026-11-02')])));
    const report = publish(aggregator.partial(), { minGroupSize: 5, now: new Date('2026-12-07T00:00:00Z') });
    expect(report.headline.verySatisfied).toMatchObject({ current: { hidden: false, n: 6 }, previous: { hidden: false, n: 10 } });
  });
});

describe('partial summaries', () => {
  it('merge exactly: A merged with B equals A and B aggregated together', () => {
    const all = [
      ...answersIn('sv', 17, '2026-10-05', { gender: 'woman', setting: 'classroom' }),
      ...answersIn('ar', 9, '2026-11-05', { gender: 'man', form: 'intensive' }),
      ...answersIn('so', 4, '2026-12-01'),
    ].map((r, i) => ({ ...r, site: i % 3 === 0 ? 'a' : 'b' }));
    const moduleAnswers = moduleResponses.map((r, i) => ({ ...r, site: i % 2 ? 'a' : 'b' }));
    const selfAnswers = selfResponses.map((r) => ({ ...r, site: r.pairingId === P[0] || r.pairingId === P[2] ? 'a' : 'b' }));
    const of = (site?: string) => {
      const aggregator = createAggregator({ surveys });
      for (const group of [all, moduleAnswers, selfAnswers]) {
        const mine = group.filter((r) => !site || r.site === site).map(({ site: _s, ...r }) => r as ExportedResponse);
        if (mine.length) aggregator.addFile(json(exportFile(mine)));
      }
      return aggregator.partial();
    };
    const merged = mergePartials([of('a'), of('b')]);
    const together = of();
    expect(merged.responses).toEqual(together.responses);
    expect(merged.surveys).toEqual(together.surveys);
    const options = { minGroupSize: 5, period: null };
    // Everything but the count of files (the split made more files) is the same.
    const { files: _m, ...fromMerged } = publish(merged, options);
    const { files: _t, ...fromTogether } = publish(together, options);
    expect(fromMerged).toEqual(fromTogether);
    expect(mergePartials([of('b'), of('a')]).surveys).toEqual(together.surveys);
  });
});

describe('aggregating in parts (the CLI\'s worker threads)', () => {
  // Forty course answers with free text, the self-assessments (a pair split between the parts),
  // the module answers, and one file handed in to both parts.
  const texts = Array.from({ length: 40 }, (_, i) => response({ responseId: uuid(i + 1, 'fefefefe'), locale: i % 2 ? 'sv' : 'ar', date: `2026-1${i % 2}-0${1 + (i % 9)}`, answers: { overall: 1 + (i % 5), improve: `Kommentar nummer ${i + 1}` } }));
  const files = [
    ...texts.map((r) => json(exportFile([r]))),
    ...selfResponses.map((r) => json(exportFile([r]))),
    json(exportFile(moduleResponses)),
  ];
  const shared = json(exportFile([courseResponses[0]!]));

  it('absorbing the parts gives exactly what one aggregator gives, free-text sample included', () => {
    const one = createAggregator({ surveys, maxTextAnswers: 7 });
    for (const file of [...files, shared, shared]) one.addFile(file);

    const seen = new GrowingKeySet();
    const parts = [createAggregator({ surveys, maxTextAnswers: 7, seen }), createAggregator({ surveys, maxTextAnswers: 7, seen })];
    files.forEach((file, i) => parts[i % 2]!.addFile(file));
    parts[0]!.addFile(shared);
    parts[1]!.addFile(shared);
    const joined = createAggregator({ surveys, maxTextAnswers: 7 });
    for (const part of parts) joined.absorb(structuredClone(part.snapshot()));

    expect(joined.partial()).toEqual(one.partial());
    expect(joined.partial().responses).toMatchObject({ counted: 40 + 7 + 7 + 1, duplicates: 1 });
    const sorted = (aggregator: typeof one) => aggregator.texts().map((t) => ({ ...t, texts: [...t.texts].sort((a, b) => (a.text < b.text ? -1 : 1)) }));
    expect(sorted(joined)).toEqual(sorted(one));
    expect(one.texts()[0]).toMatchObject({ questionId: 'improve', omitted: 33 });
    expect(one.texts()[0]!.texts).toHaveLength(7);
  });

  it('keeps the same free-text sample whatever the order of the files', () => {
    const forwards = createAggregator({ surveys, maxTextAnswers: 5 });
    const backwards = createAggregator({ surveys, maxTextAnswers: 5 });
    files.forEach((file) => forwards.addFile(file));
    [...files].reverse().forEach((file) => backwards.addFile(file));
    const kept = (aggregator: typeof forwards) => aggregator.texts()[0]!.texts.map((t) => t.text).sort();
    expect(kept(backwards)).toEqual(kept(forwards));
    expect(kept(forwards)).toHaveLength(5);
  });
});
