import { describe, expect, it } from 'vitest';
import { csvCell, csvDelimiterFor, toCsv } from '../../../src/lib/text/csv.ts';

describe('CSV', () => {
  it('quotes the delimiter, quotes, line breaks and outer spaces', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('a;b')).toBe('a;b');
    expect(csvCell('a;b', ';')).toBe('"a;b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(' padded ')).toBe('" padded "');
    expect(csvCell(null)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
  });

  it('defuses text that a spreadsheet would run as a formula, but writes numbers as numbers', () => {
    expect(csvCell('=HYPERLINK("http://x.example","klick")')).toBe(`"'=HYPERLINK(""http://x.example"",""klick"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell(-0.5)).toBe('-0.5');
  });

  it('writes a document with a byte-order mark and CRLF line ends', () => {
    expect(toCsv([['a', 1], ['ب', null]])).toBe('\uFEFFa,1\r\nب,\r\n');
    expect(toCsv([['a', 'b']], { delimiter: ';', bom: false })).toBe('a;b\r\n');
  });

  it('picks the delimiter a spreadsheet in the reader’s language expects', () => {
    expect(csvDelimiterFor('sv-SE')).toBe(';');
    expect(csvDelimiterFor('uk')).toBe(';');
    expect(csvDelimiterFor('en')).toBe(',');
  });
});
