/**
 * Building the "Export survey answers" file from the device store. The file is anonymous: random
 * ids, the day only, and the pairing id only on self-assessment answers.
 */
import type { ExportedResponse, SurveyExportFile } from '../../schemas/survey-response.ts';
import { writeVersionedFile } from '../device-data/file.ts';
import { surveyFile } from './file.ts';
import { toIsoDay } from '../device-data/ids.ts';
import type { StoredResponse, SurveyStoreV1 } from './store.ts';

/** What the export needs besides the store. */
export interface ExportOptions {
  /** The municipality's site id. */
  siteId: string;
  /** When the export happens: a Date (local clock) or YYYY-MM-DD. Only the day is written. */
  now?: Date | string;
  /** The `$schema` address: the absolute URL of `/schemas/survey-response.v1.json` under the site's base. */
  schemaUrl: string;
}

/** One stored response as it is exported. */
function exported(stored: StoredResponse, pairingId: string): ExportedResponse {
  return {
    responseId: stored.responseId,
    surveyId: stored.surveyId,
    surveyVersion: stored.surveyVersion,
    locale: stored.locale,
    ...(stored.moduleId !== undefined ? { moduleId: stored.moduleId } : {}),
    ...(stored.phase !== undefined ? { phase: stored.phase, pairingId } : {}),
    date: stored.answeredAt,
    answers: stored.answers,
  };
}

/**
 * The export file's text holding `responses` (by default every response not exported before).
 * After the participant confirms they have the file, call `markExported()` with its ids.
 *
 * @throws Error if the result would not match the schema (a damaged store); never writes a bad file.
 */
export function writeSurveyFile(store: SurveyStoreV1, responses: readonly StoredResponse[], { siteId, now = new Date(), schemaUrl }: ExportOptions): { text: string; responseIds: string[] } {
  const body: Omit<SurveyExportFile, '$schema' | 'schemaVersion' | 'kind'> = {
    siteId,
    exportedAt: toIsoDay(now),
    responses: responses.map((response) => exported(response, store.pairingId)),
  };
  return { text: writeVersionedFile(surveyFile, body, schemaUrl), responseIds: responses.map((response) => response.responseId) };
}

/** A download file name without anything personal, e.g. `survey-answers-demo-2026-05-04.json`. */
export function exportFileName(siteId: string, now: Date | string = new Date()): string {
  return `survey-answers-${siteId}-${toIsoDay(now)}.json`;
}
