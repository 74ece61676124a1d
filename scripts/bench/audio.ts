/**
 * Recorded audio in a built site: size and length per lesson and language, and the bytes a minute
 * of listening costs a participant on a metered connection.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles } from '../../src/lib/site/files.ts';
import type { AudioManifest } from '../../src/schemas/audio.ts';

export interface AudioFigure {
  locale: string;
  lesson: string;
  voice: 'human' | 'synthetic';
  segments: number;
  bytes: number;
  seconds: number;
  /** KB (1024 bytes) per minute of listening. */
  kbPerMinute: number;
}

/** The audio published in `distDir/audio/`. */
export function audioFigures(distDir: string): AudioFigure[] {
  const dir = join(distDir, 'audio');
  if (!existsSync(dir)) return [];
  return listFiles(dir)
    .filter((file) => file.endsWith('/manifest.json'))
    .map((file) => {
      const manifest = JSON.parse(readFileSync(join(dir, file), 'utf8')) as AudioManifest;
      const bytes = manifest.segments.reduce((sum, s) => sum + s.bytes, 0);
      const seconds = manifest.segments.reduce((sum, s) => sum + s.seconds, 0);
      return {
        locale: manifest.locale,
        lesson: manifest.lesson,
        voice: manifest.voice.kind,
        segments: manifest.segments.length,
        bytes,
        seconds,
        kbPerMinute: seconds ? Math.round((bytes / 1024 / seconds) * 60 * 10) / 10 : 0,
      };
    });
}
