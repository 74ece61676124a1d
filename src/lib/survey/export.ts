/**
 * Building the "Export survey answers" file from the device store. The file is anonymous: random
 * ids, the day only, and the pairing id only on self-assessment answers.
 */
import {
  SURVEY_EXPORT_KIND,
  SURVEY_EXPORT_SCHEMA_PATH,
  SURVEY_EXPORT_SCHEMA_VERSION,
  surveyExportFileSchema,
  type ExportedResponse,
  type SurveyExportFile,
} from '../../schemas/survey-response.ts';
import { toIsoDay } from './ids.ts';
import { pendingExport, type SurveyStoreV1 } from './store.ts';

/** What the export needs besides the store. */
export interface ExportOptions {
  /** The municipality's site id. */
  siteId: string;
  /** When the export happens: a Date (local clock) or YYYY-MM-DD. Only the day is written. */
  now?: Date | string;
  /** The `$schema` address; the page passes the absolute URL of `/schemas/survey-response.v1.json` under its base. */
  schemaUrl?: string;
}

/**
 * The export file holding every response not exported before. After the participant has the
 * file, call `markExported(store, file.responses.map((r) => r.responseId), now)`.
 *
 * @throws Error if the result would not match the schema (a damaged store); never writes a bad file.
 */
export function buildExport(store: SurveyStoreV1, { siteId, now = new Date(), schemaUrl = SURVEY_EXPORT_SCHEMA_PATH }: ExportOptions): SurveyExportFile {
  const responses = pendingExport(store).map((stored): ExportedResponse => ({
    responseId: stored.responseId,
    surveyId: stored.surveyId,
    surveyVersion: stored.surveyVersion,
    locale: stored.locale,
    ...(stored.moduleId !== undefined ? { moduleId: stored.moduleId } : {}),
    ...(stored.phase !== undefined ? { phase: stored.phase, pairingId: store.pairingId } : {}),
    date: stored.answeredAt,
    answers: stored.answers,
  }));
  const file = {
    $schema: schemaUrl,
    schemaVersion: SURVEY_EXPORT_SCHEMA_VERSION,
    kind: SURVEY_EXPORT_KIND,
    siteId,
    exportedAt: toIsoDay(now),
    responses,
  };
  const checked = surveyExportFileSchema.safeParse(file);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw new Error(`survey export would be invalid at ${issue.path.join('.')}: ${issue.message}`);
  }
  return checked.data;
}

/** The export as pretty JSON text, ready to download. */
export function serializeExport(file: SurveyExportFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** A download file name without anything personal, e.g. `survey-answers-demo-2026-05-04.json`. */
export function exportFileName(siteId: string, now: Date | string = new Date()): string {
  return `survey-answers-${siteId}-${toIsoDay(now)}.json`;
}
