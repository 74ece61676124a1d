/**
 * The progress passport: a participant's progress in a link that fits a QR code, so it moves to a
 * new phone or to the teacher's group without a file. The link opens the site's progress page;
 * the site's own scanner reads it too.
 *
 * Format, version 1. The payload is binary, then base64url (RFC 4648 §5, unpadded):
 *
 *     version (1 byte, = 1)
 *     passport id (8 bytes: random, the same on one device, never derived from a person)
 *     day issued (2 bytes: days since 2020-01-01, big-endian)
 *     site id (1 byte length + ASCII)
 *     display name (1 byte length + UTF-8, at most 60 bytes; length 0 for none)
 *     lessons (2 bytes count), each: 4 bytes of the lesson id's hash (FNV-1a, `textHash`), then a
 *       flags byte (bit 0 completed, bit 1 has a self-check), then best score and total (1 byte
 *       each) when it has a self-check
 *     CRC-32 of everything above (4 bytes)
 *
 * Lessons travel as hashes, not ids: a full course (45 lessons with scores) is about 330 bytes,
 * which fits one QR code a phone scans from another phone's screen. The receiving site resolves
 * hashes against the lessons it has; one it does not know is counted, never guessed.
 *
 * The link is `<site>/<locale>/progress/#p=1.<part>-<parts>.<key>.<chunk>`. A payload longer than
 * `MAX_CHUNK` characters (a course with many local lessons) is split into parts, each its own
 * code; `key` (from the CRC) ties the parts of one passport together, and the scanner collects
 * them in any order. The CRC makes a changed character fail as `tampered`; it is not a signature.
 */
import { LOCALE_CODE_PATTERN, SLUG_PATTERN } from '../../schemas/formats.ts';
import type { FileError } from '../device-data/errors.ts';
import { crc32, fromBase64url, fromUtf8, toBase64url, uint32Bytes, utf8 } from '../text/bytes.ts';
import { cleanName } from '../text/bidi.ts';
import { textHash } from '../text/hash.ts';
import { pagePaths } from '../routing/paths.ts';

/** The fragment parameter: `#p=…`. */
export const PASSPORT_PARAM = 'p';
export const PASSPORT_VERSION = 1;
/** Base64url characters per code; a link of this size is a version 17-20 QR code at level M. */
export const MAX_CHUNK = 600;
/** Most parts a passport is split into. */
export const MAX_PARTS = 8;
/** Longest display name, in UTF-8 bytes. */
export const MAX_PASSPORT_NAME_BYTES = 60;
const EPOCH = Date.UTC(2020, 0, 1);
const DAY = 86_400_000;

/** A lesson in a passport, before the receiving site resolves it. */
export interface PassportLesson {
  /** `parseInt(textHash(lessonId), 16)`. */
  hash: number;
  completed: boolean;
  best?: { score: number; total: number };
}

/** A decoded passport. */
export interface Passport {
  /** 16 hex digits. */
  id: string;
  siteId: string;
  /** YYYY-MM-DD. */
  issuedOn: string;
  name?: string;
  lessons: PassportLesson[];
}

/** What goes into a passport. */
export interface PassportInput {
  id: string;
  siteId: string;
  issuedOn: string;
  name?: string | undefined;
  /** Progress per lesson id, as stored. */
  lessons: Record<string, { completedAt?: string | undefined; selfCheck?: { best: { score: number; total: number } } | undefined }>;
}

/** Why a code could not be read. */
export type PassportError = 'missing' | Extract<FileError, 'truncated' | 'tampered' | 'newer-version' | 'invalid' | 'other-site' | 'future-date'>;

/** The hash a passport uses for a lesson id. */
export const lessonHash = (lessonId: string) => parseInt(textHash(lessonId), 16);

const dayNumber = (day: string) => Math.round((Date.parse(`${day}T00:00:00Z`) - EPOCH) / DAY);
const dayOf = (n: number) => new Date(EPOCH + n * DAY).toISOString().slice(0, 10);

/** A name cut to whole characters within the byte limit. */
function nameBytes(name: string | undefined): Uint8Array {
  let clean = cleanName(name ?? '', 80);
  while (utf8(clean).length > MAX_PASSPORT_NAME_BYTES) clean = [...clean].slice(0, -1).join('');
  return utf8(clean);
}

/**
 * The passport's payload, base64url.
 *
 * @throws TypeError for an id, site or day that is not valid (they come from the device's stores)
 */
export function encodePassport(input: PassportInput): string {
  if (!/^[0-9a-f]{16}$/.test(input.id)) throw new TypeError(`not a passport id: "${input.id}"`);
  if (!SLUG_PATTERN.test(input.siteId) || input.siteId.length > 64) throw new TypeError(`not a site id: "${input.siteId}"`);
  const day = dayNumber(input.issuedOn);
  if (!Number.isInteger(day) || day < 0 || day > 0xffff) throw new TypeError(`not a day: "${input.issuedOn}"`);
  const lessons = Object.entries(input.lessons)
    .filter(([, l]) => l.completedAt || l.selfCheck)
    .sort(([a], [b]) => a.localeCompare(b));
  const name = nameBytes(input.name);
  const bytes: number[] = [PASSPORT_VERSION];
  for (let i = 0; i < 16; i += 2) bytes.push(parseInt(input.id.slice(i, i + 2), 16));
  bytes.push(day >> 8, day & 0xff, input.siteId.length, ...utf8(input.siteId), name.length, ...name);
  bytes.push(lessons.length >> 8, lessons.length & 0xff);
  for (const [id, lesson] of lessons) {
    const hash = lessonHash(id);
    bytes.push(hash >>> 24, (hash >>> 16) & 0xff, (hash >>> 8) & 0xff, hash & 0xff);
    const best = lesson.selfCheck?.best;
    bytes.push((lesson.completedAt ? 1 : 0) | (best ? 2 : 0));
    if (best) bytes.push(Math.min(255, best.score), Math.min(255, best.total));
  }
  const body = Uint8Array.from(bytes);
  const check = crc32(body);
  return toBase64url(Uint8Array.from([...body, check >>> 24, (check >>> 16) & 0xff, (check >>> 8) & 0xff, check & 0xff]));
}

/** The key that ties the parts of one passport together: 6 base64url characters of its CRC. */
const keyOf = (payload: string) => toBase64url(uint32Bytes(crc32(utf8(payload)))).slice(0, 6);

/**
 * The passport as one or more links, one per QR code.
 *
 * @param baseUrl the site's absolute URL with its base path, e.g. `https://kommun.example/so/`
 */
export function passportLinks(baseUrl: string, locale: string, payload: string): string[] {
  if (!LOCALE_CODE_PATTERN.test(locale)) throw new TypeError(`not a locale code: "${locale}"`);
  const count = Math.ceil(payload.length / MAX_CHUNK);
  if (count > MAX_PARTS) throw new RangeError(`a passport of ${payload.length} characters needs more than ${MAX_PARTS} codes`);
  const key = keyOf(payload);
  return Array.from({ length: count }, (_, i) => {
    const url = new URL(pagePaths.progress(locale), baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
    url.hash = `${PASSPORT_PARAM}=${PASSPORT_VERSION}.${i + 1}-${count}.${key}.${payload.slice(i * MAX_CHUNK, (i + 1) * MAX_CHUNK)}`;
    return url.href;
  });
}

/** One scanned part. */
export interface PassportPart {
  index: number;
  count: number;
  key: string;
  chunk: string;
}

/**
 * Reads one code or link (a whole URL, a `#fragment` or the `p=` value). Never throws.
 * `missing` means it holds no passport at all (e.g. another QR code).
 */
export function readPassportPart(text: unknown): { ok: true; part: PassportPart } | { ok: false; error: PassportError } {
  if (typeof text !== 'string' || text.length > MAX_CHUNK * 2 + 500) return { ok: false, error: typeof text === 'string' ? 'invalid' : 'missing' };
  const hash = text.indexOf('#');
  const fragment = hash >= 0 ? text.slice(hash + 1) : text;
  const value = fragment.split('&').find((p) => p.startsWith(`${PASSPORT_PARAM}=`))?.slice(PASSPORT_PARAM.length + 1);
  if (!value) return { ok: false, error: 'missing' };
  const [version, position, key, chunk, ...rest] = value.split('.');
  if (!version || !/^\d{1,4}$/.test(version)) return { ok: false, error: 'invalid' };
  if (Number(version) > PASSPORT_VERSION) return { ok: false, error: 'newer-version' };
  if (Number(version) !== PASSPORT_VERSION) return { ok: false, error: 'invalid' };
  if (!position || !key || chunk === undefined || rest.length) return { ok: false, error: 'truncated' };
  const match = /^(\d{1,2})-(\d{1,2})$/.exec(position);
  if (!match || !/^[A-Za-z0-9_-]{6}$/.test(key) || !/^[A-Za-z0-9_-]*$/.test(chunk)) return { ok: false, error: 'invalid' };
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (index < 1 || count < 1 || index > count || count > MAX_PARTS) return { ok: false, error: 'invalid' };
  if (!chunk || (index < count && chunk.length !== MAX_CHUNK)) return { ok: false, error: 'truncated' };
  return { ok: true, part: { index, count, key, chunk } };
}

/** Parts collected so far: by passport key, the parts by index. Pure; returns a new value. */
export type PartCollection = Record<string, Record<number, PassportPart>>;

/** Adds a scanned part; a part already held is left as it is. */
export function collectPart(collection: PartCollection, part: PassportPart): PartCollection {
  const held = collection[part.key] ?? {};
  if (held[part.index]) return collection;
  return { ...collection, [part.key]: { ...held, [part.index]: part } };
}

/**
 * The payload once every part of a passport is held; how many are held of how many while waiting;
 * `tampered` when the parts are all there but do not make the passport their key names.
 */
export function assemble(collection: PartCollection, key: string): { status: 'complete'; payload: string } | { status: 'waiting'; held: number; count: number } | { status: 'tampered' } {
  const parts = Object.values(collection[key] ?? {});
  const count = parts[0]?.count ?? 0;
  if (parts.some((p) => p.count !== count)) return { status: 'tampered' };
  if (!count || parts.length < count) return { status: 'waiting', held: parts.length, count };
  const payload = parts.sort((a, b) => a.index - b.index).map((p) => p.chunk).join('');
  return keyOf(payload) === key ? { status: 'complete', payload } : { status: 'tampered' };
}

/**
 * Decodes a payload. Refuses a changed character (`tampered`), a cut payload (`truncated`), a newer
 * format, a passport dated in the future, and, when `requireSite` is given, one from another site.
 */
export function decodePassport(payload: string, options: { now: Date; requireSite?: string }): { ok: true; passport: Passport } | { ok: false; error: PassportError } {
  const bytes = fromBase64url(payload);
  if (!bytes) return { ok: false, error: 'invalid' };
  if (bytes.length < 1) return { ok: false, error: 'truncated' };
  if (bytes[0]! > PASSPORT_VERSION) return { ok: false, error: 'newer-version' };
  if (bytes[0] !== PASSPORT_VERSION) return { ok: false, error: 'invalid' };
  if (bytes.length < 20) return { ok: false, error: 'truncated' };
  const body = bytes.subarray(0, bytes.length - 4);
  const stored = ((bytes[bytes.length - 4]! << 24) | (bytes[bytes.length - 3]! << 16) | (bytes[bytes.length - 2]! << 8) | bytes[bytes.length - 1]!) >>> 0;
  if (crc32(body) !== stored) return { ok: false, error: 'tampered' };
  let at = 1;
  const take = (n: number) => {
    if (at + n > body.length) throw new RangeError('truncated');
    const out = body.subarray(at, at + n);
    at += n;
    return out;
  };
  try {
    const id = [...take(8)].map((b) => b.toString(16).padStart(2, '0')).join('');
    const [d1, d2] = take(2);
    const issuedOn = dayOf((d1! << 8) | d2!);
    const siteId = fromUtf8(take(take(1)[0]!));
    const name = fromUtf8(take(take(1)[0]!));
    const [c1, c2] = take(2);
    const count = (c1! << 8) | c2!;
    const lessons: PassportLesson[] = [];
    for (let i = 0; i < count; i++) {
      const [h1, h2, h3, h4, flags] = take(5);
      const lesson: PassportLesson = { hash: ((h1! << 24) | (h2! << 16) | (h3! << 8) | h4!) >>> 0, completed: (flags! & 1) === 1 };
      if (flags! & 2) {
        const [score, total] = take(2);
        if (total === 0 || score! > total!) return { ok: false, error: 'invalid' };
        lesson.best = { score: score!, total: total! };
      }
      lessons.push(lesson);
    }
    if (at !== body.length || siteId === null || name === null || !SLUG_PATTERN.test(siteId)) return { ok: false, error: 'invalid' };
    if (Date.parse(`${issuedOn}T00:00:00Z`) > options.now.getTime() + 36 * 3600_000) return { ok: false, error: 'future-date' };
    if (options.requireSite !== undefined && siteId !== options.requireSite) return { ok: false, error: 'other-site' };
    const clean = cleanName(name, 80);
    return { ok: true, passport: { id, siteId, issuedOn, ...(clean ? { name: clean } : {}), lessons } };
  } catch {
    return { ok: false, error: 'truncated' };
  }
}

/**
 * A passport's lessons as this site's progress: hashes resolved against the lessons it has.
 * A hash this site does not know, or that two of its lessons share, is counted in `unknown`.
 */
export function resolvePassport(passport: Passport, knownLessonIds: Iterable<string>): { lessons: Record<string, { completed: boolean; best?: { score: number; total: number } }>; unknown: number } {
  const byHash = new Map<number, string | null>();
  for (const id of knownLessonIds) {
    const hash = lessonHash(id);
    byHash.set(hash, byHash.has(hash) ? null : id);
  }
  const lessons: Record<string, { completed: boolean; best?: { score: number; total: number } }> = {};
  let unknown = 0;
  for (const lesson of passport.lessons) {
    const id = byHash.get(lesson.hash);
    if (!id) unknown++;
    else lessons[id] = { completed: lesson.completed, ...(lesson.best ? { best: lesson.best } : {}) };
  }
  return { lessons, unknown };
}

/** What one scanned code did to a collection of passport parts. */
export type ScanStep =
  /** Not a passport code at all (another QR code in view): nothing changes. */
  | { kind: 'ignored' }
  /**
   * A passport code that cannot be used; `parts` is what to keep collecting with. `final` when the
   * passport as a whole is refused (scanning stops), not just this one code (scanning goes on).
   */
  | { kind: 'refused'; error: Exclude<PassportError, 'missing'>; final: boolean; parts: PartCollection }
  /** A part of a longer passport; more codes are needed. */
  | { kind: 'waiting'; held: number; count: number; parts: PartCollection }
  /** A whole, valid passport. */
  | { kind: 'complete'; passport: Passport; parts: PartCollection };

/**
 * Takes one scanned code or link into the parts collected so far: the participant's "Move my
 * progress here" and the teacher's "Add a participant by scanning" both scan this way. A code
 * whose parts disagree empties the collection, so a mixed-up sequence starts again cleanly.
 */
export function takeScannedCode(parts: PartCollection, text: string, options: { now: Date; requireSite?: string }): ScanStep {
  const read = readPassportPart(text);
  if (!read.ok) return read.error === 'missing' ? { kind: 'ignored' } : { kind: 'refused', error: read.error, final: false, parts };
  const next = collectPart(parts, read.part);
  const whole = assemble(next, read.part.key);
  if (whole.status === 'tampered') return { kind: 'refused', error: 'tampered', final: true, parts: {} };
  if (whole.status === 'waiting') return { kind: 'waiting', held: whole.held, count: whole.count, parts: next };
  const decoded = decodePassport(whole.payload, options);
  if (!decoded.ok) return { kind: 'refused', error: decoded.error === 'missing' ? 'invalid' : decoded.error, final: true, parts: next };
  return { kind: 'complete', passport: decoded.passport, parts: next };
}
