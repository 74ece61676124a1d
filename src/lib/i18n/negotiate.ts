import { SOURCE_LOCALE } from './locales.ts';

/** Browser tags that name one of our locales differently. Dari browsers often report "fa-AF". */
const ALIASES: Record<string, string> = { 'fa-af': 'prs' };

/**
 * Picks the site locale that best matches the browser's preferred languages, or the first site
 * locale (the default) when none matches.
 *
 * @example pickLocale(['ar-SE', 'en'], ['sv', 'en', 'ar']) // 'ar'
 */
export function pickLocale(preferred: readonly string[], available: readonly string[]): string {
  const set = new Set(available);
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    const candidates = [ALIASES[lower], lower, lower.split('-')[0]];
    const match = candidates.find((c) => c !== undefined && set.has(c));
    if (match) return match;
  }
  return available[0] ?? SOURCE_LOCALE;
}
