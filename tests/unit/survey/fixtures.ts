/** Shared helpers for the survey unit tests: deterministic ids and hand-written export files. */
import { join } from 'node:path';
import { loadSurveyDefinitions } from '../../../src/lib/survey/load-definitions.ts';
import type { ExportedResponse, SurveyExportFile } from '../../../src/schemas/survey-response.ts';

export const root = join(import.meta.dirname, '..', '..', '..');
export const surveys = loadSurveyDefinitions(join(root, 'content', 'surveys'));
export const survey = (id: string) => surveys.find((s) => s.id === id)!;

/** The n-th deterministic UUID: `00000000-0000-4000-8000-<n in 12 hex digits>`, with an optional 8-hex prefix to keep sets apart. */
export const uuid = (n: number, prefix = '00000000') => `${prefix}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/** A `randomId` that counts up from 1. */
export function sequentialIds(prefix = 'aaaaaaaa'): () => string {
  let n = 0;
  return () => uuid(++n, prefix);
}

/** An export file around the given responses. */
export function exportFile(responses: ExportedResponse[], extra: Partial<SurveyExportFile> = {}): SurveyExportFile {
  return {
    $schema: '/schemas/survey-response.v1.json',
    schemaVersion: 1,
    kind: 'orienta.survey-responses',
    siteId: 'demo',
    exportedAt: '2026-05-01',
    responses,
    ...extra,
  };
}

let counter = 0;
/** A response with a fresh id; fields override the defaults (a course survey answered in Swedish). */
export function response(fields: Partial<ExportedResponse> = {}): ExportedResponse {
  return { responseId: uuid(++counter, 'f0f0f0f0'), surveyId: 'course', surveyVersion: 1, locale: 'sv', date: '2026-03-01', answers: {}, ...fields };
}

/** A minimal CSV reader (RFC 4180) for checking what `summaryToCsv` writes. */
export function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\r' && body[i + 1] === '\n') {
      row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    } else cell += ch;
  }
  if (cell || row.length) row.push(cell), rows.push(row);
  return rows;
}
