import { describe, expect, it } from 'vitest';
import { createAggregator } from '../../../src/lib/survey/aggregate.ts';
import { publish } from '../../../src/lib/survey/publish.ts';
import { CSV_COLUMNS, followUpToCsv, formatSummaryText, summaryToCsv, summaryToJson, type FollowUpLabels } from '../../../src/lib/survey/summary-format.ts';
import { exportFile, readCsv, response, surveys } from './fixtures.ts';

const NOW = new Date('2026-12-07T12:00:00Z');

describe('summary downloads', () => {
  const aggregator = createAggregator({ surveys });
  const texts = ['=1+1', 'بیشتر, "لطفاً"\nممنون', '-minus', 'Helt okej'];
  aggregator.addFile(JSON.stringify(exportFile(texts.map((improve, i) => response({ locale: i < 2 ? 'fa' : 'sv', date: '2026-11-01', answers: { overall: 5 - i, improve } })))));
  aggregator.addFile('not json');
  const report = publish(aggregator.partial(), { minGroupSize: 2, now: NOW, texts: aggregator.texts() });

  it('writes one number per CSV row, free text safely quoted, invalid files by reason only', () => {
    const csv = summaryToCsv(report);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = readCsv(csv);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows.every((row) => row.length === CSV_COLUMNS.length)).toBe(true);
    const find = (section: string, measure: string, key = '') => rows.find((r) => r[0] === section && r[5] === measure && (key === '' || r[4] === key));
    // overall 5, 4, 3, 2: very satisfied 1/4, satisfied 2/4.
    expect(find('headline', 'share-very-satisfied', 'this-period')?.slice(6)).toEqual(['0.25', '', '', '4']);
    expect(find('headline', 'share-satisfied', 'this-period')?.slice(6)).toEqual(['0.5', '', '', '4']);
    expect(rows.filter((r) => r[0] === 'text').map((r) => r[6]).sort()).toEqual(["'-minus", "'=1+1", 'Helt okej', 'بیشتر, "لطفاً"\nممنون'].sort());
    expect(find('files', 'invalid', 'not-json')?.[6]).toBe('1');
    expect(find('settings', 'period')?.[6]).toBe('2026-10..2027-09');
  });

  it('writes a hidden cell as "hidden", with no number', () => {
    const strict = createAggregator({ surveys });
    strict.addFile(JSON.stringify(exportFile([response({ date: '2026-11-01', answers: { overall: 5 } })])));
    const rows = readCsv(summaryToCsv(publish(strict.partial(), { now: NOW }), { bom: false }));
    expect(rows.filter((r) => r[0] === 'headline').map((r) => [r[5], r[6], r[9]])).toContainEqual(['share-very-satisfied', 'hidden', '']);
    expect(rows.filter((r) => r[0] === 'breakdown' && r[1] === 'course' && r[3] === 'locale')).toEqual([
      ['breakdown', 'course', '', 'locale', 'sv', 'responses', 'hidden', '', '', ''],
      ['breakdown', 'course', '', 'locale', 'total', 'responses', 'hidden', '', '', ''],
    ]);
  });

  it('writes the report as JSON with its kind, and a readable text table', () => {
    expect(JSON.parse(summaryToJson(report))).toMatchObject({ kind: 'orienta.survey-summary', summaryVersion: 2, minGroupSize: 2 });
    const text = formatSummaryText(report, { surveys });
    expect(text).toContain('Satisfied (4–5)');
    expect(text).toContain('overall: Hur nöjd är du med kursen som helhet? (n 4)');
    expect(text).toContain('Files: 2 read, 1 valid, invalid: not-json: 1');
  });

  it('lays out the follow-up summary as Länsstyrelsen asks: started and answered, by language, gender, form and setting', () => {
    const follow = createAggregator({ surveys });
    const start = (locale: string, gender: string, n: number) =>
      Array.from({ length: n }, (_, i) => response({ surveyId: 'self-assessment', surveyVersion: 2, phase: 'before', pairingId: `${locale}${gender}`.padEnd(8, '0').slice(0, 8).replace(/[^0-9a-f]/g, 'a') + `-0000-4000-8000-${String(i).padStart(12, '0')}`, locale, date: '2026-10-20', answers: { gender, setting: 'classroom', 'find-work': 2 } }));
    follow.addFile(JSON.stringify(exportFile([...start('sv', 'woman', 8), ...start('sv', 'man', 7), ...start('ar', 'woman', 6), ...start('ar', 'man', 5)])));
    const labels: FollowUpLabels = {
      title: 'Uppföljning', period: 'Period', question: 'Fråga', answer: 'Svar', started: 'Började', answered: 'Svarade', total: 'Totalt', hidden: 'dolt',
      language: (c) => c, gender: (g) => g, form: (f) => f, setting: (s) => s, byLanguage: 'Språk', byGender: 'Kön', byLanguageAndGender: 'Språk och kön', byForm: 'Form', bySetting: 'Upplägg', minGroupNote: 'Grupper under 5 döljs.',
    };
    const rows = readCsv(followUpToCsv(publish(follow.partial(), { now: NOW }), labels));
    expect(rows[1]).toEqual(['Period', '2026-10 – 2027-09']);
    expect(rows.find((r) => r[0] === 'Totalt')).toEqual(['Totalt', '', '26', '0']);
    expect(rows.filter((r) => r[0] === 'Språk').map((r) => r.slice(1, 3))).toEqual([['ar', '11'], ['sv', '15']]);
    expect(rows.filter((r) => r[0] === 'Kön').map((r) => r.slice(1, 3))).toEqual([['man', '12'], ['woman', '14']]);
    expect(rows.find((r) => r[0] === 'Upplägg' && r[1] === 'classroom')?.[2]).toBe('26');
  });
});
