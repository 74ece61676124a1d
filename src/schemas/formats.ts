/**
 * The facts about each stored and exported format that browser code needs: versions, kinds,
 * limits and patterns. Zod-free on purpose: importing a zod schema into a page would ship zod
 * (about 28 KB gzipped) to the browser; the browser validates with code generated from the zod
 * schemas instead (`src/lib/device-data/validators.generated.ts`, `npm run schemas`).
 */

/** An ASCII slug: module, lesson, site, survey and question ids. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** `<module-id>/<lesson-id>`: the one lesson id used in routes, storage, exports and links. */
export const LESSON_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/;
/**
 * A locale code as used in URLs and files: a two- or three-letter language code, optionally with
 * a variant, e.g. `sv`, `prs`, `sv-easy` (easy Swedish).
 */
export const LOCALE_CODE_PATTERN = /^[a-z]{2,3}(?:-[a-z]{2,8})?$/;
/** A random lower-case UUID, as `crypto.randomUUID()` writes it. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/**
 * A string that opens no markup: no `<` followed by a letter, `/`, `!` or `?` (see
 * `src/lib/text/markup.ts`, the one markup policy).
 */
export const NO_MARKUP_PATTERN = /^(?![\s\S]*<[A-Za-z/!?])[\s\S]*$/;
/**
 * A group name typed by a teacher: no angle brackets (so never markup), no control characters or
 * line breaks, no leading or trailing space. Bidi controls are stripped when a name is made and
 * names are always shown isolated (`src/lib/text/bidi.ts`).
 */
// eslint-disable-next-line no-control-regex
export const GROUP_NAME_PATTERN = /^(?=\S)(?![\s\S]*\s$)[^<>\u0000-\u001f\u007f-\u009f\u2028\u2029]+$/;

/** Progress kept on the device, `orienta:<site-id>:progress`. */
export const PROGRESS_STORE_VERSION = 1;
/**
 * "Export progress" files (`/schemas/progress.v2.json`). Version 2 adds the passport id, so a
 * teacher's group counts one participant once however their progress arrives; version 1 files
 * are still read (`/schemas/progress.v1.json`).
 */
export const PROGRESS_FILE = { kind: 'orienta.progress', version: 2, schema: 'progress.v2.json', maxBytes: 1_000_000 } as const;
/** The participant's passport on this device, `orienta:<site-id>:passport`. */
export const PASSPORT_STORE_VERSION = 1;
/** A passport id: 8 random bytes as 16 hex digits. */
export const PASSPORT_ID_PATTERN = /^[0-9a-f]{16}$/;
/** Longest participant name, in characters. */
export const MAX_PARTICIPANT_NAME = 80;

/** Assignment links (`#a=1.…`). */
export const ASSIGNMENT_VERSION = 1;
/** Most modules plus single lessons in one assignment. Keeps links short enough for a QR code. */
export const MAX_ASSIGNMENT_ITEMS = 60;
/** Longest group name, in characters. */
export const MAX_GROUP_NAME_LENGTH = 60;
/** Most assignments kept on one device; adding another drops the one received first. */
export const MAX_STORED_ASSIGNMENTS = 50;
/** Assignments kept on the device, `orienta:<site-id>:assignments`. */
export const ASSIGNMENT_STORE_VERSION = 1;

/** The days lessons were last opened on this device, `orienta:<site-id>:visits`. */
export const VISITS_STORE_VERSION = 1;

/** How a participant likes to read and listen, `orienta:<site-id>:preferences`. */
export const PREFERENCES_STORE_VERSION = 1;

/** Survey answers kept on the device, `orienta:<site-id>:surveys`. */
export const SURVEY_STORE_VERSION = 1;
/** "Export survey answers" files (`/schemas/survey-response.v1.json`). */
export const SURVEY_FILE = { kind: 'orienta.survey-responses', version: 1, schema: 'survey-response.v1.json', maxBytes: 5 * 1024 * 1024 } as const;
/** Longest free-text answer, in characters. */
export const MAX_TEXT_ANSWER_LENGTH = 2000;
/** Most answers in one response. */
export const MAX_ANSWERS_PER_RESPONSE = 100;
/** Most options chosen in one multiple-choice answer. */
export const MAX_CHOSEN_OPTIONS = 50;

/**
 * The language all content is written in first (see `src/lib/i18n/locales.ts`, which explains it
 * and is where code imports it from; it lives here so schemas can use it without importing lib).
 */
export const SOURCE_LOCALE = 'sv';

/** The participant's competence card, `orienta:<site-id>:card`. */
export const CARD_STORE_VERSION = 1;
/** "Export card" files (`/schemas/competence-card.v1.json`). */
export const CARD_FILE = { kind: 'orienta.competence-card', version: 1, schema: 'competence-card.v1.json', maxBytes: 500_000 } as const;
/**
 * How much a competence card holds. Sized for one printed page per section: a card is read by an
 * employer in a minute, and every limit is shown to the participant before it is reached.
 */
export const CARD_LIMITS = {
  /** A one-line text: a title, a school, an employer, a period, a skill. */
  line: 120,
  /** A longer text: tasks at a job, the work the participant wants. */
  paragraph: 1000,
  /** Entries in each list (education, work, languages, certificates). */
  entries: 20,
  /** Skills. */
  skills: 30,
  /** Planned steps. */
  steps: 40,
} as const;
/** Self-assessed level of a language, from strongest to weakest. */
export const LANGUAGE_LEVELS = ['mother-tongue', 'fluent', 'good', 'basic', 'beginner'] as const;
/** Driving licence categories in the EU (Transportstyrelsen uses the same letters). */
export const DRIVING_LICENCE_CATEGORIES = ['AM', 'A1', 'A2', 'A', 'B', 'BE', 'C1', 'C1E', 'C', 'CE', 'D1', 'D1E', 'D', 'DE'] as const;
/** Where a planned step stands. */
export const STEP_STATUSES = ['planned', 'started', 'done'] as const;
/** A step id in `content/card-steps.yaml`: `<topic>.<action>`, lower-case ASCII. */
export const CARD_STEP_ID_PATTERN = /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/;
/** A language code the card offers: ISO 639-1 or 639-3. */
export const LANGUAGE_CODE_PATTERN = /^[a-z]{2,3}$/;

/** The manifest of a lesson's recorded audio, `content/audio/<locale>/<module>/<lesson>/manifest.json`. */
export const AUDIO_MANIFEST = { kind: 'orienta.audio-manifest', version: 1, schema: 'audio-manifest.v1.json', maxBytes: 1_000_000 } as const;
/**
 * Largest audio file for one paragraph. Speech at 24–32 kbit/s takes about 200 KB a minute, so
 * this allows a paragraph of ten minutes; anything larger is not speech-quality audio.
 */
export const AUDIO_MAX_FILE_BYTES = 2_000_000;
/** Largest audio pack a teacher can open or add (a whole lesson in one language). */
export const AUDIO_PACK_MAX_BYTES = 60_000_000;
/** An audio file of a manifest: `<3-digit number>-<text hash>.<ext>`, speech formats only. */
export const AUDIO_FILE_PATTERN = /^[0-9]{3}-[0-9a-f]{8}\.(webm|ogg|opus|m4a|mp3)$/;
/** A text hash as `textHash()` writes it. */
export const TEXT_HASH_PATTERN = /^[0-9a-f]{8}$/;

/** The teacher's group, kept on the teacher's device, `orienta:<site-id>:group`. */
export const GROUP_STORE_VERSION = 1;
/** Most participants in one group. */
export const MAX_GROUP_PARTICIPANTS = 200;
/** A participant's key in a group: their passport id, or `file-<hash>` for a version 1 file without one. */
export const PARTICIPANT_KEY_PATTERN = /^(?:[0-9a-f]{16}|file-[0-9a-f]{8})$/;

/** A partial survey summary: counts only, to merge with other municipalities' (`/schemas/survey-partial.v1.json`). */
export const SURVEY_PARTIAL_FILE = { kind: 'orienta.survey-partial', version: 1, schema: 'survey-partial.v1.json', maxBytes: 20_000_000 } as const;

/**
 * Single-choice roles that group the report (Länsstyrelsen's follow-up asks for them), with the
 * option ids each must have, so reports and merged summaries agree whatever the labels say.
 */
export const GROUPING_ROLE_OPTIONS: Readonly<Record<'gender' | 'setting' | 'form', readonly string[]>> = {
  gender: ['woman', 'man', 'another', 'no-answer'],
  setting: ['classroom', 'distance', 'mixed'],
  form: ['ordinary', 'intensive', 'dont-know'],
};
