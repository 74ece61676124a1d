/**
 * What the card keeps of a text the participant types. The card is printed for an employer, so
 * text that could turn the printout around or be read as code is made safe, and said to be:
 * bidi control characters (which can reverse the line around them) are removed, and a `<` that
 * would open a tag becomes `＜` (the one markup policy, `../text/markup.ts`). Nothing else is
 * changed. A text over its limit is not cut: it is refused, so the participant shortens it
 * themselves and keeps what they wrote on screen meanwhile.
 */
import { defuseMarkup } from '../text/markup.ts';
import { hasBidiControls, stripBidiControls } from '../text/bidi.ts';

/** What was changed to make a text safe. */
export type TextCleaning = 'bidi' | 'markup';

/** The outcome of checking a typed text. */
export type CardTextCheck =
  | { ok: true; value: string; cleaned: TextCleaning[] }
  | { ok: false; problem: 'too-long'; length: number; max: number };

// eslint-disable-next-line no-control-regex
const CONTROL_EXCEPT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/**
 * Checks a text typed into the card.
 *
 * @param max the field's limit in UTF-16 units (what `String#length` and the stored schema count)
 * @param multiline whether line breaks are kept (longer texts) or become spaces (one-line fields)
 */
export function checkCardText(raw: string, max: number, multiline = false): CardTextCheck {
  const cleaned: TextCleaning[] = [];
  let value = raw.replace(/\r\n?/g, '\n');
  if (hasBidiControls(value)) {
    value = stripBidiControls(value);
    cleaned.push('bidi');
  }
  value = multiline ? value.replace(CONTROL_EXCEPT_NEWLINE, ' ') : value.replace(CONTROL, ' ');
  const defused = defuseMarkup(value);
  if (defused !== value) cleaned.push('markup');
  if (defused.length > max) return { ok: false, problem: 'too-long', length: defused.length, max };
  return { ok: true, value: defused, cleaned };
}

/** A stored text as it is shown on a printout or in a file: trimmed, absent when blank. */
export function shownText(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}
