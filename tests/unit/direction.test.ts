import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { directionOf } from '../../src/lib/i18n/direction.ts';
import { localeListSchema } from '../../src/schemas/locale.ts';

const locales = localeListSchema.parse(JSON.parse(readFileSync('content/locales.json', 'utf8')));

describe('text direction', () => {
  it('is rtl for Arabic, Persian and Dari, and ltr for the others', () => {
    const rtl = locales.filter((l) => l.dir === 'rtl').map((l) => l.code).sort();
    expect(rtl).toEqual(['ar', 'fa', 'prs']);
  });

  it('agrees with the locale list for every locale', () => {
    for (const locale of locales) expect(directionOf(locale.code), locale.code).toBe(locale.dir);
  });

  it('knows RTL languages outside the list, and treats bad tags as ltr', () => {
    expect(directionOf('ps-AF')).toBe('rtl');
    expect(directionOf('he')).toBe('rtl');
    expect(directionOf('ti-ER')).toBe('ltr');
    expect(directionOf('!!')).toBe('ltr');
  });
});

describe('locale list schema', () => {
  it('rejects a duplicate code and a list that does not start with Swedish', () => {
    const sv = locales[0]!;
    const en = locales[1]!;
    const dup = localeListSchema.safeParse([sv, en, en]);
    expect(dup.success).toBe(false);
    expect(dup.error?.issues[0]?.message).toMatch(/duplicate locale code "en"/);
    const noSv = localeListSchema.safeParse([en, sv]);
    expect(noSv.error?.issues[0]?.message).toMatch(/first locale must be "sv"/);
  });
});
