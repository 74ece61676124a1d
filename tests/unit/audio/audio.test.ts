import { describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import { collectSegments, speechRuns, type SegmentElement } from '../../../src/lib/audio/segments.ts';
import { playableTotals, recordingsFor, staleByParagraph, staleRecordings } from '../../../src/lib/audio/recordings.ts';
import { voiceFor } from '../../../src/lib/audio/voices.ts';
import { checkAudioPack, looksLikeAudio, packEntries } from '../../../src/lib/audio/pack.ts';
import { unzipPack, zipEntries } from '../../../src/lib/audio/zip.ts';
import { textHash } from '../../../src/lib/text/hash.ts';
import type { AudioManifest } from '../../../src/schemas/audio.ts';

const NOW = new Date('2026-12-07T12:00:00Z');
const article = (html: string) => parse(`<article data-lesson="m/l" lang="ar">${html}</article>`).querySelector('article') as unknown as SegmentElement;

describe('paragraphs of a lesson', () => {
  const html = `
    <h1>العنوان</h1>
    <ul class="meta" data-audio-skip><li>45 دقيقة</li></ul>
    <section data-listen data-audio-skip><button>Listen</button><p>No audio</p></section>
    <p>نص <strong>مهم</strong>   مع
      <span class="fact">1 250 kr</span>.</p>
    <ul><li><p>بند أول</p></li><li>بند ثان</li></ul>
    <dl><dt lang="sv">a-kassa</dt><dd>صندوق البطالة</dd></dl>
    <form data-audio-skip><legend>سؤال</legend></form>
    <p class="card-step-actions" hidden>In my plan</p>
    <p>   </p>`;
  it('are the innermost blocks outside skipped parts, in order, with their language', () => {
    const segments = collectSegments(article(html));
    expect(segments.map((s) => s.text)).toEqual(['العنوان', 'نص مهم مع 1 250 kr.', 'بند أول', 'بند ثان', 'a-kassa', 'صندوق البطالة']);
    expect(segments.map((s) => s.lang)).toEqual(['ar', 'ar', 'ar', 'ar', 'sv', 'ar']);
    expect(segments[1]!.hash).toBe(textHash('نص مهم مع 1 250 kr.'));
  });
  it('hash the text as shown, so a changed fact makes the recording stale', () => {
    const before = collectSegments(article('<p>Avgiften är <span>1 250 kr</span>.</p>'))[0]!.hash;
    const after = collectSegments(article('<p>Avgiften är <span>1 300 kr</span>.</p>'))[0]!.hash;
    expect(before).not.toBe(after);
    expect(collectSegments(article('<p>Avgiften  är\n<span>1 250 kr</span>.</p>'))[0]!.hash).toBe(before);
  });
  it('split a paragraph by language for a computer voice', () => {
    const p = collectSegments(article('<p>سجل في <b lang="sv">a-kassa</b> مبكرا.</p>'))[0]!;
    expect(speechRuns(p.element, 'ar')).toEqual([{ text: 'سجل في ', lang: 'ar' }, { text: 'a-kassa', lang: 'sv' }, { text: ' مبكرا.', lang: 'ar' }]);
  });
});

const seg = (text: string) => ({ text, hash: textHash(text) });
const manifestOf = (texts: string[], extra: Partial<AudioManifest> = {}): AudioManifest => ({
  schemaVersion: 1,
  kind: 'orienta.audio-manifest',
  lesson: 'forsorja-sig/a-kassa',
  locale: 'sv',
  voice: { kind: 'human' },
  recordedOn: '2026-12-01',
  segments: texts.map((text, i) => ({ file: `${String(i + 1).padStart(3, '0')}-${textHash(text)}.webm`, textHash: textHash(text), text, seconds: 2, bytes: 4000 })),
  ...extra,
});

describe('recordings and paragraphs', () => {
  const now = [seg('Rubrik'), seg('Första stycket, ändrat.'), seg('Andra stycket.'), seg('Tredje.')];
  const manifest = manifestOf(['Rubrik', 'Första stycket.', 'Andra stycket.']);
  it('match by text, so a changed paragraph has none and its recording is stale', () => {
    expect(recordingsFor(now, manifest).map((a) => a.kind)).toEqual(['recording', 'none', 'recording', 'none']);
    expect(staleRecordings(now, manifest).map((r) => r.text)).toEqual(['Första stycket.']);
  });
  it('pair a stale recording with the paragraph it most likely was', () => {
    expect([...staleByParagraph(now, manifest)].map(([i, r]) => [i, r.text])).toEqual([[1, 'Första stycket.']]);
  });
  it('count only what would play', () => {
    expect(playableTotals(now, manifest)).toEqual({ bytes: 8000, seconds: 4, count: 2 });
  });
});

describe('device voices', () => {
  const voices = [
    { lang: 'en-US', name: 'English', default: true },
    { lang: 'ar_SA', name: 'Arabic' },
    { lang: 'fa-IR', name: 'Persian' },
    { lang: 'sv-SE', name: 'Alva' },
  ];
  it('match the language exactly, never another', () => {
    expect(voiceFor(voices, 'ar')?.name).toBe('Arabic');
    expect(voiceFor(voices, 'sv-x-easy')?.name).toBe('Alva');
    expect(voiceFor(voices, 'fa-IR')?.name).toBe('Persian');
    expect(voiceFor(voices, 'so')).toBeUndefined();
    expect(voiceFor(voices, 'ti')).toBeUndefined();
  });
  it('never read Dari with a Persian (Iran) voice', () => {
    expect(voiceFor(voices, 'prs')).toBeUndefined();
    expect(voiceFor([...voices, { lang: 'fa-AF', name: 'Dari' }], 'prs')?.name).toBe('Dari');
    expect(voiceFor([{ lang: 'fa-AF', name: 'Dari' }], 'fa')).toBeUndefined();
  });
});

describe('audio packs', () => {
  const webm = (size: number) => Uint8Array.from({ length: size }, (_, i) => [0x1a, 0x45, 0xdf, 0xa3][i] ?? 7);
  const good = () => {
    const manifest = manifestOf(['Rubrik', 'Första stycket.']);
    const files = Object.fromEntries(manifest.segments.map((s) => [s.file, webm(4000)]));
    return packEntries({ manifest, files });
  };
  const check = (entries: Record<string, Uint8Array>, expect = {}) => checkAudioPack(entries, expect, NOW);
  const folder = 'sv/forsorja-sig/a-kassa/';

  it('accept a pack as the studio writes it, and survive a zip round trip', () => {
    const verdict = check(good(), { lesson: 'forsorja-sig/a-kassa', locale: 'sv', knownLessons: new Set(['forsorja-sig/a-kassa']) });
    expect(verdict.ok).toBe(true);
    const unzipped = unzipPack(zipEntries(good()));
    expect(unzipped.ok && check(unzipped.entries).ok).toBe(true);
  });
  it('refuse each kind of bad pack, naming the problem', () => {
    const entries = good();
    expect(check({})).toEqual({ ok: false, error: { code: 'not-a-pack' } });
    expect(check({ ...entries, [`${folder}notes.txt`]: new Uint8Array(3) })).toEqual({ ok: false, error: { code: 'unknown-file', name: `${folder}notes.txt` } });
    expect(check({ ...entries, ['../evil/001-00000000.webm']: webm(10) })).toMatchObject({ ok: false, error: { code: 'unknown-file' } });
    const missing = { ...entries };
    delete missing[Object.keys(missing).find((p) => p.endsWith('002-' + textHash('Första stycket.') + '.webm'))!];
    expect(check(missing)).toMatchObject({ ok: false, error: { code: 'missing-file' } });
    expect(check(good(), { lesson: 'forsorja-sig/validering' })).toEqual({ ok: false, error: { code: 'wrong-lesson', name: 'sv/forsorja-sig/a-kassa' } });
    expect(check(good(), { knownLessons: new Set(['other/lesson']) })).toMatchObject({ ok: false, error: { code: 'wrong-lesson' } });
    expect(check({ [`${folder}manifest.json`]: new TextEncoder().encode('{"kind":"orienta.audio-manifest"') })).toMatchObject({ ok: false, error: { code: 'bad-manifest', name: `${folder}manifest.json` } });
    const moved = Object.fromEntries(Object.entries(entries).map(([p, b]) => [p.replace('a-kassa', 'validering'), b]));
    expect(check(moved)).toMatchObject({ ok: false, error: { code: 'wrong-lesson' } });
    const fake = { ...entries };
    const first = Object.keys(fake).find((p) => p.includes('001-'))!;
    fake[first] = new Uint8Array(4000);
    expect(check(fake)).toEqual({ ok: false, error: { code: 'not-audio', name: first } });
  });
  it('refuse oversized files and oversized packs', () => {
    const manifest = manifestOf(['Rubrik']);
    const big = webm(2_000_001);
    const entries = packEntries({ manifest: { ...manifest, segments: [{ ...manifest.segments[0]!, bytes: 2_000_000 }] }, files: { [manifest.segments[0]!.file]: big } });
    expect(check(entries)).toMatchObject({ ok: false, error: { code: 'file-too-large' } });
    expect(unzipPack(new Uint8Array(70_000_000))).toEqual({ ok: false, error: 'pack-too-large' });
    expect(unzipPack(new TextEncoder().encode('not a zip'))).toEqual({ ok: false, error: 'not-a-pack' });
  });
  it('recognise the allowed audio formats by their first bytes', () => {
    expect(looksLikeAudio('a.ogg', new TextEncoder().encode('OggS....'))).toBe(true);
    expect(looksLikeAudio('a.opus', new TextEncoder().encode('RIFF....'))).toBe(false);
    expect(looksLikeAudio('a.m4a', new Uint8Array([0, 0, 0, 0x20, 0x66, 0x74, 0x79, 0x70]))).toBe(true);
    expect(looksLikeAudio('a.mp3', new TextEncoder().encode('ID3...'))).toBe(true);
  });
});
