/**
 * The one fallback rule for every kind of content: lessons, module texts, pages, teacher guides,
 * surveys and a municipality's local resources all ask `resolveLocalized` which text to show.
 *
 * A text in the reader's locale is shown when it exists; otherwise the source-language text is
 * shown, marked `isFallback`, so the page keeps its chrome in the reader's language and gives the
 * fallback text its own `lang`/`dir` and a notice. Fallback is generated, never a redirect.
 */
import { SOURCE_LOCALE } from '../i18n/locales.ts';

/** What to show for one locale, and in which language it really is. */
export interface Localized<T> {
  value: T;
  /** The locale of the text shown: the reader's, or the source locale on fallback. */
  contentLocale: string;
  /** True when the reader's locale had no text and the source text is shown. */
  isFallback: boolean;
}

/**
 * Picks the text for `locale` from the versions that exist.
 *
 * @param versions the available texts by locale (a Map, or a plain record such as a survey's
 *   `{ sv: '…', en: '…' }`); empty strings count as missing
 * @returns the choice, or `undefined` when not even the source text exists
 *
 * @example resolveLocalized({ sv: 'Hej', en: 'Hello' }, 'ar') // { value: 'Hej', contentLocale: 'sv', isFallback: true }
 */
export function resolveLocalized<T>(versions: ReadonlyMap<string, T> | Readonly<Record<string, T | undefined>>, locale: string): Localized<T> | undefined {
  const get = (code: string): T | undefined => (versions instanceof Map ? versions.get(code) : (versions as Record<string, T | undefined>)[code]);
  const own = get(locale);
  if (present(own)) return { value: own, contentLocale: locale, isFallback: false };
  const source = get(SOURCE_LOCALE);
  if (present(source)) return { value: source, contentLocale: SOURCE_LOCALE, isFallback: locale !== SOURCE_LOCALE };
  return undefined;
}

function present<T>(value: T | undefined): value is T {
  return value !== undefined && value !== null && value !== '';
}

/**
 * Groups entries whose ids start with a locale (`<locale>/<rest>`) by `<rest>`, for
 * `resolveLocalized`.
 *
 * @example byLocale([{ id: 'sv/privacy' }, { id: 'en/privacy' }]).get('privacy') // Map { sv → …, en → … }
 */
export function byLocale<T extends { id: string }>(entries: readonly T[]): Map<string, Map<string, T>> {
  const grouped = new Map<string, Map<string, T>>();
  for (const entry of entries) {
    const slash = entry.id.indexOf('/');
    if (slash === -1) continue;
    const locale = entry.id.slice(0, slash);
    const rest = entry.id.slice(slash + 1);
    const versions = grouped.get(rest) ?? new Map<string, T>();
    versions.set(locale, entry);
    grouped.set(rest, versions);
  }
  return grouped;
}
