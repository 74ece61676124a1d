/**
 * The lesson player, loaded when Listen is first pressed (`listen.browser.ts`). Browser-only.
 *
 * Lifecycle: `openPlayer` splits the article into paragraphs (`collectSegments`, the rule the
 * studio and the build use), fetches the manifest, and plays paragraph after paragraph: the
 * recording whose text hash matches, else the device's voice when one for exactly the text's
 * language is installed (each stretch in its own language, so Swedish key terms are read in
 * Swedish), else nothing, with a note. A recording of text that changed since it was made has no
 * matching paragraph and is never played. A recording that fails to load or play is skipped with
 * a note. The paragraph being read is highlighted; "Listen from here" buttons let any paragraph
 * start. Speed is a preference kept on the device. "Stop listening" removes everything the
 * player added and gives focus back to Listen. Recordings are fetched one paragraph ahead only.
 */
import type { AudioManifest } from '../../schemas/audio.ts';
import { deviceStore } from '../device-data/browser-store.ts';
import { isAudioManifestV1 } from '../device-data/validators/audio-manifest-v1.generated.ts';
import { format } from '../i18n/format.ts';
import { preferencesStore, setPreference } from '../reading/preferences.ts';
import { collectSegments, speechRuns, type Segment } from './segments.ts';
import { recordingsFor, type SegmentAudio } from './recordings.ts';
import { voiceFor } from './voices.ts';
import { deviceVoices } from './listen.browser.ts';

interface PlayerTexts {
  play: string;
  pause: string;
  position: string;
  fromHere: string;
  skipped: string;
  notRecorded: string;
  done: string;
  loadFailed: string;
}

const SPEEDS = [0.75, 1, 1.25, 1.5];
let open = false;

/** Loads the manifest; null when there is none or it cannot be read. */
async function loadManifest(url: string | undefined): Promise<AudioManifest | null | 'failed'> {
  if (!url) return null;
  try {
    const response = await fetch(url);
    if (!response.ok) return 'failed';
    const manifest: unknown = await response.json();
    return isAudioManifestV1(manifest) ? manifest : 'failed';
  } catch {
    return 'failed';
  }
}

/** Opens the player in a listen bar and starts from the first paragraph. */
export async function openPlayer(bar: HTMLElement): Promise<void> {
  const article = document.querySelector<HTMLElement>('article[data-lesson]');
  if (open || !article) return;
  open = true;
  const texts = JSON.parse(bar.dataset.texts ?? '{}') as PlayerTexts;
  const start = bar.querySelector<HTMLButtonElement>('[data-listen-start]')!;
  const panel = bar.querySelector<HTMLElement>('.listen-player')!;
  const toggle = panel.querySelector<HTMLButtonElement>('[data-action="toggle"]')!;
  const speedSelect = panel.querySelector<HTMLSelectElement>('[data-speed]')!;
  const position = panel.querySelector<HTMLElement>('[data-position]')!;
  const note = panel.querySelector<HTMLElement>('[data-listen-note]')!;
  const contentLang = bar.dataset.contentLang ?? document.documentElement.lang;

  const segments: Array<Segment<HTMLElement>> = collectSegments(article);
  const [loaded, voices] = await Promise.all([loadManifest(bar.dataset.manifest), deviceVoices()]);
  const manifest = loaded === 'failed' ? null : loaded;
  const manifestUrl = bar.dataset.manifest ? new URL(bar.dataset.manifest, location.href) : null;
  const audioOf: SegmentAudio[] = recordingsFor(segments, manifest);
  const pageVoice = voiceFor(voices, contentLang);
  if (loaded === 'failed') note.textContent = texts.loadFailed;
  if (loaded === 'failed' && !pageVoice) {
    open = false;
    return;
  }

  const preferences = deviceStore(preferencesStore, bar.dataset.site ?? '');
  let speed = SPEEDS.includes(preferences.snapshot().value.speed ?? 1) ? (preferences.snapshot().value.speed ?? 1) : 1;
  speedSelect.value = String(speed);

  const audio = new Audio();
  const urls = new Map<string, Promise<string | null>>();
  let index = 0;
  let playing = false;
  // Bumped on every jump, so a fetch or an utterance that ends late cannot move the player on.
  let generation = 0;

  const fileUrl = (file: string) => {
    let url = urls.get(file);
    if (!url) {
      url = fetch(new URL(file, manifestUrl!))
        .then((response) => (response.ok ? response.blob() : null))
        .then((blob) => (blob ? URL.createObjectURL(blob) : null))
        .catch(() => null);
      urls.set(file, url);
    }
    return url;
  };

  const fromHere = segments.map((segment, i) => {
    if (/^H[1-4]$/.test(segment.element.tagName)) return null;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'listen-here';
    button.setAttribute('data-audio-skip', '');
    button.setAttribute('aria-label', `${texts.fromHere} (${format(texts.position, { number: i + 1, total: segments.length })})`);
    button.lang = bar.lang;
    button.textContent = '▶';
    button.addEventListener('click', () => jump(i));
    segment.element.prepend(button);
    return button;
  });

  const setPlaying = (value: boolean) => {
    playing = value;
    toggle.textContent = value ? texts.pause : texts.play;
    bar.dataset.state = value ? 'playing' : 'paused';
  };

  const highlight = () => {
    segments.forEach((segment, i) => segment.element.classList.toggle('listen-current', i === index));
    const current = segments[index]!.element;
    const box = current.getBoundingClientRect();
    if (box.top < 0 || box.bottom > innerHeight) current.scrollIntoView({ block: 'center', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
    position.textContent = format(texts.position, { number: index + 1, total: segments.length });
    bar.dataset.current = String(index);
  };

  const stopSound = () => {
    audio.pause();
    (globalThis as { speechSynthesis?: SpeechSynthesis }).speechSynthesis?.cancel();
  };

  /** Whether paragraph `i` can be heard: a recording of its current text, or a device voice. */
  const playable = (i: number) => audioOf[i]?.kind === 'recording' || Boolean(pageVoice);

  /**
   * Moves to the next paragraph that can be heard from `from`, noting the first one passed over,
   * or ends the lesson.
   */
  const playFrom = (from: number, run: number) => {
    if (run !== generation) return;
    let next = from;
    while (next < segments.length && !playable(next)) next++;
    if (next > from) note.textContent = format(texts.notRecorded, { number: from + 1 });
    if (next >= segments.length) {
      setPlaying(false);
      bar.dataset.state = 'ended';
      note.textContent = texts.done;
      return;
    }
    index = next;
    void playCurrent();
  };
  const advance = (run: number) => playFrom(index + 1, run);

  async function playCurrent(): Promise<void> {
    const run = ++generation;
    highlight();
    const source = audioOf[index]!;
    if (source.kind === 'recording') {
      const next = audioOf[index + 1];
      const url = await fileUrl(source.recording.file);
      if (next?.kind === 'recording') void fileUrl(next.recording.file);
      if (run !== generation) return;
      if (!url) return skip(run, texts.skipped);
      audio.src = url;
      audio.playbackRate = speed;
      audio.onended = () => advance(run);
      audio.onerror = () => skip(run, texts.skipped);
      try {
        await audio.play();
      } catch (error) {
        // A pause pressed while starting is not a failure.
        if (run === generation && (error as DOMException).name !== 'AbortError') skip(run, texts.skipped);
      }
      return;
    }
    speak(run);
  }

  function speak(run: number) {
    const runs = speechRuns(segments[index]!.element, contentLang);
    runs.forEach((part, i) => {
      const utterance = new SpeechSynthesisUtterance(part.text);
      utterance.lang = part.lang;
      utterance.voice = voiceFor(voices, part.lang) ?? pageVoice!;
      utterance.rate = speed;
      if (i === runs.length - 1) utterance.onend = () => advance(run);
      speechSynthesis.speak(utterance);
    });
    if (!runs.length) advance(run);
  }

  function skip(run: number, message: string) {
    if (run !== generation) return;
    note.textContent = format(message, { number: index + 1 });
    advance(run);
  }

  function jump(to: number) {
    stopSound();
    note.textContent = '';
    setPlaying(true);
    playFrom(Math.max(0, Math.min(segments.length - 1, to)), ++generation);
  }

  function close() {
    generation++;
    stopSound();
    audio.removeAttribute('src');
    for (const url of urls.values()) void url.then((u) => u && URL.revokeObjectURL(u));
    fromHere.forEach((button) => button?.remove());
    segments.forEach((segment) => segment.element.classList.remove('listen-current'));
    panel.hidden = true;
    start.hidden = false;
    delete bar.dataset.state;
    delete bar.dataset.current;
    open = false;
    start.focus();
    controller.abort();
  }

  const controller = new AbortController();
  const on = (selector: string, handler: () => void) => panel.querySelector(selector)!.addEventListener('click', handler, { signal: controller.signal });
  on('[data-action="toggle"]', () => {
    if (playing) {
      generation++;
      stopSound();
      setPlaying(false);
    } else jump(index);
  });
  on('[data-action="previous"]', () => {
    let to = index - 1;
    while (to > 0 && !playable(to)) to--;
    jump(to);
  });
  on('[data-action="next"]', () => jump(index + 1));
  on('[data-action="stop"]', close);
  speedSelect.addEventListener(
    'change',
    () => {
      speed = Number(speedSelect.value);
      audio.playbackRate = speed;
      preferences.update((prefs) => setPreference(prefs, 'speed', speed));
      // A computer voice takes its rate per utterance: restart the paragraph at the new speed.
      if (playing && audioOf[index]?.kind !== 'recording') jump(index);
    },
    { signal: controller.signal },
  );

  start.hidden = true;
  panel.hidden = false;
  toggle.focus();
  jump(0);
}
