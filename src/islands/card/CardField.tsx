/**
 * One text field of the competence card. What the participant types stays on screen as typed;
 * what is stored is the checked text (`checkCardText`): bidi controls removed, markup defused.
 * A text over the limit is not stored and not cut: the field says so and keeps it, so nothing
 * typed is lost while the participant shortens it.
 */
import { useEffect, useState } from 'preact/hooks';
import { checkCardText } from '../../lib/card/text.ts';
import { format } from '../format.ts';

export const CARD_FIELD_KEYS = ['card.counter', 'card.tooLong', 'card.textCleaned'] as const;
type Strings = Record<(typeof CARD_FIELD_KEYS)[number], string>;

interface Props {
  id: string;
  label: string;
  hint?: string | undefined;
  /** The stored text. */
  value: string;
  max: number;
  multiline?: boolean;
  /** `lang` of what is typed: the card's text language. */
  lang: string;
  autocomplete?: string;
  /** Stores a checked text. */
  onSave(value: string): void;
  strings: Strings;
}

export default function CardField({ id, label, hint, value, max, multiline = false, lang, autocomplete, onSave, strings }: Props) {
  // The text as typed while the field has focus or holds a text that could not be stored.
  const [draft, setDraft] = useState<string | null>(null);
  const [tooLong, setTooLong] = useState<{ length: number; max: number } | null>(null);
  const [cleaned, setCleaned] = useState(false);
  const [focused, setFocused] = useState(false);
  useEffect(() => {
    // Changed elsewhere (another tab, an import, "Clear"): show the stored text.
    if (!focused && !tooLong) setDraft(null);
  }, [value]);

  const shown = draft ?? value;
  const length = shown.length;
  // The count appears when the limit comes near, not on every field from the start.
  const near = length >= max * 0.8;
  const describedBy = [hint && `${id}-hint`, near && `${id}-count`, tooLong && `${id}-error`, cleaned && `${id}-note`].filter(Boolean).join(' ');
  const onInput = (event: Event) => {
    const typed = (event.currentTarget as HTMLInputElement | HTMLTextAreaElement).value;
    setDraft(typed);
    const check = checkCardText(typed, max, multiline);
    if (!check.ok) {
      setTooLong({ length: check.length, max: check.max });
      return;
    }
    setTooLong(null);
    if (check.cleaned.length) setCleaned(true);
    onSave(check.value);
  };
  const attributes = {
    id,
    lang,
    dir: 'auto' as const,
    value: shown,
    'aria-describedby': describedBy || undefined,
    'aria-invalid': tooLong ? ('true' as const) : undefined,
    onInput,
    onFocus: () => setFocused(true),
    onBlur: () => {
      setFocused(false);
      // Show what was stored (cleaned), unless the text could not be stored.
      if (!tooLong) setDraft(null);
    },
  };
  return (
    <div class={tooLong ? 'field invalid' : 'field'}>
      <label for={id}>{label}</label>
      {hint && <p id={`${id}-hint`} class="hint">{hint}</p>}
      {multiline ? <textarea rows={4} {...attributes} /> : <input type="text" autocomplete={autocomplete ?? 'off'} {...attributes} />}
      {near && (
        <p id={`${id}-count`} class="counter">
          {format(strings['card.counter'], { count: length, max })}
        </p>
      )}
      {tooLong && (
        <p id={`${id}-error`} class="fb fb-bad" role="alert">
          {format(strings['card.tooLong'], { count: tooLong.length, max: tooLong.max })}
        </p>
      )}
      {cleaned && (
        <p id={`${id}-note`} class="hint" role="status">
          {strings['card.textCleaned']}
        </p>
      )}
    </div>
  );
}
