/**
 * The languages a participant can pick on the card, by ISO 639 code, so that each reader sees
 * the name in their own language ("arabiska" on the Swedish printout, "العربية" on the Arabic
 * page) from the browser's own data (`Intl.DisplayNames`): no list of names to translate. Any
 * other language is typed by name.
 */
import { SWEDISH } from '../i18n/locales.ts';

/**
 * Languages common among people new in Sweden, then the languages of the neighbours and of work.
 * Order does not matter: the page sorts them by name in the reader's language.
 */
export const CARD_LANGUAGE_CODES = [
  SWEDISH, 'en', 'ar', 'fa', 'prs', 'ps', 'so', 'ti', 'am', 'om', 'uk', 'ru', 'ku', 'ckb', 'tr', 'az', 'ur', 'hi', 'pa', 'bn', 'ta',
  'ne', 'my', 'th', 'vi', 'zh', 'tl', 'uz', 'tg', 'ka', 'hy', 'he', 'sw', 'fr', 'es', 'pt', 'de', 'it', 'pl', 'ro', 'hu', 'cs', 'sk',
  'bg', 'sq', 'bs', 'hr', 'sr', 'mk', 'el', 'fi', 'no', 'da', 'nl', 'et', 'lv', 'lt', 'be', 'mn', 'ja', 'ko', 'id', 'ms', 'lg', 'rw',
  'ln', 'ha', 'yo', 'ig', 'wo', 'ff', 'kk', 'ky', 'tk', 'ug', 'sd', 'dv', 'si', 'km', 'lo', 'fil', 'yi', 'rom', 'se',
] as const;

/**
 * A language's name in `displayLocale` (a BCP-47 tag), from the browser's data; in English when
 * the browser has no name in that language, and the code itself when it has none at all.
 *
 * @example languageName('ar', 'sv') // 'arabiska'
 */
export function languageName(code: string, displayLocale: string): string {
  for (const locale of [displayLocale, 'en']) {
    try {
      const name = new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' }).of(code);
      if (name && name.toLowerCase() !== code) return name;
    } catch {
      // An unknown tag: try the next.
    }
  }
  return code;
}
