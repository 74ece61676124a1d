/**
 * Whether the device has a voice for a language: a computer voice is used only where one for that
 * exact language is installed. Chrome on Android may list a language whose voice is missing and
 * then read in English; a listed voice is the best this page can know, so the player says
 * "computer voice" and Somali, Tigrinya and Dari are never planned on one.
 */

/** What the page sees of a `SpeechSynthesisVoice`. */
export interface VoiceInfo {
  lang: string;
  name: string;
  default?: boolean;
}

const primary = (tag: string) => tag.toLowerCase().replace(/_/g, '-').split('-')[0] ?? '';
const region = (tag: string) => tag.toLowerCase().replace(/_/g, '-').split('-')[1];

/**
 * The best voice for a page language, or undefined. Dari (`prs`) matches only Dari voices
 * (`prs`, `fa-AF`); Persian never matches an Afghan voice; otherwise the language subtag decides,
 * and a voice for the page's region (e.g. `sv-SE`) or the default one is preferred.
 *
 * @example voiceFor([{ lang: 'ar-SA', name: 'Maged' }], 'ar')?.name // 'Maged'
 */
export function voiceFor<V extends VoiceInfo>(voices: readonly V[], lang: string): V | undefined {
  const want = primary(lang);
  if (!want) return undefined;
  const matches = voices.filter((voice) => {
    const have = primary(voice.lang);
    if (want === 'prs') return have === 'prs' || (have === 'fa' && region(voice.lang) === 'af');
    if (want === 'fa') return have === 'fa' && region(voice.lang) !== 'af';
    return have === want;
  });
  const wantRegion = region(lang);
  return matches.find((v) => wantRegion && region(v.lang) === wantRegion) ?? matches.find((v) => v.default) ?? matches[0];
}
