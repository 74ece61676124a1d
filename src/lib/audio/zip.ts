/**
 * Zipping and unzipping audio packs with fflate (small, no dependencies, works in the browser and
 * in Node). Audio is already compressed, so entries are stored, not deflated. Unzipping refuses,
 * before inflating anything, an archive whose files would unpack larger than a pack may be: a
 * hostile zip cannot exhaust memory.
 */
import { unzipSync, zipSync } from 'fflate';
import { AUDIO_PACK_MAX_BYTES } from '../../schemas/formats.ts';

/** Zips entries (path → bytes), stored. */
export function zipEntries(entries: Readonly<Record<string, Uint8Array>>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(entries).map(([path, bytes]) => [path, [bytes, { level: 0 }]])));
}

/** Unzips a pack, or says why not: not a zip, or it would unpack larger than a pack may be. */
export function unzipPack(bytes: Uint8Array): { ok: true; entries: Record<string, Uint8Array> } | { ok: false; error: 'not-a-pack' | 'pack-too-large' } {
  if (bytes.length > AUDIO_PACK_MAX_BYTES) return { ok: false, error: 'pack-too-large' };
  let total = 0;
  let tooLarge = false;
  try {
    const entries = unzipSync(bytes, {
      filter: (file) => {
        total += file.originalSize;
        if (total > AUDIO_PACK_MAX_BYTES) tooLarge = true;
        return !tooLarge;
      },
    });
    return tooLarge ? { ok: false, error: 'pack-too-large' } : { ok: true, entries };
  } catch {
    return { ok: false, error: tooLarge ? 'pack-too-large' : 'not-a-pack' };
  }
}
