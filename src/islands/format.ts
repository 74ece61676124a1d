/**
 * `format()` for islands: fills a translated template and writes its numbers as the page's
 * reader writes them (`<html data-numbers>`, set by the layout from the locale: "7,5" in Swedish,
 * Arabic-Indic digits in Arabic). On the server there is no document, so numbers come out in
 * Latin digits; Preact corrects the text when the island hydrates.
 */
import { format as fill } from '../lib/i18n/format.ts';

/** The page's `Intl` tag for numbers, when there is a page. */
export const pageNumbers = (): string | undefined => globalThis.document?.documentElement.dataset.numbers;

/** Fills `{{name}}` placeholders; numbers in the reader's way of writing them. */
export function format(template: string, values: Record<string, string | number>): string {
  return fill(template, values, pageNumbers());
}
