/**
 * Matching a lesson's recordings to its paragraphs as they are now. Pure; shared by the player
 * (what to play), the studio (what to record again) and the build's audit (what to report).
 */
import type { AudioManifest, AudioSegment } from '../../schemas/audio.ts';

/** What a paragraph of the lesson has. */
export type SegmentAudio = { kind: 'recording'; recording: AudioSegment } | { kind: 'none' };

/** The recording of each paragraph, by the hash of its current text; none where the text has no recording. */
export function recordingsFor(segments: ReadonlyArray<{ hash: string }>, manifest: AudioManifest | null | undefined): SegmentAudio[] {
  const byHash = new Map((manifest?.segments ?? []).map((recording) => [recording.textHash, recording]));
  return segments.map((segment) => {
    const recording = byHash.get(segment.hash);
    return recording ? { kind: 'recording', recording } : { kind: 'none' };
  });
}

/** Recordings whose text is no longer in the lesson: the text changed since they were made. Never played. */
export function staleRecordings(segments: ReadonlyArray<{ hash: string }>, manifest: AudioManifest | null | undefined): AudioSegment[] {
  const current = new Set(segments.map((segment) => segment.hash));
  return (manifest?.segments ?? []).filter((recording) => !current.has(recording.textHash));
}

/**
 * Which paragraph each stale recording most likely belonged to: the first paragraph without a
 * recording between the paragraphs of its recorded neighbours. Lets the studio say "the text of
 * this paragraph changed since it was recorded" rather than only "not recorded".
 *
 * @returns paragraph index → the stale recording that was probably its
 */
export function staleByParagraph(segments: ReadonlyArray<{ hash: string }>, manifest: AudioManifest | null | undefined): Map<number, AudioSegment> {
  const result = new Map<number, AudioSegment>();
  if (!manifest) return result;
  const indexOf = new Map<string, number>();
  segments.forEach((segment, index) => indexOf.has(segment.hash) || indexOf.set(segment.hash, index));
  const recorded = new Set(manifest.segments.map((r) => indexOf.get(r.textHash)).filter((i): i is number => i !== undefined));
  let previous = -1;
  manifest.segments.forEach((recording, position) => {
    const here = indexOf.get(recording.textHash);
    if (here !== undefined) {
      previous = here;
      return;
    }
    const nextKnown = manifest.segments.slice(position + 1).map((r) => indexOf.get(r.textHash)).find((i) => i !== undefined) ?? segments.length;
    for (let index = previous + 1; index < nextKnown; index++) {
      if (!recorded.has(index) && !result.has(index)) {
        result.set(index, recording);
        previous = index;
        break;
      }
    }
  });
  return result;
}

/** Total size and length of the recordings that match the lesson now (what Listen would download). */
export function playableTotals(segments: ReadonlyArray<{ hash: string }>, manifest: AudioManifest | null | undefined): { bytes: number; seconds: number; count: number } {
  const seen = new Set<string>();
  let bytes = 0;
  let seconds = 0;
  for (const audio of recordingsFor(segments, manifest)) {
    if (audio.kind !== 'recording' || seen.has(audio.recording.file)) continue;
    seen.add(audio.recording.file);
    bytes += audio.recording.bytes;
    seconds += audio.recording.seconds;
  }
  return { bytes, seconds, count: seen.size };
}
