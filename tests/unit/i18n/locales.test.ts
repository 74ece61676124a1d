import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { localeListSchema } from '../../../src/schemas/locale.ts';
import { intlTag } from '../../../src/lib/i18n/locales.ts';
import { formatLongDate } from '../../../src/lib/i18n/dates.ts';
import { formatNumber } from '../../../src/lib/i18n/numbers.ts';

const locales = localeListSchema.parse(JSON.parse(readFileSync('content/locales.json', 'utf8')));
const byCode = (code: string) => locales.find((l) => l.code === code)!;

describe('the locale list', () => {
  it('is right to left for Arabic, Persian and Dari, and left to right for the others', () => {
    expect(locales.filter((l) => l.dir === 'rtl').map((l) => l.code).sort()).toEqual(['ar', 'fa', 'prs']);
  });

  it('has easy Swedish as a plain-language edition of Swedish', () => {
    expect(byCode('sv-easy')).toMatchObject({ label: 'Lätt svenska', plainLanguageOf: 'sv', dir: 'ltr' });
  });

  it('refuses a duplicate code, a list that does not start with the source, a wrong direction and an unknown plain-language base', () => {
    const [sv, , en] = locales;
    expect(localeListSchema.safeParse([sv, en, en]).error?.issues[0]?.message).toMatch(/duplicate locale code "en"/);
    expect(localeListSchema.safeParse([en, sv]).error?.issues[0]?.message).toMatch(/first locale must be "sv"/);
    expect(localeListSchema.safeParse([sv, { ...byCode('ar'), dir: 'ltr' }]).error?.issues[0]?.message).toMatch(/"ar" is written right to left/);
    expect(localeListSchema.safeParse([sv, { ...en, code: 'ps', dir: 'ltr' }]).error?.issues[0]?.path).toEqual([1, 'dir']);
    expect(localeListSchema.safeParse([sv, { ...byCode('sv-easy'), plainLanguageOf: 'xx' }]).error?.issues[0]?.path).toEqual([1, 'plainLanguageOf']);
  });
});

describe('numbers and dates as the reader writes them', () => {
  it('uses a decimal comma in Swedish, Arabic-Indic digits in Arabic and Eastern ones in Dari', () => {
    expect(formatNumber(7.5, intlTag(byCode('sv')))).toBe('7,5');
    expect(formatNumber(120000, intlTag(byCode('sv')))).toBe('120\u00a0000');
    expect(formatNumber(120000, intlTag(byCode('ar')))).toBe('١٢٠٬٠٠٠');
    expect(formatNumber(120000, intlTag(byCode('prs')))).toBe('۱۲۰٬۰۰۰');
    expect(formatNumber(120000, intlTag(byCode('en')))).toBe('120,000');
  });

  it('writes Gregorian dates in every language, Persian and Dari included', () => {
    expect(formatLongDate('2025-10-01', intlTag(byCode('sv')))).toBe('1 oktober 2025');
    expect(formatLongDate('2025-10-01', intlTag(byCode('fa')))).toBe('۱ اکتبر ۲۰۲۵');
    expect(formatLongDate('2025-10-01', intlTag(byCode('ti')))).toMatch(/2025/);
    // A calendar day never shifts with the time zone; an instant does not throw either.
    expect(formatLongDate(new Date('2026-12-07T00:00:00Z'), intlTag(byCode('en')))).toBe('December 7, 2026');
    expect(formatLongDate('not a date', 'en')).toBe('not a date');
  });
});
