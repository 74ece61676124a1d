/**
 * Recorded audio in the content folder (Node only): `content/audio/<locale>/<module>/<lesson>/`
 * and, for a municipality's own lessons, `content/sites/<site>/audio/…` beside them. Each lesson
 * folder is checked with the same rules as an audio pack (`pack.ts`), so what the studio exports,
 * what `npm run audio:add` accepts and what the build publishes can never disagree.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { AudioManifest } from '../../schemas/audio.ts';
import { checkAudioPack, packFolder, type AudioPack, type PackError } from './pack.ts';

/** A lesson's audio folder. */
export interface LessonAudioFolder {
  locale: string;
  /** `<module>/<lesson>`. */
  lesson: string;
  dir: string;
}

/** The audio folders of a site: the course's, then the municipality's own. */
export function audioRoots(contentDir: string, siteId: string): string[] {
  return [join(contentDir, 'audio'), join(contentDir, 'sites', siteId, 'audio')];
}

const dirs = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((name) => statSync(join(dir, name)).isDirectory()) : []);

/** Every lesson folder with a manifest under the roots. A lesson in both roots: the site's wins. */
export function listLessonAudio(roots: readonly string[]): LessonAudioFolder[] {
  const found = new Map<string, LessonAudioFolder>();
  for (const root of roots) {
    for (const locale of dirs(root)) {
      for (const moduleId of dirs(join(root, locale))) {
        for (const lessonId of dirs(join(root, locale, moduleId))) {
          const dir = join(root, locale, moduleId, lessonId);
          if (existsSync(join(dir, 'manifest.json'))) found.set(`${locale}/${moduleId}/${lessonId}`, { locale, lesson: `${moduleId}/${lessonId}`, dir });
        }
      }
    }
  }
  return [...found.values()].sort((a, b) => `${a.locale}/${a.lesson}`.localeCompare(`${b.locale}/${b.lesson}`));
}

/** Reads and checks one lesson folder, as a pack for that lesson. */
export function readLessonAudio(folder: LessonAudioFolder, now: Date, knownLessons?: ReadonlySet<string>): { ok: true; pack: AudioPack } | { ok: false; error: PackError } {
  const prefix = packFolder(folder.locale, folder.lesson);
  const entries: Record<string, Uint8Array> = {};
  for (const name of readdirSync(folder.dir)) {
    const path = join(folder.dir, name);
    if (statSync(path).isFile() && !name.startsWith('.')) entries[prefix + name] = readFileSync(path);
  }
  return checkAudioPack(entries, { lesson: folder.lesson, locale: folder.locale, ...(knownLessons ? { knownLessons } : {}) }, now);
}

/** Just the manifest of a lesson folder, when it reads; for pages that only show sizes. */
export function readManifest(folder: LessonAudioFolder, now: Date): AudioManifest | undefined {
  const read = readLessonAudio(folder, now);
  return read.ok ? read.pack.manifest : undefined;
}
