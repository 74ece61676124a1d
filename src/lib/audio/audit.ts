/**
 * The audio check of a built site (Node only): each lesson page with recorded audio is read as
 * the browser reads it (node-html-parser gives the same tree for this), split into paragraphs by the player's own rule
 * (`collectSegments`), and compared with its manifest. Run by the build, which publishes the
 * result in `reports/audio-status.json`, and shown by `npm run audio:status`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import type { AudioManifest } from '../../schemas/audio.ts';
import { collectSegments, type SegmentElement } from './segments.ts';
import { recordingsFor, staleRecordings } from './recordings.ts';

/** How one lesson's audio in one language stands. */
export interface LessonAudioStatus {
  locale: string;
  lesson: string;
  /** Paragraphs of the lesson now. */
  paragraphs: number;
  /** Paragraphs with a current recording. */
  recorded: number;
  /** Paragraph numbers (1-based) without a recording, with the start of their text. */
  missing: Array<{ paragraph: number; text: string }>;
  /** Recordings whose text changed since: not played. */
  stale: Array<{ file: string; text: string }>;
  /** Bytes and seconds of the recordings that play. */
  bytes: number;
  seconds: number;
}

/** The paragraphs of a built lesson page, as the player sees them. */
export function paragraphsOfPage(html: string): Array<{ hash: string; text: string }> {
  const article = parse(html).querySelector('article[data-lesson]');
  return article ? collectSegments(article as unknown as SegmentElement).map(({ hash, text }) => ({ hash, text })) : [];
}

/** Compares a manifest with the lesson page it belongs to. */
export function auditLesson(locale: string, manifest: AudioManifest, html: string): LessonAudioStatus {
  const paragraphs = paragraphsOfPage(html);
  const audio = recordingsFor(paragraphs, manifest);
  const playing = audio.flatMap((a) => (a.kind === 'recording' ? [a.recording] : []));
  const unique = [...new Map(playing.map((r) => [r.file, r])).values()];
  return {
    locale,
    lesson: manifest.lesson,
    paragraphs: paragraphs.length,
    recorded: audio.filter((a) => a.kind === 'recording').length,
    missing: audio.flatMap((a, i) => (a.kind === 'none' ? [{ paragraph: i + 1, text: paragraphs[i]!.text.slice(0, 60) }] : [])),
    stale: staleRecordings(paragraphs, manifest).map((r) => ({ file: r.file, text: r.text.slice(0, 60) })),
    bytes: unique.reduce((sum, r) => sum + r.bytes, 0),
    seconds: Math.round(unique.reduce((sum, r) => sum + r.seconds, 0) * 10) / 10,
  };
}

/** The built page of a lesson, or undefined when the site does not publish it. */
export function builtLessonPage(distDir: string, locale: string, lesson: string): string | undefined {
  const file = join(distDir, locale, lesson, 'index.html');
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}
