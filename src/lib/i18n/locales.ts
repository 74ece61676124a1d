/**
 * Language facts every layer shares. Which locales a site publishes is data
 * (`content/locales.json` and the site config); these are the few fixed points.
 */

/**
 * The language every piece of content is written in first. A text missing in the reader's locale
 * falls back to it (see `../content/fallback.ts`), and translations record which revision of it
 * they were made from.
 */
export { SOURCE_LOCALE } from '../../schemas/formats.ts';

/**
 * The language of the key terms (`<Term sv="…">`), the Swedish beside every translation, and of
 * printouts meant for Swedish employers and authorities. The same code as the source locale
 * today, but not the same idea: a course written first in another language would still print
 * Swedish for an employer.
 */
export const SWEDISH = 'sv';

/** Text direction of a page or a piece of text. */
export type Direction = 'ltr' | 'rtl';

/** What formatting needs to know about a locale. */
export interface FormatLocale {
  /** BCP-47 tag, e.g. `sv-SE`, `prs`. */
  tag: string;
  /** Digits: `latn`, `arab` or `arabext`. */
  numerals?: 'latn' | 'arab' | 'arabext';
}

/**
 * The tag to give `Intl` for a locale: its own digits, and always the Gregorian calendar, because
 * the dates a participant needs (deadlines, rules "from 1 October 2025") are Swedish dates —
 * without it, Persian pages would show the Solar Hijri calendar.
 *
 * @example intlTag({ tag: 'fa-IR', numerals: 'arabext' }) // 'fa-IR-u-ca-gregory-nu-arabext'
 */
export function intlTag(locale: FormatLocale): string {
  return `${locale.tag}-u-ca-gregory-nu-${locale.numerals ?? 'latn'}`;
}
