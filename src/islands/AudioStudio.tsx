/**
 * The recording studio: a teacher (often a samhällskommunikatör) reads a lesson aloud in their
 * language, paragraph by paragraph, and exports an audio pack that drops into `content/audio/`.
 * Nothing is uploaded anywhere.
 *
 * Lifecycle: "Open the lesson" fetches the lesson page in the chosen language and splits it into
 * paragraphs with the player's own rule (`collectSegments`), and fetches the lesson's published
 * manifest if there is one. A paragraph's status is: recorded (a published or opened recording
 * of its current text), new (recorded on this page), stale (its text changed since it was
 * recorded) or not recorded. Recording uses the microphone through MediaRecorder (Opus at
 * 24 kbit/s, mono, where the browser can). New recordings live in memory until exported; leaving
 * the page with unexported recordings asks first. "Open an audio pack" continues earlier work.
 * The export holds every paragraph with a current recording and is checked with the same rules
 * the build applies before it is offered as a download.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AudioManifest, AudioSegment } from '../schemas/audio.ts';
import { checkAudioPack, packEntries, type PackError } from '../lib/audio/pack.ts';
import { staleByParagraph, staleRecordings } from '../lib/audio/recordings.ts';
import { collectSegments } from '../lib/audio/segments.ts';
import { unzipPack, zipEntries } from '../lib/audio/zip.ts';
import { downloadFile } from '../lib/browser/download.ts';
import { toIsoDay } from '../lib/device-data/ids.ts';
import { isAudioManifestV1 } from '../lib/device-data/validators/audio-manifest-v1.generated.ts';
import { format } from './format.ts';
import { audioPath, href, lessonPath } from '../lib/routing/paths.ts';
import { AUDIO_PACK_MAX_BYTES } from '../schemas/formats.ts';
import { checkCardText } from '../lib/card/text.ts';

export const STUDIO_KEYS = [
  'studio.language', 'studio.lesson', 'studio.open', 'studio.credit', 'studio.paragraph', 'studio.record', 'studio.stop', 'studio.play',
  'studio.rerecord', 'studio.delete', 'studio.status.recorded', 'studio.status.new', 'studio.status.missing', 'studio.status.stale',
  'studio.progress', 'studio.recording', 'studio.export', 'studio.exported', 'studio.exportEmpty', 'studio.openPack', 'studio.packOpened',
  'studio.noMic', 'studio.noMicDevice', 'studio.unsupported', 'studio.staleHeading', 'studio.loadFailed', 'studio.unsavedWarning',
  'audio.error.pack-too-large', 'audio.error.not-a-pack', 'audio.error.bad-manifest', 'audio.error.wrong-lesson', 'audio.error.unknown-file',
  'audio.error.missing-file', 'audio.error.file-too-large', 'audio.error.not-audio',
] as const;
type Strings = Record<(typeof STUDIO_KEYS)[number], string>;

/** A language the site publishes. */
export interface StudioLanguage {
  code: string;
  label: string;
  tag: string;
  dir: 'ltr' | 'rtl';
}

/** A lesson to choose, with its module. */
export interface StudioLesson {
  id: string;
  title: string;
  moduleTitle: string;
}

interface Props {
  locale: string;
  languages: StudioLanguage[];
  lessons: StudioLesson[];
  strings: Strings;
}

/** A paragraph of the open lesson. */
interface Paragraph {
  text: string;
  hash: string;
  lang: string;
}

/** A recording the studio holds: new (a blob) or kept (from the site or an opened pack). */
interface Take {
  bytes: () => Promise<Uint8Array>;
  url: () => Promise<string>;
  seconds: number;
  ext: string;
  isNew: boolean;
}

type Loaded = { lesson: string; language: string; paragraphs: Paragraph[]; manifest: AudioManifest | null };

const MIME_TYPES: Array<[string, string]> = [
  ['audio/webm;codecs=opus', 'webm'],
  ['audio/ogg;codecs=opus', 'ogg'],
  ['audio/mp4', 'm4a'],
];

function packErrorText(error: PackError | { code: 'not-a-pack' | 'pack-too-large' }, strings: Strings): string {
  return format(strings[`audio.error.${error.code}`], { name: 'name' in error ? error.name : '', detail: 'detail' in error ? (error.detail ?? '') : '' });
}

export default function AudioStudio({ locale, languages, lessons, strings }: Props) {
  const [language, setLanguage] = useState(locale);
  const [lessonId, setLessonId] = useState(lessons[0]?.id ?? '');
  const [loaded, setLoaded] = useState<Loaded | 'loading' | null>(null);
  const [takes, setTakes] = useState<Map<string, Take>>(new Map());
  const [recordingAt, setRecordingAt] = useState<number | null>(null);
  const [credit, setCredit] = useState('');
  const [message, setMessage] = useState<{ text: string; kind: 'ok' | 'error' } | null>(null);
  const recorder = useRef<{ recorder: MediaRecorder; stream: MediaStream; started: number; ext: string } | null>(null);
  const packInput = useRef<HTMLInputElement>(null);
  const unsaved = [...takes.values()].some((take) => take.isNew);

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (!unsaved) return;
      event.preventDefault();
      event.returnValue = strings['studio.unsavedWarning'];
    };
    addEventListener('beforeunload', warn);
    return () => removeEventListener('beforeunload', warn);
  }, [unsaved]);

  const languageOf = (code: string) => languages.find((l) => l.code === code);

  /** Loads the lesson text and its published recordings; `keep` adds recordings from an opened pack. */
  async function openLesson(lesson: string, lang: string, keep?: { manifest: AudioManifest; files: Record<string, Uint8Array> }) {
    setLoaded('loading');
    setMessage(null);
    try {
      const [moduleId, id] = lesson.split('/') as [string, string];
      const page = await fetch(href(lessonPath(lang, moduleId, id)));
      if (!page.ok) throw new Error(String(page.status));
      const doc = new DOMParser().parseFromString(await page.text(), 'text/html');
      const article = doc.querySelector<HTMLElement>('article[data-lesson]');
      if (!article) throw new Error('no article');
      const paragraphs = collectSegments(article).map(({ text, hash, lang: l }) => ({ text, hash, lang: l }));
      let manifest: AudioManifest | null = keep?.manifest ?? null;
      const next = new Map<string, Take>();
      if (keep) {
        for (const segment of keep.manifest.segments) next.set(segment.textHash, keptTake(segment, () => Promise.resolve(keep.files[segment.file]!)));
      } else {
        const published = await fetch(href(audioPath(lang, lesson, 'manifest.json')));
        const json: unknown = published.ok ? await published.json().catch(() => null) : null;
        if (isAudioManifestV1(json)) {
          manifest = json;
          for (const segment of json.segments) {
            const url = href(audioPath(lang, lesson, segment.file));
            next.set(segment.textHash, keptTake(segment, async () => new Uint8Array(await (await fetch(url)).arrayBuffer())));
          }
        }
      }
      setTakes(next);
      setLessonId(lesson);
      setLanguage(lang);
      setLoaded({ lesson, language: lang, paragraphs, manifest });
    } catch {
      setLoaded(null);
      setMessage({ text: strings['studio.loadFailed'], kind: 'error' });
    }
  }

  function keptTake(segment: AudioSegment, bytes: () => Promise<Uint8Array>): Take {
    let url: Promise<string> | undefined;
    return {
      bytes,
      url: () => (url ??= bytes().then((b) => URL.createObjectURL(new Blob([b as BlobPart])))),
      seconds: segment.seconds,
      ext: segment.file.split('.').pop()!,
      isNew: false,
    };
  }

  async function startRecording(index: number) {
    setMessage(null);
    if (!navigator.mediaDevices?.getUserMedia || typeof MediaRecorder === 'undefined') return setMessage({ text: strings['studio.unsupported'], kind: 'error' });
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: { channelCount: 1, echoCancellation: true, noiseSuppression: true, autoGainControl: true } });
    } catch (error) {
      const name = (error as DOMException).name;
      const key = name === 'NotAllowedError' || name === 'SecurityError' ? 'studio.noMic' : name === 'NotFoundError' || name === 'OverconstrainedError' ? 'studio.noMicDevice' : 'studio.unsupported';
      return setMessage({ text: strings[key], kind: 'error' });
    }
    const [mimeType, ext] = MIME_TYPES.find(([type]) => MediaRecorder.isTypeSupported(type)) ?? ['', 'webm'];
    const media = new MediaRecorder(stream, { ...(mimeType ? { mimeType } : {}), audioBitsPerSecond: 24_000 });
    const chunks: Blob[] = [];
    media.addEventListener('dataavailable', (event) => chunks.push(event.data));
    media.addEventListener('stop', () => {
      stream.getTracks().forEach((track) => track.stop());
      const blob = new Blob(chunks, { type: media.mimeType || mimeType });
      const seconds = Math.round(((performance.now() - (recorder.current?.started ?? performance.now())) / 1000) * 10) / 10;
      recorder.current = null;
      const paragraph = (loaded as Loaded).paragraphs[index]!;
      let url: string | undefined;
      setTakes((current) => new Map(current).set(paragraph.hash, {
        bytes: async () => new Uint8Array(await blob.arrayBuffer()),
        url: async () => (url ??= URL.createObjectURL(blob)),
        seconds,
        ext,
        isNew: true,
      }));
      setRecordingAt(null);
    });
    recorder.current = { recorder: media, stream, started: performance.now(), ext };
    media.start();
    setRecordingAt(index);
  }

  function stopRecording() {
    recorder.current?.recorder.stop();
  }

  async function play(hash: string) {
    const take = takes.get(hash);
    if (take) await new Audio(await take.url()).play();
  }

  async function exportPack() {
    if (!loaded || loaded === 'loading') return;
    const current = loaded.paragraphs.map((p, i) => ({ p, i, take: takes.get(p.hash) })).filter((x) => x.take);
    if (!current.length) return setMessage({ text: strings['studio.exportEmpty'], kind: 'error' });
    const seen = new Set<string>();
    const segments: AudioSegment[] = [];
    const files: Record<string, Uint8Array> = {};
    for (const { p, i, take } of current) {
      if (seen.has(p.hash)) continue;
      seen.add(p.hash);
      const bytes = await take!.bytes();
      const file = `${String(i + 1).padStart(3, '0')}-${p.hash}.${take!.ext}`;
      files[file] = bytes;
      segments.push({ file, textHash: p.hash, text: p.text.slice(0, 5000), seconds: take!.seconds, bytes: bytes.length });
    }
    const cleanCredit = checkCardText(credit.trim(), 200);
    const manifest: AudioManifest = {
      schemaVersion: 1,
      kind: 'orienta.audio-manifest',
      lesson: loaded.lesson,
      locale: loaded.language,
      voice: { kind: 'human', ...(cleanCredit.ok && cleanCredit.value ? { credit: cleanCredit.value } : {}) },
      recordedOn: toIsoDay(),
      segments,
    };
    const entries = packEntries({ manifest, files });
    const verdict = checkAudioPack(entries, { lesson: loaded.lesson, locale: loaded.language }, new Date());
    if (!verdict.ok) return setMessage({ text: packErrorText(verdict.error, strings), kind: 'error' });
    const name = `audio-${loaded.language}-${loaded.lesson.replace('/', '-')}.zip`;
    downloadFile(name, new Blob([zipEntries(entries) as BlobPart], { type: 'application/zip' }), 'application/zip');
    setTakes((old) => new Map([...old].map(([hash, take]) => [hash, { ...take, isNew: false }])));
    setMessage({ text: format(strings['studio.exported'], { file: name }), kind: 'ok' });
  }

  async function openPack(event: Event) {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    if (file.size > AUDIO_PACK_MAX_BYTES) return setMessage({ text: packErrorText({ code: 'pack-too-large' }, strings), kind: 'error' });
    const unzipped = unzipPack(new Uint8Array(await file.arrayBuffer()));
    if (!unzipped.ok) return setMessage({ text: packErrorText({ code: unzipped.error }, strings), kind: 'error' });
    const verdict = checkAudioPack(unzipped.entries, { knownLessons: new Set(lessons.map((l) => l.id)), knownLocales: new Set(languages.map((l) => l.code)) }, new Date());
    if (!verdict.ok) return setMessage({ text: packErrorText(verdict.error, strings), kind: 'error' });
    const { manifest, files } = verdict.pack;
    await openLesson(manifest.lesson, manifest.locale, { manifest, files });
    setCredit(manifest.voice.credit ?? '');
    setMessage({ text: format(strings['studio.packOpened'], { count: manifest.segments.length }), kind: 'ok' });
  }

  const view = loaded && loaded !== 'loading' ? loaded : null;
  const lang = view ? languageOf(view.language) : undefined;
  const staleAt = view ? staleByParagraph(view.paragraphs, view.manifest) : new Map<number, AudioSegment>();
  const stale = view ? staleRecordings(view.paragraphs, view.manifest) : [];
  const done = view ? view.paragraphs.filter((p) => takes.has(p.hash)).length : 0;

  return (
    <div class="studio" data-ready="true">
      <form class="studio-choose" onSubmit={(e) => { e.preventDefault(); void openLesson(lessonId, language); }}>
        <div class="field">
          <label for="studio-language">{strings['studio.language']}</label>
          <select id="studio-language" value={language} onChange={(e) => setLanguage((e.currentTarget as HTMLSelectElement).value)}>
            {languages.map((l) => <option key={l.code} value={l.code} lang={l.tag} dir={l.dir}>{l.label}</option>)}
          </select>
        </div>
        <div class="field">
          <label for="studio-lesson">{strings['studio.lesson']}</label>
          <select id="studio-lesson" value={lessonId} onChange={(e) => setLessonId((e.currentTarget as HTMLSelectElement).value)}>
            {[...new Set(lessons.map((l) => l.moduleTitle))].map((moduleTitle) => (
              <optgroup key={moduleTitle} label={moduleTitle}>
                {lessons.filter((l) => l.moduleTitle === moduleTitle).map((l) => <option key={l.id} value={l.id}>{l.title}</option>)}
              </optgroup>
            ))}
          </select>
        </div>
        <p class="actions">
          <button type="submit" class="btn" disabled={recordingAt !== null}>{strings['studio.open']}</button>{' '}
          <button type="button" class="btn btn-secondary" onClick={() => packInput.current?.click()} disabled={recordingAt !== null}>{strings['studio.openPack']}</button>
          <input ref={packInput} type="file" accept=".zip,application/zip" hidden onChange={openPack} />
        </p>
      </form>

      <p role="status" data-message="ok">{message?.kind === 'ok' ? message.text : ''}</p>
      <p role="alert" class={message?.kind === 'error' ? 'fb fb-bad' : undefined} data-message="error">{message?.kind === 'error' ? message.text : ''}</p>

      {loaded === 'loading' && <p aria-busy="true">…</p>}
      {view && (
        <section aria-labelledby="studio-lesson-heading" data-studio-lesson={view.lesson} data-studio-language={view.language}>
          <h2 id="studio-lesson-heading">{lessons.find((l) => l.id === view.lesson)?.title} · <span lang={lang?.tag}>{lang?.label}</span></h2>
          <p data-studio-progress>{format(strings['studio.progress'], { done, total: view.paragraphs.length })}</p>
          <div class="field">
            <label for="studio-credit">{strings['studio.credit']}</label>
            <input id="studio-credit" type="text" dir="auto" maxLength={200} value={credit} onInput={(e) => setCredit((e.currentTarget as HTMLInputElement).value)} />
          </div>
          <ol class="studio-paragraphs">
            {view.paragraphs.map((p, i) => {
              const take = takes.get(p.hash);
              const status = take ? (take.isNew ? 'new' : 'recorded') : staleAt.has(i) ? 'stale' : 'missing';
              const recording = recordingAt === i;
              return (
                <li key={`${i}-${p.hash}`} data-paragraph={i} data-status={recording ? 'recording' : status} class={recording ? 'recording' : undefined}>
                  <h3>{format(strings['studio.paragraph'], { number: i + 1 })} · <span class={`status status-${status}`}>{strings[`studio.status.${status}`]}</span></h3>
                  <p lang={p.lang || lang?.tag} dir="auto">{p.text}</p>
                  {status === 'stale' && <p class="hint" lang={p.lang || lang?.tag} dir="auto"><del>{staleAt.get(i)!.text}</del></p>}
                  <p class="actions">
                    {recording ? (
                      <button type="button" class="btn" onClick={stopRecording}>{strings['studio.stop']}</button>
                    ) : (
                      <button type="button" class="btn" onClick={() => void startRecording(i)} disabled={recordingAt !== null}>{strings[take ? 'studio.rerecord' : 'studio.record']}</button>
                    )}{' '}
                    {take && !recording && <button type="button" class="btn btn-secondary" onClick={() => void play(p.hash)}>{strings['studio.play']}</button>}{' '}
                    {take?.isNew && !recording && (
                      <button type="button" class="btn btn-secondary" onClick={() => setTakes((old) => { const next = new Map(old); next.delete(p.hash); return next; })}>{strings['studio.delete']}</button>
                    )}
                  </p>
                  {recording && <p role="status" class="recording-note">{strings['studio.recording']}</p>}
                </li>
              );
            })}
          </ol>
          {stale.length > 0 && (
            <section aria-labelledby="studio-stale">
              <h3 id="studio-stale">{strings['studio.staleHeading']}</h3>
              <ul>{stale.map((r) => <li key={r.file} data-stale-file={r.file} lang={lang?.tag} dir="auto">{r.text}</li>)}</ul>
            </section>
          )}
          <p class="actions">
            <button type="button" class="btn" onClick={() => void exportPack()} disabled={recordingAt !== null}>{strings['studio.export']}</button>
          </p>
          {unsaved && <p class="notice">{strings['studio.unsavedWarning']}</p>}
        </section>
      )}
    </div>
  );
}
