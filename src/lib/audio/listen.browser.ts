/**
 * The eager part of "Listen" (`Listen.astro`): small, so a lesson's first load stays light.
 *
 * Lifecycle: on load it shows Listen when the lesson has recorded audio in the article's language;
 * otherwise it waits briefly for the device's voice list and shows Listen ("computer voice") only
 * when a voice for exactly that language is installed, or else "No audio yet in this language".
 * Pressing Listen loads the player (`player.browser.ts`) and hands it the bar.
 */
import { voiceFor } from './voices.ts';

/** The device's voices, once the browser has listed them (it may list them late, or never). */
export function deviceVoices(timeoutMs = 1500): Promise<SpeechSynthesisVoice[]> {
  const synth = (globalThis as { speechSynthesis?: SpeechSynthesis }).speechSynthesis;
  if (!synth) return Promise.resolve([]);
  const now = synth.getVoices();
  if (now.length) return Promise.resolve(now);
  return new Promise((resolve) => {
    const done = () => resolve(synth.getVoices());
    synth.addEventListener('voiceschanged', done, { once: true });
    setTimeout(done, timeoutMs);
  });
}

/** Wires every listen bar under `root`. */
export function enhanceListen(root: ParentNode): void {
  for (const bar of root.querySelectorAll<HTMLElement>('[data-listen]')) {
    const start = bar.querySelector<HTMLButtonElement>('[data-listen-start]')!;
    const info = bar.querySelector<HTMLElement>('[data-listen-info]')!;
    const none = bar.querySelector<HTMLElement>('[data-listen-none]')!;
    const texts = JSON.parse(bar.dataset.texts ?? '{}') as { computerVoice: string };
    if (!bar.dataset.manifest) {
      void deviceVoices().then((voices) => {
        if (voiceFor(voices, bar.dataset.contentLang ?? '')) {
          start.hidden = false;
          info.textContent = texts.computerVoice;
        } else none.hidden = false;
      });
    }
    start.addEventListener('click', async () => {
      const { openPlayer } = await import('./player.browser.ts');
      await openPlayer(bar);
    });
  }
}
