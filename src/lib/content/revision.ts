/**
 * Revisions of source texts. A translation records the revision of the source text it was made
 * from (`sourceRevision` in its frontmatter); when the source changes, its revision changes and
 * the translation is shown as outdated, with a link to the source, until a translator updates it
 * and records the new revision (`npm run i18n:stamp`).
 *
 * The revision is a hash of the text with white space folded, so re-wrapping lines does not make
 * seven translations stale, but any change of a word does.
 */
import { textHash } from '../text/hash.ts';

/**
 * The revision of a source text: its title, summary and body.
 *
 * @example revisionOf({ title: 'A-kassan', summary: '…', body: '…' }) // 'a1b2c3d4'
 */
export function revisionOf(text: { title: string; summary: string; body: string }): string {
  const fold = (value: string) => value.replace(/\s+/g, ' ').trim();
  return textHash([fold(text.title), fold(text.summary), fold(text.body)].join('\n'));
}
