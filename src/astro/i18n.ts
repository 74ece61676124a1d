/**
 * UI strings at build time. One isolated i18next instance; pages and components get a fixed `t`
 * for their locale through `useTranslations()`. Nothing here ships to the browser: islands receive
 * already-translated strings as props (`islandStrings()`).
 */
import i18next, { type TFunction } from 'i18next';
import { locales as siteLocales } from './site.ts';
import type { Locale } from '../schemas/locale.ts';
import { uiStringsSchema, type UiKey } from '../schemas/ui.ts';
import { formatIssues } from '../lib/schema/issues.ts';
import { intlTag, SOURCE_LOCALE } from '../lib/i18n/locales.ts';
import { formatLongDate, type DateInput } from '../lib/i18n/dates.ts';
import { format } from '../lib/i18n/format.ts';

const files = import.meta.glob<Record<string, string>>('../i18n/ui/*.json', { eager: true, import: 'default' });

const resources: Record<string, { translation: Record<string, string> }> = {};
for (const [path, strings] of Object.entries(files)) {
  const code = path.replace(/^.*\/([\w-]+)\.json$/, '$1');
  resources[code] = { translation: strings };
}

// The source locale is parsed strictly: a missing or misspelt key fails the build.
const source = uiStringsSchema.safeParse(resources[SOURCE_LOCALE]?.translation);
if (!source.success) throw new Error(formatIssues(`src/i18n/ui/${SOURCE_LOCALE}.json`, source.error));

const instance = i18next.createInstance();
await instance.init({
  resources,
  lng: SOURCE_LOCALE,
  fallbackLng: SOURCE_LOCALE,
  keySeparator: false,
  nsSeparator: false,
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

/** Every locale this site publishes, in display order. */
export const locales: Locale[] = siteLocales;

/** Looks up a locale the site publishes; throws for an unknown code. */
export function getLocale(code: string): Locale {
  const locale = locales.find((l) => l.code === code);
  if (!locale) throw new Error(`Unknown locale "${code}"`);
  return locale;
}

/** A typed translate function fixed to one locale. */
export type Translate = (key: UiKey, options?: Record<string, unknown>) => string;

/**
 * Returns the translate function, the BCP-47 tag and the direction for a locale.
 *
 * @example const { t, dir, lang } = useTranslations('ar'); t('nav.home')
 */
export function useTranslations(code: string): { t: Translate; dir: 'ltr' | 'rtl'; lang: string; intl: string; locale: Locale } {
  const locale = getLocale(code);
  const fixed: TFunction = instance.getFixedT(code);
  const intl = intlTag(locale);
  // i18next picks the string (and its plural form, by `count`) but does not fill it in: `format`
  // does, writing every number as the reader writes it ("7,5 timmar", "۱۰" in Persian).
  const untouched = { prefix: '\u0002', suffix: '\u0003' };
  const t: Translate = (key, options = {}) => {
    const template = String(fixed(key, { ...options, interpolation: untouched }));
    return format(template, options as Record<string, string | number>, intl);
  };
  return { t, dir: locale.dir, lang: locale.tag, intl, locale };
}

/** Formats a date for a locale, e.g. "12 mars 2026" (see `formatLongDate`). */
export function formatDate(date: DateInput, code: string): string {
  return formatLongDate(date, intlTag(getLocale(code)));
}

/**
 * Raw UI string templates for islands, with `{{placeholders}}` left in for `format()` on the
 * client. Only the keys an island needs are shipped.
 */
export function islandStrings<K extends UiKey>(code: string, keys: readonly K[]): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const key of keys) {
    const value = instance.getResource(code, 'translation', key) ?? instance.getResource(SOURCE_LOCALE, 'translation', key);
    out[key] = String(value ?? key);
  }
  return out;
}

/** Locales that are plain-language editions of another (easy Swedish), in display order. */
export function plainLanguageLocales(): Locale[] {
  return locales.filter((l) => l.plainLanguageOf);
}

/** The plain-language edition a page in `code` can be read beside (easy Swedish), unless `code` is one. */
export function plainLanguageFor(code: string): Locale | undefined {
  return getLocale(code).plainLanguageOf ? undefined : plainLanguageLocales()[0];
}
