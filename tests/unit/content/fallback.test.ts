import { describe, expect, it } from 'vitest';
import { byLocale, resolveLocalized } from '../../../src/lib/content/fallback.ts';
import { SOURCE_LOCALE } from '../../../src/lib/i18n/locales.ts';

describe('the one fallback resolver', () => {
  it('shows the reader’s own text when there is one', () => {
    expect(resolveLocalized({ sv: 'Hej', ar: 'مرحبا' }, 'ar')).toEqual({ value: 'مرحبا', contentLocale: 'ar', isFallback: false });
  });

  it('falls back to the source language, flagged, when the reader’s locale has none (or an empty text)', () => {
    expect(resolveLocalized({ sv: 'Hej', en: 'Hello' }, 'ti')).toEqual({ value: 'Hej', contentLocale: SOURCE_LOCALE, isFallback: true });
    expect(resolveLocalized({ sv: 'Hej', ti: '' }, 'ti')).toMatchObject({ contentLocale: 'sv', isFallback: true });
  });

  it('never calls the source language a fallback in itself', () => {
    expect(resolveLocalized({ sv: 'Hej' }, 'sv')).toEqual({ value: 'Hej', contentLocale: 'sv', isFallback: false });
  });

  it('takes maps of entries as well as records of strings, and says when nothing exists', () => {
    const versions = new Map([['sv', { id: 'sv/privacy' }], ['en', { id: 'en/privacy' }]]);
    expect(resolveLocalized(versions, 'en')?.value.id).toBe('en/privacy');
    expect(resolveLocalized(versions, 'so')?.value.id).toBe('sv/privacy');
    expect(resolveLocalized(new Map(), 'so')).toBeUndefined();
  });

  it('groups locale-first entries by the rest of their id', () => {
    const grouped = byLocale([{ id: 'sv/privacy' }, { id: 'en/privacy' }, { id: 'sv/accessibility' }, { id: 'nolocale' }]);
    expect([...grouped.keys()]).toEqual(['privacy', 'accessibility']);
    expect([...grouped.get('privacy')!.keys()]).toEqual(['sv', 'en']);
  });
});
