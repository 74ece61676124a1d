#!/usr/bin/env node
/**
 * `npm run audio:add -- <pack.zip> …`: checks audio packs exported by the recording studio and
 * puts each into the content folder, replacing that lesson's audio in that language:
 * `content/audio/<locale>/<module>/<lesson>/`, or `content/sites/<site>/audio/…` for a
 * municipality's own lesson. A pack is refused with the problem named (see `lib/audio/pack.ts`);
 * nothing is written for a refused pack.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkAudioPack } from '../src/lib/audio/pack.ts';
import { unzipPack } from '../src/lib/audio/zip.ts';
import { listFiles } from '../src/lib/site/files.ts';
import { contentDirFromEnv } from '../src/lib/site/load.ts';

const content = contentDirFromEnv();
const packs = process.argv.slice(2);
if (!packs.length) {
  console.error('usage: npm run audio:add -- <pack.zip> [more.zip …]');
  process.exit(2);
}

/** Lesson ids by where their audio goes: the course's lessons, then each site's own. */
const lessonIdsIn = (dir: string) => new Set(existsSync(dir) ? listFiles(dir).filter((f) => f.endsWith('.mdx')).map((f) => f.split('/').slice(1).join('/').replace(/\.mdx$/, '')) : []);
const course = lessonIdsIn(join(content, 'lessons'));
const sites = (existsSync(join(content, 'sites')) ? readdirSync(join(content, 'sites')) : []).map((site) => ({ site, lessons: lessonIdsIn(join(content, 'sites', site, 'lessons')) }));
const locales = new Set((JSON.parse(readFileSync(join(content, 'locales.json'), 'utf8')) as Array<{ code: string }>).map((l) => l.code));

let failed = false;
for (const file of packs) {
  const unzipped = unzipPack(new Uint8Array(readFileSync(file)));
  if (!unzipped.ok) {
    console.error(`${file}: refused (${unzipped.error})`);
    failed = true;
    continue;
  }
  const known = new Set([...course, ...sites.flatMap((s) => [...s.lessons])]);
  const verdict = checkAudioPack(unzipped.entries, { knownLessons: known, knownLocales: locales }, new Date());
  if (!verdict.ok) {
    const { code, ...rest } = verdict.error;
    console.error(`${file}: refused (${code}${'name' in rest ? `: ${rest.name}` : ''}${'detail' in rest && rest.detail ? `, ${rest.detail}` : ''})`);
    failed = true;
    continue;
  }
  const { manifest, files } = verdict.pack;
  const owner = course.has(manifest.lesson) ? null : sites.find((s) => s.lessons.has(manifest.lesson))?.site;
  const root = owner ? join(content, 'sites', owner, 'audio') : join(content, 'audio');
  const dir = join(root, manifest.locale, manifest.lesson);
  const replaced = existsSync(dir) ? readdirSync(dir).length : 0;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
  console.log(`${file}: ${manifest.segments.length} recording(s) of ${manifest.locale}/${manifest.lesson} → ${dir}${replaced ? ` (replaced ${replaced} file(s))` : ''}`);
}
process.exit(failed ? 1 : 0);
