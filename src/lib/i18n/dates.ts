/**
 * The one date formatter. Calendar days (`YYYY-MM-DD`: due dates, review dates, export days) are
 * formatted in UTC so they never shift by a time zone; instants (`…T…Z`: completion times) are
 * formatted on the reader's own clock.
 */

/** A calendar day `YYYY-MM-DD`, an ISO instant, or a Date. */
export type DateInput = string | Date;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A long date in the reader's language, e.g. "12 mars 2026", "١٢ مارس ٢٠٢٦". Falls back to the
 * ISO day when the runtime has no data for the tag (never throws).
 *
 * @param tag a BCP-47 tag (the locale's `tag`, e.g. `sv-SE`, `ti`)
 */
export function formatLongDate(value: DateInput, tag: string): string {
  const isDay = typeof value === 'string' && DAY.test(value);
  const date = typeof value === 'string' ? new Date(isDay ? `${value}T00:00:00Z` : value) : value;
  if (Number.isNaN(date.getTime())) return String(value);
  const calendarDay = isDay || (value instanceof Date && isUtcMidnight(value));
  const own = OWN_DATA[tag.split('-')[0]!];
  if (own && !hasDateData(tag)) {
    const [year, month, day] = calendarDay ? [date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()] : [date.getFullYear(), date.getMonth(), date.getDate()];
    return `${own.months[month]} ${day}, ${year}`;
  }
  try {
    return new Intl.DateTimeFormat(tag, { dateStyle: 'long', ...(calendarDay ? { timeZone: 'UTC' } : {}) }).format(date);
  } catch {
    return date.toISOString().slice(0, 10);
  }
}

/**
 * Month names for languages some browsers have no date data for (Chrome has none for Tigrinya or
 * Somali and would write English), from CLDR as Node's full ICU gives them; both write
 * "<month> <day>, <year>". A unit test checks them against Node's Intl.
 */
export const OWN_DATA: Readonly<Record<string, { months: readonly string[] }>> = {
  ti: { months: ['ጥሪ', 'ለካቲት', 'መጋቢት', 'ሚያዝያ', 'ጉንበት', 'ሰነ', 'ሓምለ', 'ነሓሰ', 'መስከረም', 'ጥቅምቲ', 'ሕዳር', 'ታሕሳስ'] },
  so: { months: ['Jannaayo', 'Febraayo', 'Maarso', 'Abriil', 'Maayo', 'Juun', 'Luulyo', 'Ogosto', 'Sebteembar', 'Oktoobar', 'Noofeembar', 'Diseembar'] },
};

/** Whether this runtime formats dates in the tag's language (not a fallback to another). */
function hasDateData(tag: string): boolean {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf(tag.split('-u-')[0]!).length > 0;
  } catch {
    return false;
  }
}

/** Dates parsed from `YYYY-MM-DD` frontmatter are UTC midnight; treat them as calendar days. */
function isUtcMidnight(date: Date): boolean {
  return date.getUTCHours() === 0 && date.getUTCMinutes() === 0 && date.getUTCSeconds() === 0 && date.getUTCMilliseconds() === 0;
}

/** Today's calendar day on the local clock, `YYYY-MM-DD`. */
export function localDay(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(now.getFullYear()).padStart(4, '0')}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
