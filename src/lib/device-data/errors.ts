/**
 * One vocabulary for everything that can go wrong with a participant's or teacher's data: in the
 * device's storage, and in a file or link they import. Every store and every file reader speaks
 * it, and the UI has one string for each code, `data.error.<code>` (see `src/schemas/ui.ts`).
 */

/** Problems with the data kept in the browser's storage. */
export const STORAGE_PROBLEMS = [
  /** Storage is blocked (private mode, settings): nothing can be kept after the page closes. */
  'storage-unavailable',
  /** Storage is full: the last change was not saved. */
  'storage-full',
  /** The stored value could not be read; a copy was kept on this device and a fresh start made. */
  'stored-unreadable-kept',
  /** The stored value could not be read, and not even a copy could be kept: it is left untouched and changes are not saved. */
  'stored-unreadable-not-kept',
  /** The stored value was written by a newer version of the site: it is left untouched and changes are not saved. */
  'stored-newer',
] as const;

/** Why an imported file, link or code was refused. */
export const FILE_ERRORS = [
  /** Larger than the format allows. */
  'file-too-large',
  /** The browser could not read the file. */
  'file-unreadable',
  /** Not JSON text. */
  'not-json',
  /** Nested deeper than any of our files: refused before it can exhaust memory. */
  'too-deep',
  /** JSON, but another kind of file (e.g. survey answers given to the progress import). */
  'wrong-kind',
  /** A link or code that was cut off (copied in part, a QR sequence missing a part). */
  'truncated',
  /** A link or code whose check does not match: a character was changed, added or removed. */
  'tampered',
  /** Made by a newer version of the site than this one. */
  'newer-version',
  /** A version this site cannot read. */
  'unknown-version',
  /** Does not follow the format. */
  'invalid',
  /** Contains markup (HTML or script). */
  'markup',
  /** From another municipality's site, where that is not allowed. */
  'other-site',
  /** Holds a date in the future. */
  'future-date',
] as const;

export type StorageProblem = (typeof STORAGE_PROBLEMS)[number];
export type FileError = (typeof FILE_ERRORS)[number];
/** Any data problem: the key of its message is `data.error.<code>`. */
export type DataError = StorageProblem | FileError;

/** The UI string key that explains a data problem. */
export function dataErrorKey<E extends DataError>(error: E): `data.error.${E}` {
  return `data.error.${error}`;
}
