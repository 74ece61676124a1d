/**
 * Text preparation for the search index and for queries. Pure, shared by the build-time
 * indexer and the search island so both split words the same way.
 */
import { htmlToText } from '../text/markup.ts';

/** Ethiopic word space (፡) and full stop (።) and other punctuation that separates words. */
const ETHIOPIC_SEPARATORS = /[\u1361-\u1368]/g;

/**
 * Makes Ethiopic word separators split words, by following each with a space. Pagefind splits
 * on whitespace; without this, "ቃል፡ቃል" would be one word.
 *
 * @example splitEthiopicWords('ስራ፡ምድላይ') // 'ስራ፡ ምድላይ'
 */
export function splitEthiopicWords(text: string): string {
  return text.replace(ETHIOPIC_SEPARATORS, (mark) => `${mark} `);
}

/** Prepares a page's HTML for indexing in its language. Only Ethiopic text needs changes today. */
export function prepareHtmlForIndex(html: string, lang: string): string {
  return lang.toLowerCase().startsWith('ti') || lang.toLowerCase().startsWith('am') ? splitEthiopicWords(html) : html;
}

/** Normalises a search query the way the index was prepared. */
export function normaliseQuery(query: string): string {
  return query.replace(ETHIOPIC_SEPARATORS, ' ').replace(/\s+/g, ' ').trim();
}

/** A Pagefind excerpt split into plain text and highlighted parts, so it renders as text, never as HTML. */
export function excerptParts(excerpt: string): Array<{ text: string; mark: boolean }> {
  const decode = htmlToText;
  const parts: Array<{ text: string; mark: boolean }> = [];
  const re = /<mark>([\s\S]*?)<\/mark>/g;
  let last = 0;
  for (const match of excerpt.matchAll(re)) {
    if (match.index! > last) parts.push({ text: decode(excerpt.slice(last, match.index)), mark: false });
    parts.push({ text: decode(match[1] ?? ''), mark: true });
    last = match.index! + match[0].length;
  }
  if (last < excerpt.length) parts.push({ text: decode(excerpt.slice(last)), mark: false });
  return parts.filter((p) => p.text.length > 0);
}
