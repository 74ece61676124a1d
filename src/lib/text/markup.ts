/**
 * The one markup policy for text that comes from outside (imported files, links, typed names).
 *
 * Nothing a participant or teacher exchanges needs HTML, so a string that opens a tag, comment,
 * doctype or processing instruction (`<` followed by a letter, `/`, `!` or `?`) is refused rather
 * than escaped: a hostile file never reaches storage. Free text typed into a form is *defused*
 * instead, so a participant who writes `<3` or `a<b` keeps their answer.
 */

/** Start of a tag, comment, doctype or processing instruction. */
export const MARKUP_PATTERN = /<[A-Za-z/!?]/;

/** The same rule as a JSON Schema / zod pattern that a whole string must match ("contains no markup"). */
export const NO_MARKUP_PATTERN = /^(?![\s\S]*<[A-Za-z/!?])[\s\S]*$/;

/** `<` opening something tag-like, also with spaces between (`< img`). */
const TAG_LIKE_LESS_THAN = /<(?=\s*[A-Za-z/!?])/g;

/** True when `text` opens markup. */
export function hasMarkup(text: string): boolean {
  return MARKUP_PATTERN.test(text);
}

/**
 * Makes typed text safe to store and export without changing what it says: a `<` that would open
 * a tag becomes the full-width `＜` (U+FF1C), which looks alike and is never markup.
 *
 * @example defuseMarkup('<b>hej') // '＜b>hej'
 */
export function defuseMarkup(text: string): string {
  return text.replace(TAG_LIKE_LESS_THAN, '\uFF1C');
}

/** Deepest nesting of arrays and objects accepted in an imported file. Ours nest at most 6 deep. */
export const MAX_JSON_DEPTH = 16;

/** What is wrong with an untrusted JSON value, if anything. */
export type UntrustedJsonProblem = 'too-deep' | 'markup';

/**
 * Walks an untrusted JSON value once: refuses nesting deeper than `maxDepth` (a "JSON bomb" that
 * would exhaust the stack later) and markup in any string or key.
 */
export function inspectUntrustedJson(value: unknown, maxDepth = MAX_JSON_DEPTH): UntrustedJsonProblem | null {
  // Iterative, so a hostile depth cannot overflow the stack here either.
  const stack: Array<[unknown, number]> = [[value, 0]];
  let markup = false;
  while (stack.length) {
    const [current, depth] = stack.pop()!;
    if (typeof current === 'string') {
      markup ||= hasMarkup(current);
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    if (depth >= maxDepth) return 'too-deep';
    if (Array.isArray(current)) for (const item of current) stack.push([item, depth + 1]);
    else
      for (const [key, item] of Object.entries(current)) {
        markup ||= hasMarkup(key);
        stack.push([item, depth + 1]);
      }
  }
  return markup ? 'markup' : null;
}

/**
 * Plain text of an HTML fragment for search excerpts and titles: tags removed, the five entities
 * HTML escaping produces decoded. Not a sanitiser: the result is only ever set as text.
 */
export function htmlToText(html: string): string {
  return html.replace(/<[^>]*>/g, '').replace(/&(lt|gt|quot|#39|#x27|amp);/g, (_, entity: string) => ENTITIES[entity] ?? '');
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", amp: '&' };
