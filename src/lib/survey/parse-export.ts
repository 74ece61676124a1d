/**
 * Reading one exported survey file that someone handed in. Anything unexpected is refused with a
 * code the report page translates, and a short English detail.
 */
import {
  SURVEY_EXPORT_KIND,
  SURVEY_EXPORT_SCHEMA_VERSION,
  surveyExportFileSchema,
  type SurveyExportFile,
} from '../../schemas/survey-response.ts';

/** Largest export file accepted, in bytes (UTF-8). One participant's answers take a few kilobytes. */
export const MAX_EXPORT_FILE_BYTES = 5 * 1024 * 1024;

/**
 * Why a file was refused:
 * - `too-large`: over 5 MB
 * - `not-json`: not JSON text
 * - `wrong-kind`: JSON, but not a survey export (e.g. a progress export)
 * - `unknown-version`: a `schemaVersion` other than 1
 * - `invalid`: does not follow the schema (including markup in a string)
 * - `unreadable`: the file could not be read at all (reported by the caller)
 */
export type ExportFileErrorCode = 'too-large' | 'not-json' | 'wrong-kind' | 'unknown-version' | 'invalid' | 'unreadable';

/** A refused file's reason. */
export interface ExportFileError {
  code: ExportFileErrorCode;
  message: string;
}

/** The result of `parseSurveyExport()`. */
export type ParseExportResult = { ok: true; file: SurveyExportFile } | { ok: false; error: ExportFileError };

/** Bytes `text` takes in UTF-8, without encoding it. */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** The error for a file over `MAX_EXPORT_FILE_BYTES`; for callers that can see the size before reading (File.size, fs.stat). */
export function tooLargeError(bytes: number): ExportFileError {
  return { code: 'too-large', message: `${bytes} bytes; the limit is ${MAX_EXPORT_FILE_BYTES} bytes (5 MB)` };
}

/**
 * Parses and validates the text of one exported survey file.
 *
 * @example
 * const result = parseSurveyExport(await file.text());
 * if (!result.ok) show(result.error.code);
 */
export function parseSurveyExport(text: string): ParseExportResult {
  // A character is at least one byte, and at most three per UTF-16 unit: count only when it matters.
  if (text.length > MAX_EXPORT_FILE_BYTES) return { ok: false, error: tooLargeError(text.length) };
  if (text.length * 3 > MAX_EXPORT_FILE_BYTES) {
    const bytes = utf8ByteLength(text);
    if (bytes > MAX_EXPORT_FILE_BYTES) return { ok: false, error: tooLargeError(bytes) };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    return { ok: false, error: { code: 'not-json', message: (error as Error).message } };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, error: { code: 'wrong-kind', message: 'not a JSON object' } };
  }
  const record = raw as Record<string, unknown>;
  // A file naming another kind, or naming neither kind nor version, is some other file.
  if (record.kind !== SURVEY_EXPORT_KIND && ('kind' in record || !('schemaVersion' in record))) {
    const kind = typeof record.kind === 'string' ? `"${record.kind.slice(0, 60)}"` : 'kind' in record ? typeof record.kind : 'missing';
    return { ok: false, error: { code: 'wrong-kind', message: `not a survey export: kind is ${kind}, expected "${SURVEY_EXPORT_KIND}"` } };
  }
  if (record.schemaVersion !== SURVEY_EXPORT_SCHEMA_VERSION) {
    return { ok: false, error: { code: 'unknown-version', message: `schemaVersion ${JSON.stringify(record.schemaVersion)?.slice(0, 20) ?? 'missing'}; this site reads ${SURVEY_EXPORT_SCHEMA_VERSION}` } };
  }
  const parsed = surveyExportFileSchema.safeParse(raw);
  if (!parsed.success) {
    const shown = parsed.error.issues.slice(0, 3).map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    const more = parsed.error.issues.length > 3 ? ` (and ${parsed.error.issues.length - 3} more)` : '';
    return { ok: false, error: { code: 'invalid', message: shown.join('; ') + more } };
  }
  return { ok: true, file: parsed.data };
}
