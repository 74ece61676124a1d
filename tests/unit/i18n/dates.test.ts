import { describe, expect, it } from 'vitest';

describe('own month names for languages browsers lack', () => {
  it('match CLDR as Node formats them, and are used when the runtime has no data', async () => {
    const { OWN_DATA, formatLongDate } = await import('../../../src/lib/i18n/dates.ts');
    for (const [lang, { months }] of Object.entries(OWN_DATA)) {
      const node = new Intl.DateTimeFormat(lang, { month: 'long', timeZone: 'UTC' });
      expect(months, lang).toEqual(Array.from({ length: 12 }, (_, i) => node.format(new Date(Date.UTC(2026, i, 15)))));
      // Node has the data: the same text either way.
      expect(formatLongDate('2026-03-02', `${lang}-u-ca-gregory-nu-latn`)).toBe(new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date('2026-03-02T00:00:00Z')));
    }
    // A runtime without Tigrinya data (Chrome) gets the same words, not English.
    const supported = Intl.DateTimeFormat.supportedLocalesOf;
    Intl.DateTimeFormat.supportedLocalesOf = () => [];
    try {
      expect(formatLongDate('2026-03-02', 'ti-u-ca-gregory-nu-latn')).toBe('መጋቢት 2, 2026');
      expect(formatLongDate('2026-10-01', 'so')).toBe('Oktoobar 1, 2026');
    } finally {
      Intl.DateTimeFormat.supportedLocalesOf = supported;
    }
  });
});
