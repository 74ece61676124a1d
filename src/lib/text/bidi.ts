/**
 * Names typed by people (a participant's name, a group's name) are shown inside translated
 * sentences. Unicode bidi controls in them (U+202A–U+202E, U+2066–U+2069, U+200E/F, U+061C) can
 * reverse the sentence around them ("Amina completed …" read backwards). They are stripped when
 * a name is stored, and every name is also rendered isolated (`<bdi>`), so a mixed-direction name
 * cannot move the text around it.
 */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Removes bidi control characters. */
export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/** True when `text` holds a bidi control character. */
export function hasBidiControls(text: string): boolean {
  return /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(text);
}

/**
 * A name as typed, made safe to store and show: bidi and other control characters removed,
 * angle brackets removed, spaces collapsed, cut to `max` characters (code points).
 */
export function cleanName(text: string, max: number): string {
  // eslint-disable-next-line no-control-regex
  const clean = stripBidiControls(text).replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029<>]/g, '').replace(/\s+/g, ' ').trim();
  return [...clean].slice(0, max).join('').trim();
}
