/**
 * A passport received on the participant's own new phone ("Move my progress here"): read as a
 * progress file, so the preview and the merge are those of a file import (completed stays
 * completed, the best score wins, nothing is dropped).
 */
import type { ProgressExport } from '../../schemas/progress.ts';
import { PROGRESS_FILE } from '../../schemas/formats.ts';
import type { Passport } from './codec.ts';
import { resolvePassport } from './codec.ts';

/**
 * The passport as a progress file. A passport carries days, not times: completions and scores are
 * dated at noon UTC of the day it was shown.
 */
export function passportAsProgressFile(passport: Passport, knownLessonIds: Iterable<string>): { file: ProgressExport; unknown: number } {
  const at = `${passport.issuedOn}T12:00:00.000Z`;
  const { lessons, unknown } = resolvePassport(passport, knownLessonIds);
  return {
    unknown,
    file: {
      $schema: '',
      schemaVersion: PROGRESS_FILE.version,
      kind: PROGRESS_FILE.kind,
      siteId: passport.siteId,
      exportedAt: at,
      passportId: passport.id,
      ...(passport.name ? { participantName: passport.name } : {}),
      lessons: Object.entries(lessons).map(([id, state]) => ({
        id,
        completed: state.completed,
        ...(state.completed ? { completedAt: at } : {}),
        ...(state.best ? { selfCheck: { latest: { ...state.best, at }, best: { ...state.best, at } } } : {}),
      })),
    },
  };
}
