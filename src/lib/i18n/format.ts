import { formatNumber } from './numbers.ts';

/**
 * Fills `{{name}}` placeholders in a UI string template on the client, where i18next does not run.
 *
 * @example format('{{done}} of {{total}}', { done: 3, total: 9 }) // '3 of 9'
 * @example format('{{hours}} h', { hours: 7.5 }, 'sv-SE') // '7,5 h'
 * @param numbers an `Intl` tag (`intlTag()`): numbers are then written as the reader writes them
 */
export function format(template: string, values: Record<string, string | number>, numbers?: string): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (match, name: string) => {
    if (!(name in values)) return match;
    const value = values[name]!;
    return typeof value === 'number' && numbers ? formatNumber(value, numbers) : String(value);
  });
}
