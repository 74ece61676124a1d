import type { z } from 'astro/zod';

/**
 * Turns a zod error into one line per problem that names the file and the field.
 *
 * @example
 * formatIssues('content/sites/demo/site.yaml', error)
 * // 'content/sites/demo/site.yaml: contact.email: Invalid email address'
 */
export function formatIssues(file: string, error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const field = issue.path.length ? issue.path.join('.') : '(root)';
      return `${file}: ${field}: ${issue.message}`;
    })
    .join('\n');
}
