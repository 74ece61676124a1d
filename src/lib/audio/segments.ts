/**
 * What a lesson's "paragraphs" are for listening and recording: the one rule shared by the player
 * and the recording studio (in the browser, on the page's DOM) and by the build's audio check
 * (in Node, on the built HTML through node-html-parser). A recording is tied to its paragraph by a hash of
 * the paragraph's text as rendered (facts included, so a changed amount makes the recording stale).
 *
 * A segment is a block of the lesson article (a heading, paragraph, list item, term or
 * definition, table cell or caption) that holds no other such block, outside anything marked
 * `data-audio-skip` (the lesson's meta line, self-check, sources, buttons).
 */
import { textHash } from '../text/hash.ts';

/** Blocks that can be segments. */
const BLOCKS = new Set(['H1', 'H2', 'H3', 'H4', 'P', 'LI', 'DT', 'DD', 'TH', 'TD', 'CAPTION', 'FIGCAPTION']);
/** Never read: marked by the components, or not text. */
const SKIP_ATTRIBUTE = 'data-audio-skip';
const NEVER = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'BUTTON', 'SELECT', 'TEXTAREA', 'SVG', 'NOSCRIPT']);

/** The DOM the rule needs; the browser's and node-html-parser's both have it. */
type Node_ = { nodeType: number; textContent: string | null; childNodes: ArrayLike<Node_>; parentNode: Node_ | null };
export type SegmentElement = Node_ & { tagName: string; hasAttribute(name: string): boolean; getAttribute(name: string): string | null };

/** One segment of a lesson. */
export interface Segment<E extends SegmentElement = SegmentElement> {
  element: E;
  /** The text as read: whitespace folded, NFC. */
  text: string;
  /** `textHash(text)`: what a recording is tied to. */
  hash: string;
  /** The language of the block (its own or nearest `lang`). */
  lang: string;
}

/** A stretch of a segment's text in one language, for a computer voice. */
export interface SpeechRun {
  text: string;
  lang: string;
}

const isElement = (node: Node_): node is SegmentElement => node.nodeType === 1;
const skipped = (element: SegmentElement) => element.hasAttribute(SKIP_ATTRIBUTE) || element.hasAttribute('hidden') || NEVER.has(element.tagName.toUpperCase());

/** Folds whitespace and normalises, so the same text always hashes the same in every DOM. */
export function normaliseText(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** The text of an element as read, without skipped parts. */
export function segmentText(element: SegmentElement): string {
  return normaliseText(speechRuns(element, '').map((run) => run.text).join(''));
}

/** The language of an element: its own `lang` or its nearest ancestor's. */
export function languageOf(element: SegmentElement, fallback: string): string {
  for (let node: Node_ | null = element; node; node = node.parentNode) {
    if (isElement(node)) {
      const lang = node.getAttribute('lang');
      if (lang) return lang;
    }
  }
  return fallback;
}

/**
 * A segment's text split by language (e.g. an Arabic paragraph with a Swedish key term), so a
 * computer voice reads each part in its own language. Adjacent parts in one language are merged.
 */
export function speechRuns(element: SegmentElement, fallbackLang: string): SpeechRun[] {
  const runs: SpeechRun[] = [];
  const visit = (node: Node_, lang: string) => {
    if (node.nodeType === 3) {
      const text = node.textContent ?? '';
      const last = runs.at(-1);
      if (last && last.lang === lang) last.text += text;
      else if (text) runs.push({ text, lang });
      return;
    }
    if (!isElement(node) || skipped(node)) return;
    const own = node.getAttribute('lang') || lang;
    for (const child of Array.from(node.childNodes)) visit(child, own);
  };
  visit(element, languageOf(element, fallbackLang));
  return runs.filter((run) => run.text.trim());
}

/**
 * The segments of a lesson article, in document order.
 *
 * @example collectSegments(document.querySelector('article[data-lesson]')).map((s) => s.hash)
 */
export function collectSegments<E extends SegmentElement>(root: E): Segment<E>[] {
  const segments: Segment<E>[] = [];
  // Returns whether the subtree holds a block, so a block holding blocks is not a segment itself.
  const visit = (element: SegmentElement): boolean => {
    if (skipped(element)) return false;
    let holdsBlock = false;
    for (const child of Array.from(element.childNodes)) if (isElement(child) && visit(child)) holdsBlock = true;
    const isBlock = BLOCKS.has(element.tagName.toUpperCase());
    if (isBlock && !holdsBlock) {
      const text = segmentText(element);
      // Segments never nest, so pushing them as they are met keeps document order.
      if (text) segments.push({ element: element as E, text, hash: textHash(text), lang: languageOf(element, '') });
    }
    return isBlock || holdsBlock;
  };
  visit(root);
  return segments;
}
