/** The participant-facing notice for a storage problem, in their language. */
import type { StorageProblem } from '../lib/storage/local.ts';

export type StorageNoticeStrings = Record<'progress.problem.unreadable' | 'progress.problem.unavailable' | 'progress.problem.quota', string>;

export const STORAGE_NOTICE_KEYS = ['progress.problem.unreadable', 'progress.problem.unavailable', 'progress.problem.quota'] as const;

export function StorageNotice({ problem, strings }: { problem?: StorageProblem; strings: StorageNoticeStrings }) {
  if (!problem) return null;
  return (
    <div class="notice" role="alert" data-storage-problem={problem}>
      <p>{strings[`progress.problem.${problem}`]}</p>
    </div>
  );
}
