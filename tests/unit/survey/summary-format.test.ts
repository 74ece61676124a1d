import { describe, expect, it } from 'vitest';
import { createAggregator } from '../../../src/lib/survey/aggregate.ts';
import { CSV_COLUMNS, formatSummaryText, summaryToCsv, summaryToJson } from '../../../src/lib/survey/summary-format.ts';
import { exportFile, readCsv, response, surveys } from './fixtures.ts';

describe('summary downloads', () => {
  const aggregator = createAggregator({ surveys, minGroupSize: 2 });
  const texts = ['=1+1', 'بیشتر, "لطفاً"\nممنون', '-minus', 'Helt okej'];
  aggregator.addFile('a.json', JSON.stringify(exportFile(texts.map((improve, i) => response({ locale: i < 2 ? 'fa' : 'sv', answers: { overall: 5 - i, improve } })))));
  aggregator.addFile('=evil(),name.json', 'not json');
  const report = aggregator.result();

  it('writes one number per CSV row, free text and file names safely quoted', () => {
    const csv = summaryToCsv(report);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = readCsv(csv);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows.every((row) => row.length === CSV_COLUMNS.length)).toBe(true);
    const find = (section: string, measure: string, key = '') => rows.find((r) => r[0] === section && r[5] === measure && (key === '' || r[4] === key));
    // overall 5, 4, 3, 2: very satisfied 1/4, satisfied 2/4.
    expect(find('headline', 'share-very-satisfied')).toEqual(['headline', '', '', '', '', 'share-very-satisfied', '0.25', '1', '4']);
    expect(find('headline', 'share-satisfied')?.slice(6)).toEqual(['0.5', '2', '4']);
    expect(rows.filter((r) => r[0] === 'text').map((r) => r[6])).toEqual(["'=1+1", 'بیشتر, "لطفاً"\nممنون', "'-minus", 'Helt okej']);
    expect(rows.find((r) => r[0] === 'invalid-file')?.slice(4, 6)).toEqual(["'=evil(),name.json", 'not-json']);
    expect(rows.filter((r) => r[0] === 'breakdown' && r[3] === 'locale' && r[5] === 'responses').map((r) => [r[4], r[6]])).toEqual([['fa', '2'], ['sv', '2']]);
  });

  it('marks suppressed cells without numbers', () => {
    const strict = createAggregator({ surveys });
    strict.addFile('a.json', JSON.stringify(exportFile([response({ answers: { overall: 5 } })])));
    const rows = readCsv(summaryToCsv(strict.result(), { bom: false }));
    expect(rows.filter((r) => r[0] === 'breakdown')).toEqual([
      ['breakdown', 'course', '', 'locale', 'sv', 'responses', 'suppressed', '', ''],
      ['breakdown', 'course', '', 'month', '2026-03', 'responses', 'suppressed', '', ''],
    ]);
  });

  it('writes the report as JSON with its kind', () => {
    const parsed = JSON.parse(summaryToJson(report));
    expect(parsed).toMatchObject({ kind: 'orienta.survey-summary', summaryVersion: 1, minGroupSize: 2 });
    expect(parsed.surveys).toEqual(JSON.parse(JSON.stringify(report.surveys)));
  });

  it('prints a readable table with the question texts and no control characters from files', () => {
    const noisy = createAggregator({ surveys });
    noisy.addFile('evil\u001b[31m.json', '');
    const text = formatSummaryText({ ...report, files: noisy.result().files }, { surveys });
    expect(text).toContain('Satisfied (4–5)');
    expect(text).toContain('overall: Hur nöjd är du med kursen som helhet? (n 4)');
    expect(text).toContain('evil?[31m.json: not-json');
    expect(text).not.toContain('\u001b');
  });
});
