/**
 * The notice for a data problem, in the reader's language: a storage problem of a device store,
 * or why a file, link or code was refused. One vocabulary (`lib/device-data/errors.ts`), one string
 * per code (`data.error.<code>`).
 */
import { dataErrorKey, FILE_ERRORS, STORAGE_PROBLEMS, type DataError, type FileError, type StorageProblem } from '../lib/device-data/errors.ts';

/** UI keys of the storage problems, for islands that show a store's notice. */
export const STORAGE_NOTICE_KEYS = STORAGE_PROBLEMS.map(dataErrorKey);
/** UI keys of the file errors, for islands that import files, links or codes. */
export const FILE_ERROR_KEYS = FILE_ERRORS.map(dataErrorKey);

export type StorageNoticeStrings = Record<`data.error.${StorageProblem}`, string>;
export type FileErrorStrings = Record<`data.error.${FileError}`, string>;

/** Shows a storage problem as an alert; nothing when there is none. */
export function StorageNotice({ problem, strings }: { problem?: StorageProblem | undefined; strings: StorageNoticeStrings }) {
  if (!problem) return null;
  return (
    <div class="notice" role="alert" data-storage-problem={problem}>
      <p>{strings[dataErrorKey(problem)]}</p>
    </div>
  );
}

/** The message for any data error. */
export function dataErrorText<E extends DataError>(error: E, strings: Record<`data.error.${E}`, string>): string {
  return strings[dataErrorKey(error)];
}
