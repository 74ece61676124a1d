/**
 * Random ids and calendar days for device data. Pure apart from the default random source, which
 * every caller can replace (tests pass a deterministic one).
 */
import { localDay } from '../i18n/dates.ts';

/** Makes a random id. Must return a lower-case UUID such as `crypto.randomUUID()` gives. */
export type RandomId = () => string;

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A random version-4 UUID. Uses `crypto.randomUUID()` where it exists; browsers only offer it on
 * https and localhost, so a site opened over plain http falls back to `crypto.getRandomValues()`.
 */
export const randomUuid: RandomId = () => {
  const webCrypto = globalThis.crypto;
  if (typeof webCrypto?.randomUUID === 'function') return webCrypto.randomUUID();
  const bytes = webCrypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

/** Whether `value` is a lower-case UUID, the only id shape exports accept. */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID_PATTERN.test(value);
}

/** Whether `value` is a real calendar date written YYYY-MM-DD. */
export function isIsoDay(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DAY_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * The calendar day YYYY-MM-DD of `when` on the participant's own clock (local time), or `when`
 * itself when it already is a day. Nothing finer than a day is ever stored or exported.
 */
export function toIsoDay(when: Date | string = new Date()): string {
  if (typeof when === 'string') {
    if (!isIsoDay(when)) throw new TypeError(`not a calendar date YYYY-MM-DD: "${when}"`);
    return when;
  }
  if (Number.isNaN(when.getTime())) throw new TypeError('invalid Date');
  return localDay(when);
}
