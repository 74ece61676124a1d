import { z } from 'astro/zod';
import { AUDIO_FILE_PATTERN, AUDIO_MANIFEST, AUDIO_MAX_FILE_BYTES, LESSON_ID_PATTERN, LOCALE_CODE_PATTERN, NO_MARKUP_PATTERN, TEXT_HASH_PATTERN } from './formats.ts';

/*
 * Recorded audio of a lesson, as content: one file per paragraph and a manifest that ties each
 * file to the text it reads by a hash of that text (`src/lib/audio/segments.ts` says what a
 * paragraph is and how its text is taken). A file whose text has changed since it was recorded
 * is stale: reported by `npm run audio:status` and never played.
 */

/** One recorded paragraph. */
export const audioSegmentSchema = z
  .object({
    /** The audio file, beside the manifest: `<number>-<text hash>.<webm|ogg|opus|m4a|mp3>`. */
    file: z.string().regex(AUDIO_FILE_PATTERN).meta({ description: 'Audio file name beside the manifest' }),
    /** `textHash()` of the paragraph's text as it was when recorded. */
    textHash: z.string().regex(TEXT_HASH_PATTERN).meta({ description: 'Hash of the text the file reads' }),
    /** That text, so a person can see what was read and what changed since. */
    text: z.string().min(1).max(5000).regex(NO_MARKUP_PATTERN).meta({ description: 'The text the file reads' }),
    /** Length in seconds. */
    seconds: z.number().min(0).max(600).meta({ description: 'Length in seconds' }),
    /** Size in bytes. */
    bytes: z.int().min(1).max(AUDIO_MAX_FILE_BYTES).meta({ description: 'Size in bytes' }),
  })
  .strict();

/** The manifest of one lesson's audio in one language (`/schemas/audio-manifest.v1.json`). */
export const audioManifestV1Schema = z
  .object({
    /** URL of the JSON Schema this file follows. */
    $schema: z.string().max(500).optional().meta({ description: 'URL of /schemas/audio-manifest.v1.json' }),
    /** Format version. */
    schemaVersion: z.literal(AUDIO_MANIFEST.version).meta({ description: 'Format version' }),
    /** Marks the file type. */
    kind: z.literal(AUDIO_MANIFEST.kind).meta({ description: 'File type marker' }),
    /** The lesson, `<module-id>/<lesson-id>`. */
    lesson: z.string().max(120).regex(LESSON_ID_PATTERN).meta({ description: 'Lesson id' }),
    /** The language read, a locale code. */
    locale: z.string().regex(LOCALE_CODE_PATTERN).meta({ description: 'Locale code' }),
    /** Whose voice: a person's, or a speech synthesizer's (labelled "computer voice" to listeners). */
    voice: z
      .object({
        /** `human` for a recorded person; `synthetic` for a speech synthesizer. */
        kind: z.enum(['human', 'synthetic']).meta({ description: 'human or synthetic' }),
        /** Who or what read it, as the municipality wants it credited (optional). */
        credit: z.string().max(200).regex(NO_MARKUP_PATTERN).optional().meta({ description: 'Credit line' }),
      })
      .strict(),
    /** The day the newest segment was recorded, YYYY-MM-DD. */
    recordedOn: z.iso.date().meta({ description: 'Day of the latest recording' }),
    /** Recorded paragraphs, in the order of the lesson. */
    segments: z.array(audioSegmentSchema).max(500).meta({ description: 'Recorded paragraphs' }),
  })
  .strict();

export type AudioManifest = z.infer<typeof audioManifestV1Schema>;
export type AudioSegment = z.infer<typeof audioSegmentSchema>;
