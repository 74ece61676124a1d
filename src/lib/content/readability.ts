/**
 * Readability of Swedish text: LIX (läsbarhetsindex, Björnsson 1968), the measure used for easy
 * Swedish. LIX = words per sentence + 100 × share of long words (more than six letters). Easy
 * Swedish aims at 25 or lower; ordinary news prose is around 40.
 */

/** Words and sentences counted for LIX. */
export interface LixCount {
  words: number;
  sentences: number;
  longWords: number;
  lix: number;
}

/**
 * The LIX of a text. A sentence ends at `.`, `!`, `?`, `:` or a line break (list items and headings
 * count as sentences); a word is a run of letters, digits and hyphens.
 *
 * @example lix('Du får pengar. Du ska söka jobb.').lix // about 4
 */
export function lix(text: string): LixCount {
  const words = text.match(/[\p{L}\p{N}][\p{L}\p{N}-]*/gu) ?? [];
  const sentences = Math.max(1, text.split(/[.!?:]+(?:\s|$)|\n+/u).filter((part) => /[\p{L}\p{N}]/u.test(part)).length);
  const longWords = words.filter((word) => (word.match(/\p{L}/gu)?.length ?? 0) > 6).length;
  const count = words.length;
  return { words: count, sentences, longWords, lix: count ? Math.round((count / sentences + (100 * longWords) / count) * 10) / 10 : 0 };
}

/** The highest LIX an easy-Swedish lesson may have in `npm run content:check`; the target is 25. */
export const MAX_EASY_LIX = 30;
/** What easy-Swedish lessons aim for. */
export const TARGET_EASY_LIX = 25;
