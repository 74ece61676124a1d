import type { z } from 'astro/zod';

/**
 * The one formatter of zod errors: one line per problem that names the file and the field, so a
 * bad lesson, site config or survey fails the build with a message an editor can act on.
 *
 * @example
 * formatIssues('content/sites/demo/site.yaml', error)
 * // 'content/sites/demo/site.yaml: contact.email: Invalid email address'
 */
export function formatIssues(file: string, error: z.ZodError): string {
  return issueLines(error)
    .map((line) => `${file}: ${line}`)
    .join('\n');
}

/**
 * The problems of a zod error as `field: message` lines, at most `limit` of them (and a line that
 * says how many more there are).
 */
export function issueLines(error: z.ZodError, limit = Infinity): string[] {
  const lines = error.issues.slice(0, limit).map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`);
  if (error.issues.length > limit) lines.push(`(and ${error.issues.length - limit} more)`);
  return lines;
}
