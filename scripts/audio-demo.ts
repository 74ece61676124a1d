#!/usr/bin/env node
/**
 * `node scripts/audio-demo.ts <locale> <module>/<lesson>`: makes the demo site's synthetic audio
 * for one lesson with espeak-ng and opusenc (Debian: `apt-get install espeak-ng opus-tools`),
 * paragraph by paragraph, from the lesson page as built (run `npm run build` first), and writes it
 * to `content/audio/<locale>/<module>/<lesson>/` with a manifest whose voice is `synthetic`, so
 * listeners see "computer voice (demo)". It shows the player working; it is not a substitute for
 * a person reading. Run at commit time, never in the build: the build must not need these tools.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { paragraphsOfPage } from '../src/lib/audio/audit.ts';
import { checkAudioPack, packEntries } from '../src/lib/audio/pack.ts';
import type { AudioManifest, AudioSegment } from '../src/schemas/audio.ts';
import { writeFileSync } from 'node:fs';

const [locale, lesson] = process.argv.slice(2);
if (!locale || !lesson) {
  console.error('usage: node scripts/audio-demo.ts <locale> <module>/<lesson>');
  process.exit(2);
}
const voices: Record<string, string> = { sv: 'sv', 'sv-easy': 'sv', en: 'en', ar: 'ar', fa: 'fa', uk: 'uk' };
const voice = voices[locale];
if (!voice) throw new Error(`espeak-ng has no usable voice for ${locale}`);

const paragraphs = paragraphsOfPage(readFileSync(join('dist', locale, lesson, 'index.html'), 'utf8'));
const work = mkdtempSync(join(tmpdir(), 'orienta-demo-audio-'));
const files: Record<string, Uint8Array> = {};
const segments: AudioSegment[] = [];
const seen = new Set<string>();
paragraphs.forEach((paragraph, index) => {
  if (seen.has(paragraph.hash)) return;
  seen.add(paragraph.hash);
  const wav = join(work, 'p.wav');
  const file = `${String(index + 1).padStart(3, '0')}-${paragraph.hash}.opus`;
  execFileSync('espeak-ng', ['-v', voice, '-s', '150', '-w', wav, paragraph.text]);
  // 44-byte WAV header, 16-bit mono samples at the rate espeak-ng writes (22050 Hz).
  const seconds = Math.round(((statSync(wav).size - 44) / 2 / 22050) * 10) / 10;
  execFileSync('opusenc', ['--quiet', '--bitrate', '12', '--speech', '--downmix-mono', wav, join(work, file)]);
  const bytes = new Uint8Array(readFileSync(join(work, file)));
  files[file] = bytes;
  segments.push({ file, textHash: paragraph.hash, text: paragraph.text.slice(0, 5000), seconds, bytes: bytes.length });
});
const manifest: AudioManifest = {
  schemaVersion: 1,
  kind: 'orienta.audio-manifest',
  lesson,
  locale,
  voice: { kind: 'synthetic', credit: 'espeak-ng (computer voice, demo)' },
  recordedOn: new Date().toISOString().slice(0, 10),
  segments,
};
const verdict = checkAudioPack(packEntries({ manifest, files }), { lesson, locale }, new Date());
if (!verdict.ok) throw new Error(`the demo pack does not pass its own check: ${JSON.stringify(verdict.error)}`);
const out = join('content', 'audio', locale, lesson);
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
for (const [path, bytes] of Object.entries(packEntries({ manifest, files }))) writeFileSync(join('content', 'audio', path), bytes);
rmSync(work, { recursive: true, force: true });
const total = segments.reduce((sum, s) => sum + s.bytes, 0);
const seconds = segments.reduce((sum, s) => sum + s.seconds, 0);
console.log(`${segments.length} paragraphs, ${Math.round(seconds)} s, ${Math.round(total / 1000)} KB (${Math.round((total / seconds) * 60 / 1000)} KB per minute) → ${out}`);
