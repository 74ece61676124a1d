/**
 * Text direction of a language. Prefers the locale list's own `dir`; for tags outside it, falls
 * back to `Intl.Locale#getTextInfo` and then to a list, because Firefox lacks textInfo.
 */
const RTL_LANGUAGES = new Set(['ar', 'fa', 'prs', 'ps', 'ur', 'he', 'yi', 'ckb', 'dv', 'sd', 'ug']);

/** Returns "rtl" or "ltr" for a BCP-47 tag or locale code. */
export function directionOf(tag: string): 'ltr' | 'rtl' {
  const language = tag.toLowerCase().split(/[-_]/)[0] ?? '';
  if (RTL_LANGUAGES.has(language)) return 'rtl';
  try {
    const locale = new Intl.Locale(tag) as Intl.Locale & { getTextInfo?: () => { direction?: string }; textInfo?: { direction?: string } };
    const info = locale.getTextInfo?.() ?? locale.textInfo;
    if (info?.direction === 'rtl') return 'rtl';
  } catch {
    // An invalid tag is treated as LTR; the locale schema rejects bad codes earlier.
  }
  return 'ltr';
}
