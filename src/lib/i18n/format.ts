/**
 * Fills `{{name}}` placeholders in a UI string template on the client, where i18next does not run.
 *
 * @example format('{{done}} of {{total}}', { done: 3, total: 9 }) // '3 of 9'
 */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}
