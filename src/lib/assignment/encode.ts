/**
 * Assignment links: the assignment travels in the URL fragment, so it never reaches a server's logs.
 *
 * Format, version 1 (one line; every character is URL-safe and survives messengers and linkifiers):
 *
 *     a=1.<locale>.<due>.<site>.<modules>.<lessons>.<group>.<check>
 *
 * - `1` is the format version. Every future version keeps the `a=<version>.` prefix, so an old site
 *   can tell "made by a newer site" (`unknown-version`) from a broken link.
 * - `locale` is the locale code; `due` is `YYYYMMDD` or empty; `site` the site id or empty.
 * - `modules` are whole-module ids joined by `_`.
 * - `lessons` are single lessons grouped by module, groups joined by `_`: the module id, then its
 *   lesson slugs, joined by `~` (`aldras~pension~aldreomsorg`). Ids are ASCII slugs, so they never
 *   contain `.`, `_` or `~`, and are written as they are: a teacher can read the link.
 * - `group` is base64url (RFC 4648 §5, unpadded) of the UTF-8 group name, so any script fits.
 * - `check` is base64url of the CRC-32 of everything between `a=` and the last `.` (6 characters).
 *   It catches links that were cut or mistyped; it is not a signature (anyone can compute it), so
 *   decoded values are still validated against the assignment schema, which allows no markup.
 *
 * This is denser than base64url of a JSON array: the slugs are not expanded by a third, and there
 * are no quotes or brackets. A typical link (3 modules and 2 lessons) fits a version 9 QR code (53 × 53 modules at level M) with a 46-character site address;
 * see `tests/unit/assignment/encode.test.ts` for the measured lengths.
 *
 * The encoding is canonical (`canonicalAssignment()`): lists are sorted and de-duplicated, single
 * lessons of a wholly assigned module are dropped, and the group name is trimmed and NFC-normalised.
 * The same assignment therefore always gives the same link and the same `assignmentId()`.
 */
import type { Assignment } from '../../schemas/assignment.ts';
import { ASSIGNMENT_VERSION, GROUP_NAME_PATTERN, LESSON_ID_PATTERN, LOCALE_CODE_PATTERN, MAX_ASSIGNMENT_ITEMS, MAX_GROUP_NAME_LENGTH, SLUG_PATTERN } from '../../schemas/formats.ts';
import type { FileError } from '../device-data/errors.ts';
import { isAssignmentV1 } from '../device-data/validators/assignment-v1.generated.ts';
import { isIsoDay } from '../device-data/ids.ts';
import { stripBidiControls } from '../text/bidi.ts';
import { homePath } from '../routing/paths.ts';
import { crc32, fromBase64url, fromUtf8, toBase64url, uint32Bytes, utf8 } from '../text/bytes.ts';

/** The fragment parameter that carries an assignment: `#a=…`. */
export const ASSIGNMENT_PARAM = 'a';
/** Longest fragment value decoded; anything longer is refused before any work. */
export const MAX_FRAGMENT_LENGTH = 8192;
/** Characters in the check. */
const CHECK_LENGTH = 6;
/** Dot-separated parts of a version 1 value: version, six fields, check. */
const PARTS = 8;

/**
 * Why a link could not be read: `missing` (no assignment in it), or a data error of the shared
 * vocabulary (`truncated`, `tampered`, `newer-version`, `invalid`) with a translated message.
 */
export type DecodeError = 'missing' | Extract<FileError, 'truncated' | 'tampered' | 'newer-version' | 'invalid'>;

export type DecodeResult = { ok: true; assignment: Assignment } | { ok: false; error: DecodeError };

/** What the teacher page collects; `makeAssignment()` turns it into an assignment. */
export interface AssignmentDraft {
  group: string;
  locale: string;
  /** YYYY-MM-DD, or empty/undefined for none. */
  due?: string;
  modules: readonly string[];
  lessons: readonly string[];
  site?: string;
}

/** What is wrong with a draft, per field, for the teacher page to explain. */
export type DraftError = 'group' | 'locale' | 'due' | 'site' | 'ids' | 'empty' | 'too-many';

const sortedUnique = (list: readonly string[]) => [...new Set(list)].sort();

/**
 * The canonical form of an assignment: group name trimmed and NFC-normalised, modules and lessons
 * sorted and de-duplicated, and single lessons dropped when their whole module is assigned.
 * Validation is left to `assignmentSchema`.
 */
export function canonicalAssignment(a: Assignment): Assignment {
  const modules = sortedUnique(a.modules);
  const whole = new Set(modules);
  const lessons = sortedUnique(a.lessons).filter((id) => !whole.has(id.split('/')[0]));
  return {
    v: ASSIGNMENT_VERSION,
    group: a.group.normalize('NFC').trim(),
    locale: a.locale,
    ...(a.due ? { due: a.due } : {}),
    modules,
    lessons,
    ...(a.site ? { site: a.site } : {}),
  };
}

/**
 * Builds a valid, canonical assignment from what the teacher entered, or says which fields are wrong.
 *
 * @returns `{ ok: true, assignment }`, or `{ ok: false, errors }` with one code per problem.
 */
export function makeAssignment(draft: AssignmentDraft): { ok: true; assignment: Assignment } | { ok: false; errors: DraftError[] } {
  const candidate = canonicalAssignment({
    v: ASSIGNMENT_VERSION,
    group: stripBidiControls(String(draft.group ?? '')),
    locale: draft.locale,
    ...(draft.due ? { due: draft.due } : {}),
    modules: [...draft.modules],
    lessons: [...draft.lessons],
    ...(draft.site ? { site: draft.site } : {}),
  });
  const errors: DraftError[] = [];
  const groupLength = [...candidate.group].length;
  if (groupLength < 1 || groupLength > MAX_GROUP_NAME_LENGTH || !GROUP_NAME_PATTERN.test(candidate.group)) errors.push('group');
  if (!LOCALE_CODE_PATTERN.test(candidate.locale)) errors.push('locale');
  if (candidate.due !== undefined && !isIsoDay(candidate.due)) errors.push('due');
  if (candidate.site !== undefined && !isSlug(candidate.site)) errors.push('site');
  if (!candidate.modules.every(isSlug) || !candidate.lessons.every((id) => id.length <= 120 && LESSON_ID_PATTERN.test(id))) errors.push('ids');
  const count = candidate.modules.length + candidate.lessons.length;
  if (count === 0) errors.push('empty');
  if (count > MAX_ASSIGNMENT_ITEMS) errors.push('too-many');
  if (errors.length > 0) return { ok: false, errors };
  return isValidAssignment(candidate) ? { ok: true, assignment: candidate } : { ok: false, errors: ['ids'] };
}

const isSlug = (id: string) => id.length <= 64 && SLUG_PATTERN.test(id);

/**
 * True when `a` follows the assignment schema and its rules across fields: something assigned,
 * at most `MAX_ASSIGNMENT_ITEMS` items, and nothing twice.
 */
export function isValidAssignment(a: unknown): a is Assignment {
  if (!isAssignmentV1(a)) return false;
  const count = a.modules.length + a.lessons.length;
  return count > 0 && count <= MAX_ASSIGNMENT_ITEMS && new Set(a.modules).size === a.modules.length && new Set(a.lessons).size === a.lessons.length;
}

/** The 6-character check of a fragment body (`1.<payload>`). */
function checkOf(body: string): string {
  return toBase64url(uint32Bytes(crc32(utf8(body))));
}

/** Groups sorted lesson ids by module: `m~l1~l2_n~l3`. */
function lessonGroups(lessonIds: readonly string[]): string {
  const groups: string[][] = [];
  for (const id of lessonIds) {
    const [moduleId, lessonId] = id.split('/');
    const last = groups.at(-1);
    if (last && last[0] === moduleId) last.push(lessonId);
    else groups.push([moduleId, lessonId]);
  }
  return groups.map((group) => group.join('~')).join('_');
}

/**
 * Encodes an assignment as a URL fragment value, without the leading `#`: `a=1.<payload>.<check>`.
 * The assignment is made canonical first (see `canonicalAssignment()`).
 *
 * @throws TypeError when the assignment is not valid (check it with `makeAssignment()` first).
 */
export function encodeAssignment(a: Assignment): string {
  const c = canonicalAssignment(a);
  if (!isValidAssignment(c)) throw new TypeError(`not a valid assignment: ${isAssignmentV1.describe(c) ?? 'no items, too many, or repeated'}`);
  const body = [
    String(ASSIGNMENT_VERSION),
    c.locale,
    c.due ? c.due.replaceAll('-', '') : '',
    c.site ?? '',
    c.modules.join('_'),
    lessonGroups(c.lessons),
    toBase64url(utf8(c.group)),
  ].join('.');
  return `${ASSIGNMENT_PARAM}=${body}.${checkOf(body)}`;
}

/**
 * The stable id of an assignment: 8 hex digits of the CRC-32 of its canonical encoding. Opening the
 * same link twice, or two links for the same assignment, gives the same id.
 */
export function assignmentId(a: Assignment): string {
  return crc32(utf8(encodeAssignment(a))).toString(16).padStart(8, '0');
}

/**
 * An absolute link to the participant's course home with the assignment in the fragment:
 * `<baseUrl><locale>/#a=…`. `locale` is normally `a.locale`.
 *
 * @param baseUrl the site's absolute URL including its base path, e.g. `https://kommun.example/so/`.
 * @throws TypeError when `baseUrl` is not absolute, `locale` is not a locale code, or `a` is invalid.
 */
export function assignmentLink(baseUrl: string, locale: string, a: Assignment): string {
  if (!LOCALE_CODE_PATTERN.test(locale)) throw new TypeError(`not a locale code: "${locale}"`);
  const url = new URL(homePath(locale), baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  url.hash = encodeAssignment(a);
  return url.href;
}

/** Finds the `a=` value in a fragment, a `#fragment` or a whole URL; null when there is none. */
function findValue(input: string): string | null {
  const hash = input.indexOf('#');
  const fragment = hash >= 0 ? input.slice(hash + 1) : input;
  const param = fragment.split('&').find((part) => part.startsWith(`${ASSIGNMENT_PARAM}=`));
  return param === undefined ? null : param.slice(ASSIGNMENT_PARAM.length + 1);
}

/** Reads the six payload fields of a value whose check is right; null when they are malformed. */
function readFields(fields: string[]): unknown {
  const [locale, due, site, modules, lessons, group] = fields;
  if (due !== '' && !/^\d{8}$/.test(due)) return null;
  const lessonIds: string[] = [];
  for (const item of lessons === '' ? [] : lessons.split('_')) {
    const [moduleId, ...slugs] = item.split('~');
    if (slugs.length === 0) return null;
    for (const slug of slugs) lessonIds.push(`${moduleId}/${slug}`);
  }
  const bytes = fromBase64url(group);
  const name = bytes && fromUtf8(bytes);
  if (name === null) return null;
  return {
    v: ASSIGNMENT_VERSION,
    group: name,
    locale,
    ...(due ? { due: `${due.slice(0, 4)}-${due.slice(4, 6)}-${due.slice(6)}` } : {}),
    modules: modules === '' ? [] : modules.split('_'),
    lessons: lessonIds,
    ...(site ? { site } : {}),
  };
}

/**
 * Decodes an assignment from a fragment value (`a=1.…`), a `#fragment` (`location.hash`) or a whole
 * URL. Never throws, whatever the input.
 *
 * Errors: `missing` (no `a=` parameter, or an empty one), `newer-version` (made by a newer
 * format), `truncated` (parts or check cut off), `tampered` (the check does not match: a changed,
 * added or removed character), `invalid` (anything else: garbage, or a well-formed link whose
 * content breaks the schema).
 */
export function decodeAssignment(fragment: unknown): DecodeResult {
  const fail = (error: DecodeError): DecodeResult => ({ ok: false, error });
  if (typeof fragment !== 'string') return fail('missing');
  let value = findValue(fragment.trim());
  if (value === null || value === '') return fail('missing');
  if (value.length > MAX_FRAGMENT_LENGTH) return fail('invalid');
  if (value.includes('%')) {
    // Some mail and chat programs percent-encode characters such as "~".
    try {
      value = decodeURIComponent(value);
    } catch {
      return fail('invalid');
    }
  }
  const parts = value.split('.');
  const version = parts[0];
  if (!/^\d{1,6}$/.test(version)) return fail('invalid');
  if (Number(version) > ASSIGNMENT_VERSION) return fail('newer-version');
  if (version !== String(ASSIGNMENT_VERSION)) return fail('invalid');
  const check = parts.at(-1)!;
  if (parts.length < PARTS || check.length < CHECK_LENGTH) return fail('truncated');
  if (check !== checkOf(value.slice(0, value.lastIndexOf('.')))) return fail('tampered');
  if (parts.length !== PARTS) return fail('invalid');
  const fields = readFields(parts.slice(1, PARTS - 1));
  if (fields === null) return fail('invalid');
  return isValidAssignment(fields) ? { ok: true, assignment: canonicalAssignment(fields) } : fail('invalid');
}

/**
 * A fragment without its `a=` parameter, for `history.replaceState` once the assignment is saved,
 * so reloading or sharing the page does not add it again. Returns `''` or `#rest`.
 */
export function withoutAssignment(hash: string): string {
  const rest = hash
    .replace(/^#/, '')
    .split('&')
    .filter((part) => part !== '' && !part.startsWith(`${ASSIGNMENT_PARAM}=`));
  return rest.length ? `#${rest.join('&')}` : '';
}
