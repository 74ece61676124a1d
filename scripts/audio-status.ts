#!/usr/bin/env node
/**
 * `npm run audio:status`: builds the site (the audio check reads the lesson pages as built), then
 * prints, per lesson with recorded audio, how many paragraphs are recorded, which have no
 * recording, and which recordings are stale (their text changed since; never played), and per
 * language how many lessons can be heard. `--no-build` reads the last build's report.
 * `--strict` exits 1 when a recording is stale.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { AUDIO_REPORT } from '../src/integrations/audio.ts';
import type { LessonAudioStatus } from '../src/lib/audio/audit.ts';

const args = new Set(process.argv.slice(2));
if (!args.has('--no-build')) {
  const build = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], { encoding: 'utf8' });
  if (build.status !== 0) {
    console.error(build.stdout + build.stderr);
    process.exit(build.status ?? 1);
  }
}
if (!existsSync(AUDIO_REPORT)) {
  console.error(`${AUDIO_REPORT} is missing: build the site first (npm run build).`);
  process.exit(1);
}
const report = JSON.parse(readFileSync(AUDIO_REPORT, 'utf8')) as { generatedAt: string; lessons: LessonAudioStatus[] };
const kb = (bytes: number) => `${Math.round(bytes / 1000)} KB`;
const pad = (text: string | number, width: number) => String(text).padEnd(width);

console.log(`Recorded audio (build of ${report.generatedAt})\n`);
console.log(`${pad('locale', 8)}${pad('lesson', 48)}${pad('recorded', 12)}${pad('stale', 7)}${pad('size', 10)}per minute`);
for (const lesson of report.lessons) {
  const perMinute = lesson.seconds ? kb((lesson.bytes / lesson.seconds) * 60) : '–';
  console.log(`${pad(lesson.locale, 8)}${pad(lesson.lesson, 48)}${pad(`${lesson.recorded}/${lesson.paragraphs}`, 12)}${pad(lesson.stale.length, 7)}${pad(kb(lesson.bytes), 10)}${perMinute}`);
}
for (const lesson of report.lessons.filter((l) => l.stale.length)) {
  console.log(`\n${lesson.locale}/${lesson.lesson}: stale (the text changed since recording; not played; record again in the studio):`);
  for (const stale of lesson.stale) console.log(`  ${stale.file}  "${stale.text}…"`);
}
for (const lesson of report.lessons.filter((l) => l.missing.length)) {
  console.log(`\n${lesson.locale}/${lesson.lesson}: no recording for ${lesson.missing.length} paragraph(s): ${lesson.missing.map((m) => m.paragraph).join(', ')}`);
}
if (!report.lessons.length) console.log('No lesson has recorded audio yet. Record in the studio (/<locale>/teacher/studio/) and add the pack with npm run audio:add.');
if (args.has('--strict') && report.lessons.some((l) => l.stale.length)) process.exit(1);
