import { describe, expect, it } from 'vitest';
import { homePath, lessonPath, modulePath, stripBase, switchLocalePath, withBase } from '../../src/lib/routing/paths.ts';
import { pickLocale } from '../../src/lib/i18n/negotiate.ts';

describe('paths', () => {
  it('builds lesson, module and home paths without a leading slash', () => {
    expect(homePath('ar')).toBe('ar/');
    expect(modulePath('sv', 'forsorja-sig')).toBe('sv/forsorja-sig/');
    expect(lessonPath('en', 'forsorja-sig', 'a-kassa')).toBe('en/forsorja-sig/a-kassa/');
  });

  it('puts every path under the base, at the root or a sub-path', () => {
    expect(withBase('/', 'sv/')).toBe('/sv/');
    expect(withBase('/kommun/so/', 'sv/halsa/')).toBe('/kommun/so/sv/halsa/');
    expect(withBase('/kommun/so', '/sv/')).toBe('/kommun/so/sv/');
    expect(withBase('/kommun/so/')).toBe('/kommun/so/');
  });

  it('switches language and keeps the lesson', () => {
    expect(switchLocalePath('sv/forsorja-sig/a-kassa/', 'ar')).toBe('ar/forsorja-sig/a-kassa/');
    expect(switchLocalePath('/en/privacy/', 'ti')).toBe('ti/privacy/');
    expect(switchLocalePath('', 'uk')).toBe('uk/');
  });

  it('strips the base, and refuses paths outside it', () => {
    expect(stripBase('/kommun/so/', '/kommun/so/sv/')).toBe('sv/');
    expect(stripBase('/kommun/so/', '/kommun/so')).toBe('');
    expect(stripBase('/kommun/so/', '/other/sv/')).toBeNull();
  });
});

describe('pickLocale', () => {
  const available = ['sv', 'en', 'ar', 'fa', 'prs', 'so', 'ti', 'uk'];
  it('picks the first preferred language the site has', () => {
    expect(pickLocale(['ar-SE', 'en'], available)).toBe('ar');
    expect(pickLocale(['de-DE', 'uk-UA', 'en'], available)).toBe('uk');
  });
  it('maps fa-AF to Dari', () => {
    expect(pickLocale(['fa-AF'], available)).toBe('prs');
    expect(pickLocale(['fa-IR'], available)).toBe('fa');
  });
  it('falls back to the first site locale', () => {
    expect(pickLocale(['de-DE', 'fr'], available)).toBe('sv');
    expect(pickLocale([], ['en', 'sv'])).toBe('en');
  });
});
