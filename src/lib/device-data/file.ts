/**
 * One reader and writer for every file a participant or teacher exchanges (progress, survey
 * answers, and every later format). A file is JSON that names its JSON Schema in `$schema`, its
 * format in `kind` and its version in `schemaVersion`.
 *
 * Reading refuses, with one `FileError` each: a file too large, not JSON, nested deeper than any
 * of ours, of another kind, from a newer version, of a version we cannot read, invalid, carrying
 * markup, from another site (where the caller forbids it) or holding a date in the future.
 * Nothing is stored by reading: callers show a preview and ask before they change anything.
 */
import { inspectUntrustedJson } from '../text/markup.ts';
import type { FileError } from './errors.ts';
import { migrate, type Migration } from './store.ts';
import type { Validator } from './validate.ts';

/** A file format. */
export interface FileDefinition<T> {
  /** `kind` marker, e.g. `orienta.progress`. */
  kind: string;
  /** The `schemaVersion` this code writes. */
  version: number;
  /** File name of its JSON Schema under `/schemas/`, e.g. `progress.v1.json`. */
  schema: string;
  /** Largest file accepted, in bytes (UTF-8). */
  maxBytes: number;
  /** Validates a file of `version` (generated from its zod schema). */
  validate: Validator<T>;
  /** `migrations[n]` lifts a version-n file to n + 1, for older files still in people's hands. */
  migrations?: Readonly<Record<number, Migration>>;
  /** Rules the schema cannot say; false makes the file `invalid`. */
  accepts?(file: T): boolean;
  /** The file's site id, when it has one. */
  siteOf?(file: T): string | undefined;
  /** Every date or time in the file that must not lie in the future. */
  datesOf?(file: T): string[];
}

/** How a read turned out. `detail` is a short English note for reports and logs, never shown alone. */
export type FileReadResult<T> = { ok: true; file: T } | { ok: false; error: FileError; detail?: string };

export interface ReadOptions {
  now: Date;
  /** When set, a file from another site is refused with `other-site`. */
  requireSite?: string;
}

/** Dates up to a day ahead are accepted: a participant's clock may be wrong by a time zone. */
const CLOCK_SKEW_MS = 36 * 60 * 60 * 1000;

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

/**
 * Reads and checks the text of an imported file.
 *
 * @example
 * const read = readVersionedFile(await file.text(), progressFile, { now: new Date() });
 * if (!read.ok) show(strings[dataErrorKey(read.error)]);
 */
export function readVersionedFile<T>(text: string, definition: FileDefinition<T>, options: ReadOptions): FileReadResult<T> {
  // A character takes one to three bytes per UTF-16 unit: count exactly only when it matters.
  if (text.length > definition.maxBytes || (text.length * 3 > definition.maxBytes && utf8ByteLength(text) > definition.maxBytes)) {
    return { ok: false, error: 'file-too-large' };
  }
  // No depth scan before parsing: the engines' JSON parsers are iterative, and where one is not,
  // its stack error is caught here. A file that passes its schema is shallow (every schema is
  // closed), so depth is measured only for a file that fails, to name the reason.
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    if (error instanceof SyntaxError) return { ok: false, error: 'not-json', detail: error.message };
    return { ok: false, error: 'too-deep', detail: (error as Error).message };
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return { ok: false, error: 'wrong-kind', detail: 'not a JSON object' };
  const record = data as Record<string, unknown>;
  if (record.kind !== definition.kind) {
    return { ok: false, error: 'wrong-kind', detail: `kind ${typeof record.kind === 'string' ? JSON.stringify(record.kind.slice(0, 60)) : 'missing'}, expected "${definition.kind}"` };
  }
  // Markup needs a "<", written as such or escaped: a file with neither needs no walk (most files).
  const problem = text.includes('<') || /\\u003c/i.test(text) ? inspectUntrustedJson(data) : null;
  if (problem) return { ok: false, error: problem };
  const version = record.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version)) return { ok: false, error: 'unknown-version', detail: 'no schemaVersion' };
  if (version > definition.version) return { ok: false, error: 'newer-version', detail: `schemaVersion ${version}; this site reads ${definition.version}` };
  let current: unknown = record;
  if (version < definition.version) {
    const lifted = migrate({ ...record, version }, definition.migrations ?? {}, definition.version);
    if (lifted.status !== 'ok') return { ok: false, error: 'unknown-version', detail: `schemaVersion ${version}` };
    const { version: _internal, ...rest } = lifted.value as Record<string, unknown>;
    current = { ...rest, schemaVersion: definition.version };
  }
  if (!definition.validate(current)) {
    if (inspectUntrustedJson(data) === 'too-deep') return { ok: false, error: 'too-deep' };
    return { ok: false, error: 'invalid', detail: definition.validate.describe(current) ?? undefined };
  }
  const file = current;
  if (definition.accepts && !definition.accepts(file)) return { ok: false, error: 'invalid', detail: 'fails a rule across fields' };
  const site = definition.siteOf?.(file);
  if (options.requireSite !== undefined && site !== undefined && site !== options.requireSite) {
    return { ok: false, error: 'other-site', detail: `from site "${site}"` };
  }
  const latest = options.now.getTime() + CLOCK_SKEW_MS;
  // A day lies ahead exactly when it comes after the day of `latest`; days compare as text, which
  // spares a date parse per survey answer.
  const latestDay = new Date(latest).toISOString().slice(0, 10);
  const future = definition.datesOf?.(file).find((date) => (date.length === 10 ? date > latestDay : Date.parse(date) > latest));
  if (future) return { ok: false, error: 'future-date', detail: future };
  return { ok: true, file };
}

/**
 * Writes a file of a format: `$schema` (absolute URL of its schema), `schemaVersion` and `kind`
 * first, then the body, as pretty JSON with a final newline.
 *
 * @param schemaUrl the absolute address of the schema, e.g. `schemaUrl(definition.schema)` on a page
 */
export function writeVersionedFile<T>(definition: FileDefinition<T>, body: object, schemaUrl: string): string {
  const file = { $schema: schemaUrl, schemaVersion: definition.version, kind: definition.kind, ...body };
  if (!definition.validate(file)) throw new Error(`refusing to write an invalid ${definition.kind} file: ${definition.validate.describe(file)}`);
  return `${JSON.stringify(file, null, 2)}\n`;
}
