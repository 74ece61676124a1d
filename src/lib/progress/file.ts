/**
 * The "Export progress" file, a format of the device-data engine: written by "My progress", read
 * by the teacher pages, the certificate and the progress import.
 */
import type { ProgressExport } from '../../schemas/progress.ts';
import { PROGRESS_FILE } from '../../schemas/formats.ts';
import type { FileDefinition } from '../device-data/file.ts';
import { isProgressFileV2 } from '../device-data/validators/progress-file-v2.generated.ts';
import { scoresHold } from './definitions.ts';

/** The "Export progress" file. */
export const progressFile: FileDefinition<ProgressExport> = {
  ...PROGRESS_FILE,
  validate: isProgressFileV2,
  // Version 2 only adds the optional passport id: a version 1 file is a version 2 file without one.
  migrations: { 1: (file) => file },
  accepts: (file) => file.lessons.every((lesson) => scoresHold(lesson.selfCheck)),
  siteOf: (file) => file.siteId,
  datesOf: (file) => [
    file.exportedAt,
    ...file.lessons.flatMap((lesson) => [lesson.completedAt, lesson.selfCheck?.latest.at, lesson.selfCheck?.best.at].filter((d): d is string => d !== undefined)),
    ...(file.lastLesson ? [file.lastLesson.at] : []),
  ],
};

/**
 * The name of an exported progress file: the site, the participant's name when they typed one,
 * and the day, so a teacher with files from a whole class can tell them apart, and a participant
 * can find today's file among older ones. Characters that file systems or mail programs mangle
 * become "-"; letters of any script stay.
 *
 * @example progressFileName('ekudden', '2026-12-07', 'Amina K.') // 'ekudden-progress-Amina-K-2026-12-07.json'
 */
export function progressFileName(siteId: string, day: string, participantName?: string): string {
  const name = (participantName ?? '')
    .normalize('NFC')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return `${siteId}-progress-${name ? `${name}-` : ''}${day}.json`;
}
