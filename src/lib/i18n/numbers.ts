/**
 * Numbers as the reader writes them: decimal comma in Swedish ("7,5"), the locale's digits, and
 * the locale's grouping. Pure; pages pass the locale's `intlTag()`.
 */

/**
 * A number for people in a locale.
 *
 * @example formatNumber(7.5, 'sv-SE-u-ca-gregory-nu-latn') // '7,5'
 */
export function formatNumber(value: number, intlTag: string, options: Intl.NumberFormatOptions = {}): string {
  try {
    return new Intl.NumberFormat(intlTag, { maximumFractionDigits: 2, ...options }).format(value);
  } catch {
    return String(value);
  }
}
