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
  try {
    return new Intl.DateTimeFormat(tag, { dateStyle: 'long', ...(calendarDay ? { timeZone: 'UTC' } : {}) }).format(date);
  } catch {
    return date.toISOString().slice(0, 10);
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
