/**
 * Audio packs: what the recording studio exports and `npm run audio:add` (or unzipping by hand)
 * drops into `content/audio/`. A pack is a zip holding one lesson in one language, laid out as it
 * lies in the content folder: `<locale>/<module-id>/<lesson-id>/manifest.json` and the audio
 * files beside it. Checking a pack is pure (entries in, verdict out); `zip.ts` does the zip.
 *
 * A pack is refused, naming the problem, when it is too large, holds no manifest or more than
 * one, has a manifest that is not valid, is for another lesson than expected or one the course
 * does not have, holds a file the manifest does not list (or outside the lesson's folder), misses
 * a file the manifest lists, or holds a file too large or not audio of the kinds allowed.
 */
import type { AudioManifest } from '../../schemas/audio.ts';
import { AUDIO_MANIFEST, AUDIO_MAX_FILE_BYTES, AUDIO_PACK_MAX_BYTES } from '../../schemas/formats.ts';
import { readVersionedFile, type FileDefinition } from '../device-data/file.ts';
import { isAudioManifestV1 } from '../device-data/validators/audio-manifest-v1.generated.ts';

/** The manifest as a file format of the device-data engine (versioned, validated, markup refused). */
export const audioManifestFile: FileDefinition<AudioManifest> = {
  ...AUDIO_MANIFEST,
  validate: isAudioManifestV1,
  accepts: (manifest) => new Set(manifest.segments.map((s) => s.file)).size === manifest.segments.length,
  datesOf: (manifest) => [manifest.recordedOn],
};

/** Why a pack was refused; `name` is the file or lesson concerned, shown in the message. */
export type PackError =
  | { code: 'pack-too-large' }
  | { code: 'not-a-pack' }
  | { code: 'bad-manifest'; name: string; detail?: string }
  | { code: 'wrong-lesson'; name: string }
  | { code: 'unknown-file'; name: string }
  | { code: 'missing-file'; name: string }
  | { code: 'file-too-large'; name: string }
  | { code: 'not-audio'; name: string };

export const PACK_ERROR_CODES = ['pack-too-large', 'not-a-pack', 'bad-manifest', 'wrong-lesson', 'unknown-file', 'missing-file', 'file-too-large', 'not-audio'] as const;

/** A checked pack: the manifest and the audio files by name. */
export interface AudioPack {
  manifest: AudioManifest;
  files: Record<string, Uint8Array>;
}

/** What a pack must be for, when the caller knows. */
export interface PackExpectation {
  /** The lesson the studio has open. */
  lesson?: string;
  locale?: string;
  /** Lesson ids the course has (`<module>/<lesson>`); a pack for any other is refused. */
  knownLessons?: ReadonlySet<string>;
  /** Locales the site publishes. */
  knownLocales?: ReadonlySet<string>;
}

/** The folder of a lesson's audio inside a pack and inside `content/audio/`. */
export const packFolder = (locale: string, lesson: string) => `${locale}/${lesson}/`;

/** True when the bytes start like one of the allowed audio formats. */
export function looksLikeAudio(name: string, bytes: Uint8Array): boolean {
  const ext = name.split('.').pop();
  const at = (offset: number, ...values: number[]) => values.every((value, i) => bytes[offset + i] === value);
  switch (ext) {
    case 'webm':
      return at(0, 0x1a, 0x45, 0xdf, 0xa3);
    case 'ogg':
    case 'opus':
      return at(0, 0x4f, 0x67, 0x67, 0x53);
    case 'm4a':
      return at(4, 0x66, 0x74, 0x79, 0x70);
    case 'mp3':
      return at(0, 0x49, 0x44, 0x33) || (bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe0) === 0xe0);
    default:
      return false;
  }
}

/**
 * Checks a pack's entries (paths inside the zip → bytes).
 *
 * @example const verdict = checkAudioPack(unzipped, { lesson: 'forsorja-sig/a-kassa', locale: 'ar' }, new Date());
 */
export function checkAudioPack(entries: Readonly<Record<string, Uint8Array>>, expect: PackExpectation, now: Date): { ok: true; pack: AudioPack } | { ok: false; error: PackError } {
  const paths = Object.keys(entries).filter((path) => !path.endsWith('/'));
  if (paths.reduce((sum, path) => sum + entries[path]!.length, 0) > AUDIO_PACK_MAX_BYTES) return { ok: false, error: { code: 'pack-too-large' } };
  const manifests = paths.filter((path) => path === 'manifest.json' || path.endsWith('/manifest.json'));
  if (manifests.length === 0) return { ok: false, error: { code: 'not-a-pack' } };
  if (manifests.length > 1) return { ok: false, error: { code: 'bad-manifest', name: manifests[1]!, detail: 'one lesson per pack' } };
  const manifestPath = manifests[0]!;
  const read = readVersionedFile(new TextDecoder().decode(entries[manifestPath]), audioManifestFile, { now });
  if (!read.ok) return { ok: false, error: { code: 'bad-manifest', name: manifestPath, detail: read.detail ?? read.error } };
  const manifest = read.file;
  const folder = packFolder(manifest.locale, manifest.lesson);
  if (manifestPath !== `${folder}manifest.json`) return { ok: false, error: { code: 'wrong-lesson', name: manifestPath } };
  const wrongLesson =
    (expect.lesson !== undefined && expect.lesson !== manifest.lesson) ||
    (expect.locale !== undefined && expect.locale !== manifest.locale) ||
    (expect.knownLessons !== undefined && !expect.knownLessons.has(manifest.lesson)) ||
    (expect.knownLocales !== undefined && !expect.knownLocales.has(manifest.locale));
  if (wrongLesson) return { ok: false, error: { code: 'wrong-lesson', name: `${manifest.locale}/${manifest.lesson}` } };

  const listed = new Map(manifest.segments.map((segment) => [segment.file, segment]));
  const files: Record<string, Uint8Array> = {};
  for (const path of paths) {
    if (path === manifestPath) continue;
    const name = path.startsWith(folder) ? path.slice(folder.length) : null;
    if (!name || !listed.has(name)) return { ok: false, error: { code: 'unknown-file', name: path } };
    const bytes = entries[path]!;
    if (bytes.length > AUDIO_MAX_FILE_BYTES) return { ok: false, error: { code: 'file-too-large', name: path } };
    if (!looksLikeAudio(name, bytes)) return { ok: false, error: { code: 'not-audio', name: path } };
    if (listed.get(name)!.bytes !== bytes.length) return { ok: false, error: { code: 'bad-manifest', name: manifestPath, detail: `${name}: size ${bytes.length}, manifest says ${listed.get(name)!.bytes}` } };
    files[name] = bytes;
  }
  const missing = manifest.segments.find((segment) => !files[segment.file]);
  if (missing) return { ok: false, error: { code: 'missing-file', name: `${folder}${missing.file}` } };
  return { ok: true, pack: { manifest, files } };
}

/** The entries of a pack to zip: the manifest (pretty JSON) and the files, in the lesson's folder. */
export function packEntries(pack: AudioPack): Record<string, Uint8Array> {
  const folder = packFolder(pack.manifest.locale, pack.manifest.lesson);
  const entries: Record<string, Uint8Array> = { [`${folder}manifest.json`]: new TextEncoder().encode(`${JSON.stringify(pack.manifest, null, 2)}\n`) };
  for (const segment of pack.manifest.segments) entries[`${folder}${segment.file}`] = pack.files[segment.file]!;
  return entries;
}
