/**
 * UI strings at build time. One isolated i18next instance; pages and components get a fixed `t`
 * for their locale through `useTranslations()`. Nothing here ships to the browser: islands receive
 * already-translated strings as props.
 */
import i18next, { type TFunction } from 'i18next';
import { locales as siteLocales } from 'virtual:orienta/site';
import type { Locale } from '../schemas/locale.ts';
import { uiStringsSchema, type UiKey } from '../schemas/ui.ts';
import { formatIssues } from '../lib/content/format-issues.ts';

const files = import.meta.glob<Record<string, string>>('./ui/*.json', { eager: true, import: 'default' });

const resources: Record<string, { translation: Record<string, string> }> = {};
for (const [path, strings] of Object.entries(files)) {
  const code = path.replace(/^.*\/(\w+)\.json$/, '$1');
  resources[code] = { translation: strings };
}

// The default locale is parsed strictly: a missing or misspelt key fails the build.
const sv = uiStringsSchema.safeParse(resources.sv?.translation);
if (!sv.success) throw new Error(formatIssues('src/i18n/ui/sv.json', sv.error));

const instance = i18next.createInstance();
await instance.init({
  resources,
  lng: 'sv',
  fallbackLng: 'sv',
  keySeparator: false,
  nsSeparator: false,
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

/** Every locale this site publishes, in display order. */
export const locales: Locale[] = siteLocales;
/** The locale used for content when a translation is missing. */
export const sourceLocale = 'sv';

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
export function useTranslations(code: string): { t: Translate; dir: 'ltr' | 'rtl'; lang: string; locale: Locale } {
  const locale = getLocale(code);
  const fixed: TFunction = instance.getFixedT(code);
  const t: Translate = (key, options) => String(fixed(key, options ?? {}));
  return { t, dir: locale.dir, lang: locale.tag, locale };
}

/** Formats a date for a locale, e.g. "12 mars 2026". Falls back to ISO when Intl lacks the locale. */
export function formatDate(date: Date, code: string): string {
  const tag = getLocale(code).tag;
  try {
    return new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
  } catch {
    return date.toISOString().slice(0, 10);
  }
}

/**
 * Raw UI string templates for islands, with `{{placeholders}}` left in for `format()` on the
 * client. Only the keys an island needs are shipped.
 */
export function islandStrings<K extends UiKey>(code: string, keys: readonly K[]): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const key of keys) {
    const value = instance.getResource(code, 'translation', key) ?? instance.getResource('sv', 'translation', key);
    out[key] = String(value ?? key);
  }
  return out;
}
