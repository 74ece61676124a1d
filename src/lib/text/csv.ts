/**
 * CSV for spreadsheets, the one writer for every download (survey report, group overview).
 * RFC 4180 quoting, protection against formula injection (OWASP), CRLF line ends and a UTF-8
 * byte-order mark so that Excel reads Arabic, Ethiopic and Cyrillic text right.
 */

/** A cell value: text, a number, or empty. */
export type CsvCell = string | number | null | undefined;

/** Characters that make a spreadsheet read a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell. Numbers are written as they are (non-finite as empty). Text that a spreadsheet
 * would run as a formula gets a leading `'`; text holding the delimiter, a quote, a line break or
 * outer spaces is quoted.
 *
 * @example csvCell('=SUM(A1)') // "'=SUM(A1)"
 */
export function csvCell(value: CsvCell, delimiter = ','): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return safe.includes(delimiter) || /["\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * A whole CSV document from rows of cells.
 *
 * @param options.delimiter `,` (default) or `;` (what Excel expects in Swedish and many other locales).
 * @param options.bom prefix a UTF-8 byte-order mark (default true).
 */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<CsvCell>>, options: { delimiter?: ',' | ';'; bom?: boolean } = {}): string {
  const delimiter = options.delimiter ?? ',';
  const body = rows.map((row) => row.map((cell) => csvCell(cell, delimiter)).join(delimiter)).join('\r\n');
  return `${options.bom === false ? '' : '\uFEFF'}${body}\r\n`;
}

/**
 * The delimiter a spreadsheet in the reader's language expects: `;` where numbers are written with
 * a decimal comma (Swedish, Ukrainian, …), else `,`.
 *
 * @param tag a BCP-47 tag, e.g. `sv-SE`
 */
export function csvDelimiterFor(tag: string): ',' | ';' {
  try {
    const decimal = new Intl.NumberFormat(tag).formatToParts(1.5).find((part) => part.type === 'decimal')?.value;
    return decimal === ',' ? ';' : ',';
  } catch {
    return ',';
  }
}
